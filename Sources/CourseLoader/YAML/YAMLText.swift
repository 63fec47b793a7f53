import CourseModel
import CourseYAML

/// YAML source from one file, parsed into a `YAMLDocument` with positions mapped back to the file.
struct YAMLText {
    /// The file's path relative to the workspace root.
    let file: String
    /// Lines before the YAML starts in its file (front matter starts after `---`).
    let lineOffset: Int
    /// The YAML itself.
    let text: String

    /// The location in the file of a node's mark.
    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    /// Line `line` of the YAML (1-based, as nodes number them), or nil past its end.
    func sourceLine(_ line: Int) -> Substring? {
        var current = 1
        var start = text.startIndex
        while current < line {
            guard let newline = text[start...].firstIndex(of: "\n") else { return nil }
            start = text.index(after: newline)
            current += 1
        }
        return text[start...].prefix { $0 != "\n" }
    }

    /// Parses the text; on a syntax error records a located finding and returns nil.
    func parse(into sink: FindingSink) -> YAMLNode? {
        do {
            guard let root = try YAMLDocument.parse(text).root else {
                sink.error(
                    LoaderRuleID.requiredField, "there is nothing here; expected `key: value` fields",
                    at: SourceLocation(file: file, line: lineOffset + 1, column: 1),
                    hint: "see Docs/file-format.md for the fields")
                return nil
            }
            return root
        } catch {
            report(error, text: text, into: sink)
            return nil
        }
    }

    private func report(_ error: YAMLReadError, text: String, into sink: FindingSink) {
        switch error {
        case .syntax(let problem, let line, let column, let context):
            let wording = YAMLProblemWording(
                problem: problem, line: line, column: column, context: context,
                lines: text.split(separator: "\n", omittingEmptySubsequences: false), lineOffset: lineOffset)
            sink.error(
                LoaderRuleID.yamlSyntax, "YAML syntax error: \(wording.message)",
                at: SourceLocation(file: file, line: wording.position.line + lineOffset, column: wording.position.column),
                hint: wording.hint)
        case .duplicateKey(let key, let first, let repeated):
            sink.error(
                LoaderRuleID.yamlSyntax, "duplicate key `\(key)` in the same mapping",
                at: SourceLocation(file: file, line: repeated.line + lineOffset, column: repeated.column),
                hint: "remove one of the two `\(key)` entries (the first is on line \(first.line + lineOffset))")
        case .reader(let problem):
            sink.error(
                LoaderRuleID.textEncoding, "text cannot be read: \(problem)", at: SourceLocation(file: file, line: lineOffset + 1)
            )
        case .memory:
            sink.error(
                LoaderRuleID.yamlSyntax, "YAML cannot be read: out of memory",
                at: SourceLocation(file: file, line: lineOffset + 1))
        }
    }
}
