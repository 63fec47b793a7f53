import CourseModel

/// Reads a picture mapping (`image` and `alt`): the `cover:` of a course or a Thing, a course's `logo:`.
enum CoverReader {
    /// The picture written under `key` (`cover` unless said), if any.
    static func read(from reader: MappingReader, key: String = "cover") -> Cover? {
        guard let cover = reader.mapping(key, entityName: "the \(key)") else { return nil }
        return Cover(
            image: cover.string("image", required: true) ?? "", alternativeText: cover.string("alt", required: true) ?? "",
            fields: cover.fields)
    }
}
