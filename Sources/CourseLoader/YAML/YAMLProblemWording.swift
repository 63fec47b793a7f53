import CourseYAML
import Foundation

/// libyaml's problem texts ("mapping values are not allowed in this context") turned into what an
/// author did and how to fix it, from the problem, libyaml's context and the lines of the text.
///
/// Only problems an author meets in practice are reworded; libyaml's own words stay at the end in
/// parentheses, so the message can still be searched for.
struct YAMLProblemWording {
    /// The message, without the "YAML syntax error: " prefix.
    let message: String
    /// How to fix it, when there is something concrete to say.
    let hint: String?
    /// Where the mistake is (YAML line and column): where libyaml stopped, or where the construct it
    /// was reading began when that is where the author has to look.
    private(set) var position: (line: Int, column: Int)

    /// Words for `problem` at `line` (1-based, in YAML lines), with libyaml's `context` when it gave one.
    /// `lineOffset` turns YAML lines into file lines for the lines named in the words.
    init(problem: String, line: Int, column: Int, context: YAMLReadError.Context?, lines: [Substring], lineOffset: Int) {
        let text = line >= 1 && line <= lines.count ? lines[line - 1] : ""
        let original = context.map { "\(problem), \($0.text) at line \($0.line + lineOffset)" } ?? problem
        position = (line, column)
        // libyaml reports where it gave up; an author wants where the mistake began. For a list,
        // mapping or quoted text that is never closed, that is where it opened.
        if let context, let construct = Self.openedConstruct(context.text) {
            message = "the \(construct) opened here is never closed (\(problem) at line \(line + lineOffset))"
            hint = construct == "quoted text" ? "close the quotation mark" : "close it with `\(construct == "list" ? "]" : "}")`"
            position = (context.line, context.column)
        } else if let quote = Self.unclosedQuote(in: lines, before: line) {
            message = "the quotation mark opened here is not closed on its line (\(problem) at line \(line + lineOffset))"
            hint = "close the quotation mark, or remove it"
            position = quote
        } else if problem.contains("mapping values are not allowed"), let above = Self.fieldAbove(line, lines: lines),
            Self.isKeyColon(at: column, in: text), text.prefix(while: { $0 == " " }).count + 1 > above.column
        {
            message =
                "this line is indented further than the field on line \(above.line + lineOffset), so YAML reads it as more of that field's value (\(original))"
            hint = "start it at column \(above.column), like the field above, to make it a field of its own"
            position = (line, text.prefix(while: { $0 == " " }).count + 1)
        } else if problem.contains("mapping values are not allowed") {
            message = "this value holds `: `, which YAML reads as the start of another field (\(original))"
            hint =
                Self.quotedSuggestion(for: text).map { "put the value in quotes: `\($0)`" }
                ?? "put the value in double quotes, or remove the space after the colon"
        } else if text.prefix(while: { $0 == " " || $0 == "\t" }).contains("\t") || problem.contains("tab") {
            message = "a tab is used to indent this line (\(original))"
            hint = "indent with spaces; YAML does not allow tabs for indentation"
        } else if problem.contains("did not find expected '-' indicator"), let context {
            let listLine = context.line
            let dashColumn = context.column
            let entryColumn = Self.entryColumn(ofListLine: listLine, lines: lines) ?? dashColumn + 2
            message = "this line is not lined up with the list that starts on line \(listLine + lineOffset) (\(original))"
            hint =
                "indent it to column \(entryColumn) to belong to the entry above, or start a new entry with `- ` at column \(dashColumn)"
        } else if problem.contains("did not find expected key"), let context, context.text.contains("block mapping") {
            message = "this line is not lined up with the fields that start on line \(context.line + lineOffset) (\(original))"
            hint = "start it at column \(context.column), where the other fields of this mapping start"
        } else if problem.contains("could not find expected ':'") {
            if let context { position = (context.line, context.column) }
            message = "this line is neither `key: value` nor the continuation of a value (\(original))"
            hint = "write `key: value`, or indent the line under the value it continues"
        } else {
            message = original
            hint = problem.contains("block end") ? "check the indentation: entries of one mapping must line up" : nil
        }
    }

    /// Whether the colon at `column` (1-based) is the line's first `key:` colon, rather than one inside its value.
    private static func isKeyColon(at column: Int, in line: Substring) -> Bool {
        guard let colon = line.range(of: ": ") ?? line.range(of: ":", options: .backwards) else { return false }
        return line.distance(from: line.startIndex, to: colon.lowerBound) + 1 == column
    }

    /// The nearest line above `line` that holds a field with a value on the same line (`key: value`,
    /// possibly as a list entry), with the column its key starts at; comments and blank lines are skipped.
    private static func fieldAbove(_ line: Int, lines: [Substring]) -> (line: Int, column: Int)? {
        var number = line - 1
        while number >= 1 {
            let text = lines[number - 1]
            let trimmed = text.drop(while: { $0 == " " })
            if trimmed.isEmpty || trimmed.hasPrefix("#") {
                number -= 1
                continue
            }
            let entry = trimmed.hasPrefix("- ") ? trimmed.dropFirst(2).drop(while: { $0 == " " }) : trimmed
            guard let colon = entry.range(of: ": "), !entry[colon.upperBound...].trimmingCharacters(in: .whitespaces).isEmpty
            else { return nil }
            return (number, text.distance(from: text.startIndex, to: entry.startIndex) + 1)
        }
        return nil
    }

    /// `key: "value"` for a line `key: value` whose value can be quoted as it is.
    static func quotedSuggestion(for line: Substring) -> String? {
        guard let colon = line.range(of: ": ") else { return nil }
        let key = line[..<colon.lowerBound]
        let value = line[colon.upperBound...].trimmingCharacters(in: .whitespaces)
        let keyName = key.drop(while: { $0 == " " || $0 == "-" })
        guard !keyName.isEmpty, keyName.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
            !value.isEmpty, !value.contains("\""), !value.contains("\\"), !value.contains(" #"),
            value.first != "'"
        else { return nil }
        return "\(key.drop(while: { $0 == " " })): \"\(value)\""
    }

    /// The column where the first entry's content starts on a `- entry` line: the column entries'
    /// continuation lines line up with.
    private static func entryColumn(ofListLine number: Int, lines: [Substring]) -> Int? {
        guard number >= 1, number <= lines.count else { return nil }
        let line = lines[number - 1]
        guard let dash = line.firstIndex(of: "-") else { return nil }
        let afterDash = line[line.index(after: dash)...]
        let spaces = afterDash.prefix(while: { $0 == " " }).count
        guard spaces > 0 else { return nil }
        return line.distance(from: line.startIndex, to: dash) + 1 + 1 + spaces
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
    private static func unclosedQuote(in lines: [Substring], before limit: Int) -> (line: Int, column: Int)? {
        for (index, line) in lines.prefix(max(0, limit - 1)).enumerated() {
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
