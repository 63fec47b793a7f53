import CourseModel

/// Reads `Badges/issuer.yaml` and `Badges/badges/*.yaml`.
enum BadgeFileLoader {
    /// Reads the issuer profile.
    static func loadIssuer(_ text: SourceText, file: String, sink: FindingSink) -> Issuer? {
        let yaml = YAMLText(file: file, lineOffset: 0, text: text.text)
        guard let root = yaml.parse(into: sink),
            let reader = MappingReader(
                root, yaml: yaml, sink: sink, entityName: "the issuer", definition: CourseFileFields.issuer)
        else { return nil }
        return Issuer(
            id: reader.string("id", required: true) ?? "", name: reader.string("name", required: true) ?? "",
            url: reader.string("url"), email: reader.string("email"), image: reader.string("image"),
            description: reader.string("description") ?? "", applicationForm: reader.string("applicationForm"), file: file,
            fields: reader.fields)
    }

    /// Reads one badge class.
    static func loadBadge(_ text: SourceText, file: String, sink: FindingSink) -> BadgeClass? {
        let yaml = YAMLText(file: file, lineOffset: 0, text: text.text)
        guard let root = yaml.parse(into: sink),
            let reader = MappingReader(root, yaml: yaml, sink: sink, entityName: "the badge", definition: CourseFileFields.badge)
        else { return nil }
        let alignments = reader.sequence("alignment").compactMap { node -> BadgeClass.Alignment? in
            guard
                let alignment = reader.child(node, of: "alignment", entityName: "alignment")
            else { return nil }
            return BadgeClass.Alignment(
                targetName: alignment.string("targetName", required: true) ?? "",
                targetURL: alignment.string("targetUrl"), framework: alignment.string("framework"), fields: alignment.fields)
        }
        return BadgeClass(
            id: reader.string("id", required: true) ?? "",
            kind: reader.oneOf("kind", as: BadgeClass.Kind.self, required: true) ?? .thing,
            name: reader.string("name", required: true) ?? "",
            listingName: reader.string("listingName"), description: reader.string("description") ?? "",
            image: reader.string("image"), url: reader.string("url"), tags: reader.strings("tags"),
            expiresAfterDays: reader.int("expiresAfterDays"), alignments: alignments, file: file, fields: reader.fields)
    }
}
