import CourseModel
import Yams

/// YAML source from one file, parsed into Yams nodes with positions mapped back to the file.
struct YAMLText {
    /// The file's path relative to the workspace root.
    let file: String
    /// Lines before the YAML starts in its file (front matter starts after `---`).
    let lineOffset: Int

    /// The location in the file of a node's mark.
    func location(of node: Node) -> SourceLocation {
        guard let mark = node.mark else { return SourceLocation(file: file, line: lineOffset + 1, column: 1) }
        return SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column)
    }

    /// Parses `text`; on a syntax error records a located finding and returns nil.
    func parse(_ text: String, into sink: FindingSink) -> Node? {
        do {
            // The basic resolver leaves every scalar a string; MappingReader types them itself, which is
            // exact for this format and avoids a regular expression per scalar.
            guard let node = try Yams.compose(yaml: text, .basic, .default, .utf8) else {
                sink.error(
                    LoaderRuleID.requiredField, "there is nothing here; expected `key: value` fields",
                    at: SourceLocation(file: file, line: lineOffset + 1, column: 1), hint: "see Docs/file-format.md for the fields")
                return nil
            }
            return node
        } catch let error as YamlError {
            report(error, text: text, into: sink)
            return nil
        } catch {
            sink.error(LoaderRuleID.yamlSyntax, "YAML cannot be read: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
            return nil
        }
    }

    private func report(_ error: YamlError, text: String, into sink: FindingSink) {
        switch error {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            // libyaml reports where it gave up; an author wants where the mistake began. For a list,
            // mapping or quoted text that is never closed, that is where it opened.
            if let context, let construct = Self.openedConstruct(context.text) {
                sink.error(
                    LoaderRuleID.yamlSyntax,
                    "YAML syntax error: the \(construct) opened here is never closed (\(problem) at line \(mark.line + lineOffset))",
                    at: SourceLocation(file: file, line: context.mark.line + lineOffset, column: context.mark.column),
                    hint: construct == "quoted text" ? "close the quotation mark" : "close it with `\(construct == "list" ? "]" : "}")`")
                return
            }
            if let quote = Self.unclosedQuote(in: text, before: mark.line) {
                sink.error(
                    LoaderRuleID.yamlSyntax,
                    "YAML syntax error: the quotation mark opened here is not closed on its line (\(problem) at line \(mark.line + lineOffset))",
                    at: SourceLocation(file: file, line: quote.line + lineOffset, column: quote.column),
                    hint: "close the quotation mark, or remove it")
                return
            }
            var message = "YAML syntax error: \(problem)"
            if let context { message += " (\(context.text) at line \(context.mark.line + lineOffset))" }
            sink.error(
                LoaderRuleID.yamlSyntax, message, at: SourceLocation(file: file, line: mark.line + lineOffset, column: mark.column),
                hint: Self.hint(forProblem: problem, line: Self.line(mark.line, of: text)))
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let repeated = Self.repeatedKeyLocation(key: key, firstLine: context.mark.line, column: context.mark.column, in: text)
            sink.error(
                LoaderRuleID.yamlSyntax, "duplicate key `\(key)` in the same mapping",
                at: SourceLocation(file: file, line: repeated.line + lineOffset, column: repeated.column),
                hint: "remove one of the two `\(key)` entries (the first is on line \(context.mark.line + lineOffset))")
        case .reader(let problem, _, _, _):
            sink.error(LoaderRuleID.textEncoding, "text cannot be read: \(problem)", at: SourceLocation(file: file, line: lineOffset + 1))
        default:
            sink.error(LoaderRuleID.yamlSyntax, "YAML cannot be read: \(error)", at: SourceLocation(file: file, line: lineOffset + 1))
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
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).prefix(max(0, limit - 1)).enumerated() {
            guard let open = line.range(of: #"(^\s*(- )?[A-Za-z0-9_]+:\s+|^\s*- )""#, options: .regularExpression) else { continue }
            let rest = line[open.upperBound...]
            var escaped = false
            var closed = false
            for character in rest {
                if escaped { escaped = false; continue }
                if character == "\\" { escaped = true; continue }
                if character == "\"" { closed = true; break }
            }
            if !closed { return (index + 1, line.distance(from: line.startIndex, to: open.upperBound)) }
        }
        return nil
    }

    private static func line(_ number: Int, of text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return number >= 1 && number <= lines.count ? String(lines[number - 1]) : ""
    }

    private static func hint(forProblem problem: String, line: String) -> String? {
        if problem.contains("tab") || line.hasPrefix("\t") {
            return "indent with spaces; YAML does not allow tabs for indentation"
        }
        if problem.contains("quoted scalar") { return "close the quotation mark" }
        if problem.contains("mapping values are not allowed") {
            return "a value containing `: ` must be quoted"
        }
        if problem.contains("did not find expected key") || problem.contains("block end") {
            return "check the indentation: entries of one mapping must line up"
        }
        return nil
    }

    /// Yams names the first occurrence; the author wants the second, so find where the key comes again.
    private static func repeatedKeyLocation(key: String, firstLine: Int, column: Int, in text: String) -> (line: Int, column: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard firstLine >= 1, firstLine <= lines.count else { return (firstLine, column) }
        let indent = String(repeating: " ", count: max(0, column - 1))
        for index in firstLine..<lines.count {
            let candidate = lines[index]
            for form in [key, "\"\(key)\"", "'\(key)'"] where candidate.hasPrefix(indent + form + ":") {
                return (index + 1, column)
            }
        }
        return (firstLine, column)
    }
}
