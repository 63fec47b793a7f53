import CourseModel
import CourseYAML

/// YAML source from one file, parsed into a `YAMLDocument` with positions mapped back to the file.
struct YAMLText {
    /// The file's path relative to the workspace root.
    let file: String
    /// Lines before the YAML starts in its file (front matter starts after `---`).
    let lineOffset: Int

    /// The location in the file of a node's mark.
    func location(of node: YAMLNode) -> SourceLocation {
        SourceLocation(file: file, line: node.line + lineOffset, column: node.column)
    }

    /// Parses `text`; on a syntax error records a located finding and returns nil.
    func parse(_ text: String, into sink: FindingSink) -> YAMLNode? {
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
            // libyaml reports where it gave up; an author wants where the mistake began. For a list,
            // mapping or quoted text that is never closed, that is where it opened.
            if let context, let construct = Self.openedConstruct(context.text) {
                sink.error(
                    LoaderRuleID.yamlSyntax,
                    "YAML syntax error: the \(construct) opened here is never closed (\(problem) at line \(line + lineOffset))",
                    at: SourceLocation(file: file, line: context.line + lineOffset, column: context.column),
                    hint: construct == "quoted text"
                        ? "close the quotation mark" : "close it with `\(construct == "list" ? "]" : "}")`")
                return
            }
            if let quote = Self.unclosedQuote(in: text, before: line) {
                sink.error(
                    LoaderRuleID.yamlSyntax,
                    "YAML syntax error: the quotation mark opened here is not closed on its line (\(problem) at line \(line + lineOffset))",
                    at: SourceLocation(file: file, line: quote.line + lineOffset, column: quote.column),
                    hint: "close the quotation mark, or remove it")
                return
            }
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

    /// "list", "mapping" or "quoted text" when libyaml's context names one that was left open.
    private static func openedConstruct(_ context: String) -> String? {
        if context.contains("flow sequence") { return "list" }
        if context.contains("flow mapping") { return "mapping" }
        if context.contains("quoted scalar") { return "quoted text" }
        return nil
    }

    /// The first line before `limit` whose value opens a double quote it does not close: the usual
    /// cause of "did not find expected key" many lines further down.
    private static func unclosedQuote(in text: String, before limit: Int) -> (line: Int, column: Int)? {
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(0, limit - 1)).enumerated()
        {
            guard let open = line.range(of: #"(^\s*(- )?[A-Za-z0-9_]+:\s+|^\s*- )""#, options: .regularExpression) else {
                continue
            }
            let rest = line[open.upperBound...]
            var escaped = false
            var closed = false
            for character in rest {
                if escaped {
                    escaped = false
                    continue
                }
                if character == "\\" {
                    escaped = true
                    continue
                }
                if character == "\"" {
                    closed = true
                    break
                }
            }
            if !closed { return (index + 1, line.distance(from: line.startIndex, to: open.upperBound)) }
        }
        return nil
    }
}
