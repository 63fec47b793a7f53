import CourseModel

/// One build of the course as the preview serves it: the package's files (from the last build without
/// errors), the errors of the latest edit (empty once fixed), and a generation that changes with every
/// rebuild, which open pages compare with theirs to know when to reload.
public struct PreviewSnapshot: Sendable {
    /// Counts rebuilds; 0 before the first.
    public let generation: Int
    /// The package's files by path (`index.html`, `things/thing-02.html`, `assets/course.css`, …).
    public let files: [String: [UInt8]]
    /// The errors of the latest build, in `validate`'s order; empty when the course builds.
    public let problems: [PreviewProblem]
    /// The course previewed.
    public let courseID: String?
    /// Seconds the latest build took.
    public let buildSeconds: Double

    /// An empty snapshot, before the first build.
    public static let empty = PreviewSnapshot(generation: 0, files: [:], problems: [], courseID: nil, buildSeconds: 0)
}

/// One error as the page overlay and the status endpoint show it: `validate`'s text, in parts.
public struct PreviewProblem: Sendable, Encodable, Equatable {
    /// The file, relative to the workspace.
    public let file: String
    /// The line, 1-based (0 when the finding names a whole file).
    public let line: Int
    /// The column, 1-based (0 when none).
    public let column: Int
    /// The rule id.
    public let rule: String
    /// What is wrong.
    public let message: String
    /// How to fix it, when known.
    public let hint: String?

    private enum CodingKeys: String, CodingKey { case file, line, column, rule, message, hint, text }

    /// The parts, and the whole line as `validate` prints it (the page overlay shows `text`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(rule, forKey: .rule)
        try container.encode(message, forKey: .message)
        try container.encodeIfPresent(hint, forKey: .hint)
        try container.encode(text, forKey: .text)
    }

    /// `file:line:col: error: message [rule]`, as `validate` prints it.
    public var text: String { text(showingFileAs: file) }

    /// The same line with the file shown as `shownFile` (relative to where the user is).
    public func text(showingFileAs shownFile: String) -> String {
        var location = TerminalText.escaped(shownFile)
        if line > 0 { location += ":\(line)" + (column > 0 ? ":\(column)" : "") }
        return "\(location): error: \(TerminalText.escaped(message)) [\(rule)]"
            + (hint.map { "\n    hint: \(TerminalText.escaped($0))" } ?? "")
    }

    /// The problem `finding` describes.
    init(_ finding: Finding) {
        file = finding.location.file
        line = finding.location.line
        column = finding.location.column
        rule = finding.ruleID
        message = finding.message
        hint = finding.hint
    }
}
