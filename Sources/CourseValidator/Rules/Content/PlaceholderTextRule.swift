import CourseModel
import ToolkitSupport

/// Nothing a scaffold wrote for the author to replace reaches a package or a credential.
public struct PlaceholderTextRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "placeholder-text", name: "Placeholder text",
        summary:
            "The texts `toolkit new` writes for the author to replace (\"Say in a sentence or two…\", \"The organisation's name\", `https://example.org`) are gone from published Things, course.yaml, issuer.yaml and badges; in a draft Thing they are a warning.",
        triggeringExamples: [
            .replacing(
                "description: A course for rule examples.",
                with: "description: ↓\(ScaffoldPlaceholder.courseDescription)", in: RuleFixture.course),
            .replacing("name: Demo – Thing 1", with: "name: ↓\(ScaffoldPlaceholder.issuerName)", in: RuleFixture.firstBadge),
            // Columns count characters, not bytes; two on one line are two findings.
            .replacing(
                "Intro text.",
                with: "Intro – “ök” ↓\(ScaffoldPlaceholder.thingBody) ↓\(ScaffoldPlaceholder.thingBody)"),
            .replacing("url: https://example.org/guide", with: "url:   ↓\(ScaffoldPlaceholder.issuerURL)  "),
        ],
        nonTriggeringExamples: [
            // A comment, an address that only starts like the placeholder, a value inside a sentence.
            .replacing("Intro text.", with: "Intro text.\n<!-- -->\n\n    # \(ScaffoldPlaceholder.thingBody)")
                .replacing("id: demo", with: "# \(ScaffoldPlaceholder.courseDescription)\nid: demo", in: RuleFixture.course),
            .replacing(
                "Body text", with: "See: \(ScaffoldPlaceholder.issuerURL)/guide and: \(ScaffoldPlaceholder.issuerEmail) here"),
        ])

    /// Checks the course files, the issuer and the badges.
    public func checkOutsideThings(_ context: ValidationContext) -> [Finding] {
        var files = context.workspace.courses.map { context.layout.courseFile(inCourseFolder: $0.folder) }
        if let issuer = context.workspace.badges.issuer { files.append(issuer.file) }
        files += context.workspace.badges.badges.map(\.file)
        return files.flatMap { findings(in: $0, isDraft: false, context) }
    }

    /// Checks a Thing's file: in a draft, placeholders are warnings.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        findings(in: thing.file, isDraft: thing.status != .published, context)
    }

    /// The placeholders in one file, each where it stands.
    private func findings(in path: String, isDraft: Bool, _ context: ValidationContext) -> [Finding] {
        guard let bytes = try? context.fileSystem.readFile(context.absolutePath(path)) else { return [] }
        // Each text is looked for in the file's bytes at once; lines are only worked out for a hit.
        var hits: [(offset: Int, text: String)] = []
        for placeholder in Self.sentences {
            hits += ByteSearch.offsets(of: placeholder.bytes, in: bytes).map { ($0, placeholder.text) }
        }
        for placeholder in Self.values {
            hits += ByteSearch.offsets(of: placeholder.bytes, in: bytes).filter {
                Self.isWholeValue(at: $0, length: placeholder.bytes.count, in: bytes)
            }.map { ($0, placeholder.text) }
        }
        return hits.compactMap { hit in
            let lineStart = bytes[..<hit.offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
            // Comments explain; they are never published.
            guard bytes[lineStart...].first(where: { $0 != UInt8(ascii: " ") }) != UInt8(ascii: "#") else { return nil }
            let line = bytes[..<lineStart].count { $0 == UInt8(ascii: "\n") } + 1
            let column = String(decoding: bytes[lineStart..<hit.offset], as: UTF8.self).count + 1
            let message = "“\(hit.text)” is a placeholder `toolkit new` or `toolkit import` wrote; replace it with your own text"
            var finding = finding(
                message, at: SourceLocation(file: path, line: line, column: column),
                hint: isDraft ? "a draft may keep it; it must go before the Thing is published" : "write what it asks for")
            if isDraft { finding.severity = .warning }
            return finding
        }
    }

    /// Whether the value at `offset` is a line's whole value: after the line's first `: ` and spaces,
    /// followed by nothing but spaces (`url: https://example.org`, not `https://example.org/guide`).
    private static func isWholeValue(at offset: Int, length: Int, in bytes: [UInt8]) -> Bool {
        let space = UInt8(ascii: " ")
        let lineStart = bytes[..<offset].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        let lineEnd = bytes[offset...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
        guard bytes[(offset + length)..<lineEnd].allSatisfy({ $0 == space }) else { return false }
        let line = Array(bytes[lineStart..<lineEnd])
        guard let colon = ByteSearch.offsets(of: [UInt8(ascii: ":"), space], in: line).first else { return false }
        let valueStart = line[(colon + 2)...].firstIndex { $0 != space } ?? line.endIndex
        return lineStart + valueStart == offset
    }

    /// The sentences found anywhere in a line, with their bytes.
    private static let sentences = ScaffoldPlaceholder.sentences.map { (text: $0, bytes: Array($0.utf8)) }
    /// The values found only as a whole value, with their bytes.
    private static let values = ScaffoldPlaceholder.values.map { (text: $0, bytes: Array($0.utf8)) }
}
