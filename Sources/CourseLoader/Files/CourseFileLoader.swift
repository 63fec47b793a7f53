import CourseModel

/// Reads `course.yaml`.
enum CourseFileLoader {
    /// Reads the course file; nil (after reporting) when it cannot be read as a mapping.
    static func load(_ text: SourceText, file: String, folder: String, sink: FindingSink) -> Course? {
        let yaml = YAMLText(file: file, lineOffset: 0, text: text.text)
        guard let root = yaml.parse(into: sink),
            let reader = MappingReader(
                root, yaml: yaml, sink: sink, entityName: "the course", definition: CourseFileFields.course)
        else { return nil }
        let folderName = String(folder.split(separator: "/").last ?? "")
        let licence = reader.mapping("licence", entityName: "the licence").map {
            Licence(name: $0.string("name", required: true) ?? "", url: $0.string("url"), fields: $0.fields)
        }
        let collections = reader.sequence("collections").compactMap { node -> Collection? in
            guard let collection = reader.child(node, of: "collections", entityName: "collection")
            else { return nil }
            let id = collection.string("id", required: true) ?? ""
            return Collection(
                id: id, title: collection.string("title", required: true) ?? id,
                badge: collection.reference("badge"), members: collection.references("things", required: true),
                fields: collection.fields)
        }
        var course = Course(
            id: reader.string("id", required: true) ?? folderName,
            title: reader.string("title", required: true) ?? folderName,
            description: reader.string("description") ?? "",
            language: reader.string("language", required: true) ?? "en",
            version: reader.string("version") ?? "",
            issuer: reader.reference("issuer"),
            licence: licence,
            attribution: reader.string("attribution") ?? "",
            cover: CoverReader.read(from: reader),
            thingOrder: reader.references("things", required: true),
            collections: collections,
            folder: folder, fields: reader.fields)
        course.colour = reader.string("colour")
        course.logo = CoverReader.read(from: reader, key: "logo")
        course.startWith = reader.references("startWith")
        course.finishWith = reader.references("finishWith")
        return course
    }
}
