import CourseModel
import Foundation

/// Nothing a scaffold wrote for the author to replace reaches a package or a credential.
public struct PlaceholderTextRule: Rule {
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
        ])

    /// Checks the files of the courses, their Things, the issuer and the badges.
    public func check(_ context: ValidationContext) -> [Finding] {
        var files: [(path: String, isDraft: Bool)] = []
        for course in context.workspace.courses {
            files.append((context.layout.courseFile(inCourseFolder: course.folder), false))
            for thing in course.things { files.append((thing.file, thing.status != .published)) }
        }
        if let issuer = context.workspace.badges.issuer { files.append((issuer.file, false)) }
        for badge in context.workspace.badges.badges { files.append((badge.file, false)) }
        return files.flatMap { file in findings(in: file.path, isDraft: file.isDraft, context) }
    }

    /// The placeholders in one file, each where it stands.
    private func findings(in path: String, isDraft: Bool, _ context: ValidationContext) -> [Finding] {
        guard let bytes = try? context.fileSystem.readFile(context.absolutePath(path)) else { return [] }
        var found: [Finding] = []
        for (index, line) in String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .enumerated()
        {
            // Comments explain; they are never published.
            guard !line.drop(while: { $0 == " " }).hasPrefix("#") else { continue }
            let code = String(line)
            var hits: [(column: Int, text: String)] = ScaffoldPlaceholder.sentences.compactMap { sentence in
                code.range(of: sentence).map { (code.distance(from: code.startIndex, to: $0.lowerBound) + 1, sentence) }
            }
            if let colon = code.range(of: ": ") {
                let value = String(code[colon.upperBound...].drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
                if ScaffoldPlaceholder.values.contains(value) {
                    hits.append((code.distance(from: code.startIndex, to: colon.upperBound) + 1, value))
                }
            }
            for hit in hits {
                let location = SourceLocation(file: path, line: index + 1, column: hit.column)
                let message =
                    "“\(hit.text)” is a placeholder `toolkit new` or `toolkit import` wrote; replace it with your own text"
                var finding = finding(
                    message, at: location,
                    hint: isDraft ? "a draft may keep it; it must go before the Thing is published" : "write what it asks for")
                if isDraft { finding.severity = .warning }
                found.append(finding)
            }
        }
        return found
    }
}
