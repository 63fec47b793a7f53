import Foundation
import CourseModel

/// Reads one Thing: a Markdown file with YAML front matter.
enum ThingFileLoader {
    /// Keys a Thing's front matter may have.
    static let knownKeys = [
        "id", "number", "title", "status", "badge", "countsTowards", "durationMinutes", "aim", "outcomes",
        "prerequisites", "activities", "resources", "references",
    ]
    /// Keys a resource may have.
    static let resourceKeys = ["id", "title", "kind", "author", "publisher", "date", "pages", "url", "file", "licence", "notes"]

    /// Reads the Thing in `text`; nil (after reporting) when the front matter cannot be read.
    static func load(_ text: SourceText, file: String, sink: FindingSink) -> Thing? {
        guard let split = FrontMatter(splitting: text.text, file: file, sink: sink) else { return nil }
        let yaml = YAMLText(file: file, lineOffset: split.yamlLineOffset)
        guard let root = yaml.parse(split.yaml, into: sink) else { return nil }
        guard let reader = MappingReader(root, yaml: yaml, sink: sink, entityName: "Thing", knownKeys: knownKeys) else {
            return nil
        }
        let stem = String(file.split(separator: "/").last?.split(separator: ".").first ?? "")
        let body = MarkdownText(source: split.body, start: SourceLocation(file: file, line: split.bodyStartLine, column: 1))
        let (intro, sections) = splitSections(body)
        return Thing(
            id: reader.string("id", required: true) ?? stem,
            number: reader.int("number", required: true) ?? 0,
            title: reader.string("title") ?? "",
            status: reader.oneOf("status", as: ThingStatus.self, required: true) ?? .draft,
            badge: reader.reference("badge"),
            countsTowards: reader.references("countsTowards"),
            durationMinutes: reader.int("durationMinutes"),
            aim: reader.string("aim") ?? "",
            outcomes: reader.strings("outcomes"),
            prerequisites: reader.sequence("prerequisites").compactMap { prerequisite($0, in: reader) },
            intro: intro, sections: sections,
            activities: reader.sequence("activities").enumerated().compactMap {
                ActivityReader.read($1, index: $0, in: reader)
            },
            resources: reader.sequence("resources").compactMap { resource($0, in: reader) },
            references: reader.references("references"),
            body: body, file: file, fields: reader.fields)
    }

    private static func prerequisite(_ node: YAMLNode, in thing: MappingReader) -> Prerequisite? {
        guard let reader = thing.child(node, entityName: "prerequisite", knownKeys: ["thing", "badge", "level"]) else {
            return nil
        }
        let level = reader.oneOf("level", as: Prerequisite.Level.self) ?? .recommended
        if let thingReference = reader.reference("thing") {
            return Prerequisite(target: .thing(thingReference), level: level, fields: reader.fields)
        }
        if let badge = reader.reference("badge") {
            return Prerequisite(target: .badge(badge), level: level, fields: reader.fields)
        }
        reader.report(
            LoaderRuleID.requiredField, "a prerequisite names either a `thing` or a `badge`", field: "level",
            hint: "add `thing: thing-01` or `badge: <badge id>`")
        return nil
    }

    private static func resource(_ node: YAMLNode, in thing: MappingReader) -> Resource? {
        guard let reader = thing.child(node, entityName: "resource", knownKeys: resourceKeys) else { return nil }
        let id = reader.string("id", required: true) ?? ""
        return Resource(
            id: id, title: reader.string("title", required: true) ?? id,
            kind: reader.oneOf("kind", as: Resource.Kind.self, required: true) ?? .article,
            author: reader.string("author"), publisher: reader.string("publisher"), date: reader.string("date"),
            pages: reader.string("pages"), url: reader.string("url"), file: reader.string("file"),
            licence: reader.string("licence"), notes: reader.string("notes"), fields: reader.fields)
    }

    /// Splits the body at its level-2 ATX headings (`## Title`, indented at most three spaces), skipping
    /// fenced code blocks, as CommonMark reads them. A line scan: the body is parsed fully only once,
    /// by the validator.
    static func splitSections(_ body: MarkdownText) -> (intro: MarkdownText, sections: [Section]) {
        let lines = TextLines(body.source)
        var headings: [(line: Int, text: String)] = []
        var fence: ArraySlice<UInt8>?
        for index in 0..<lines.count {
            let line = lines.line(index)
            let trimmed = line.drop { $0 == 0x20 }
            guard line.count - trimmed.count <= 3 else { continue }
            if let open = fence {
                if trimmed.starts(with: open) { fence = nil }
                continue
            }
            if trimmed.starts(with: "```") || trimmed.starts(with: "~~~") {
                fence = trimmed.prefix(3)
                continue
            }
            if trimmed.starts(with: "## ") || trimmed.trimmingTrailingBlanks.equals("##") {
                var text = trimmed.dropFirst(2).trimmingBlanks
                while text.last == UInt8(ascii: "#") { text = text.dropLast() }
                headings.append((index + 1, String(decoding: text.trimmingBlanks, as: UTF8.self)))
            }
        }
        func slice(_ from: Int, _ to: Int) -> MarkdownText {
            MarkdownText(
                source: lines.text(of: max(0, from - 1)..<min(lines.count, max(0, to - 1))),
                start: SourceLocation(file: body.start.file, line: body.start.line + from - 1, column: 1))
        }
        let intro = slice(1, headings.first?.line ?? lines.count + 1)
        let sections = headings.enumerated().map { index, heading in
            let end = index + 1 < headings.count ? headings[index + 1].line : lines.count + 1
            return Section(heading: heading.text, markdown: slice(heading.line, end))
        }
        return (intro, sections)
    }
}
