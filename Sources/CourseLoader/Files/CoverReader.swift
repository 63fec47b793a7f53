import CourseModel

/// Reads a `cover:` mapping (`image` and `alt`) of a course or a Thing.
enum CoverReader {
    /// The cover written under `cover`, if any.
    static func read(from reader: MappingReader) -> Cover? {
        guard let cover = reader.mapping("cover", entityName: "the cover") else { return nil }
        return Cover(
            image: cover.string("image", required: true) ?? "", alternativeText: cover.string("alt", required: true) ?? "",
            fields: cover.fields)
    }
}
