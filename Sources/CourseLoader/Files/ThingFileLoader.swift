import CourseModel
import CourseYAML
import Foundation

/// Reads one Thing: a Markdown file with YAML front matter.
enum ThingFileLoader {
    /// Reads the Thing in `text`; nil (after reporting) when the front matter cannot be read.
    static func load(_ text: SourceText, file: String, sink: FindingSink) -> Thing? {
        guard let split = FrontMatter(splitting: text.text, file: file, sink: sink) else { return nil }
        let yaml = YAMLText(file: file, lineOffset: split.yamlLineOffset, text: split.yaml)
        guard let root = yaml.parse(into: sink) else { return nil }
        guard let reader = MappingReader(root, yaml: yaml, sink: sink, entityName: "Thing", definition: CourseFileFields.thing)
        else {
            return nil
        }
        let stem = String(file.split(separator: "/").last?.split(separator: ".").first ?? "")
        let body = MarkdownText(source: split.body, start: SourceLocation(file: file, line: split.bodyStartLine, column: 1))
        let activityNodes = reader.sequence("activities")
        var thing = Thing(
            id: reader.string("id", required: true) ?? stem,
            number: reader.int("number", required: true) ?? 0,
            title: reader.string("title") ?? "",
            status: reader.oneOf("status", as: ThingStatus.self, required: true) ?? .draft,
            badge: reader.reference("badge"),
            countsTowards: reader.references("countsTowards"),
            durationMinutes: reader.int("durationMinutes"),
            aim: reader.string("aim") ?? "",
            outcomes: reader.strings("outcomes"),
            cover: CoverReader.read(from: reader),
            prerequisites: reader.sequence("prerequisites").compactMap { prerequisite($0, in: reader) },
            activities: activityNodes.enumerated().compactMap { ActivityReader.read($1, index: $0, in: reader) },
            resources: reader.sequence("resources").compactMap { resource($0, in: reader) },
            references: reader.references("references"),
            body: body, file: file, fields: reader.fields)
        var digest = Hasher()
        digest.combine(file)
        var source = text.text
        source.withUTF8 { digest.combine(bytes: UnsafeRawBufferPointer($0)) }
        thing.sourceDigest = digest.finalize()
        if thing.activities.count < activityNodes.count {
            let readIDs = Set(thing.activities.map(\.id))
            thing.unreadableActivityIDs = activityNodes.compactMap { $0.value(forKey: "id")?.scalar }.filter {
                !readIDs.contains($0)
            }
        }
        return thing
    }

    private static func prerequisite(_ node: YAMLNode, in thing: MappingReader) -> Prerequisite? {
        guard let reader = thing.child(node, of: "prerequisites", entityName: "prerequisite") else {
            return nil
        }
        let level = reader.oneOf("level", as: Prerequisite.Level.self) ?? .recommended
        let thingReference = reader.reference("thing")
        let badge = reader.reference("badge")
        switch (thingReference, badge) {
        case (let thingReference?, nil):
            return Prerequisite(target: .thing(thingReference), level: level, fields: reader.fields)
        case (nil, let badge?):
            return Prerequisite(target: .badge(badge), level: level, fields: reader.fields)
        case (_?, _?):
            reader.report(
                LoaderRuleID.requiredField, "a prerequisite names either a `thing` or a `badge`, not both", field: "badge",
                hint: "write two prerequisites, one for the Thing and one for the badge")
            return nil
        case (nil, nil):
            if reader.has("thing") || reader.has("badge") { return nil }  // a wrong value, already reported
            reader.report(
                LoaderRuleID.requiredField, "a prerequisite names either a `thing` or a `badge`", field: "level",
                hint: "add `thing: thing-01` or `badge: <badge id>`")
            return nil
        }
    }

    private static func resource(_ node: YAMLNode, in thing: MappingReader) -> Resource? {
        guard let reader = thing.child(node, of: "resources", entityName: "resource") else { return nil }
        let id = reader.string("id", required: true) ?? ""
        return Resource(
            id: id, title: reader.string("title", required: true) ?? id,
            kind: reader.oneOf("kind", as: Resource.Kind.self, required: true) ?? .article,
            author: reader.string("author"), publisher: reader.string("publisher"), date: reader.string("date"),
            pages: reader.string("pages"), url: reader.string("url"), file: reader.string("file"),
            licence: reader.string("licence"), notes: reader.string("notes"), fields: reader.fields)
    }
}
