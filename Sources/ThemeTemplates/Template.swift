/// A Mustache template, parsed once: text, variables (`{{name}}` escaped, `{{{name}}}` and
/// `{{& name}}` not), sections (`{{#name}}`), inverted sections (`{{^name}}`), comments, partials
/// (`{{> name}}`), delimiter changes (`{{=<% %>=}}`), dotted names, `{{.}}`, and the transforms
/// themes use: `{{^empty(list)}}`, `{{count(list)}}`, `{{uppercased(text)}}` and the like.
///
/// Whitespace follows the Mustache specification: a line holding only a section, comment or
/// partial tag disappears entirely, and a partial on its own line is indented like the line.
public struct Template: Sendable {
    /// A name looked up when the template renders, with an optional transform applied to its value.
    struct Reference: Sendable {
        /// `["a", "b"]` for `a.b`; empty for `.`.
        let path: [String]
        let transform: Transform?
        /// Where the tag stands, for messages.
        let line: Int
    }

    /// The parts of a template.
    indirect enum Node: Sendable {
        case text(String)
        case variable(Reference, escaped: Bool)
        case section(Reference, inverted: Bool, body: [Node])
        case partial(name: String, indentation: String)
    }

    /// The template's parts in order.
    let nodes: [Node]
    /// The source, kept to build indented copies for standalone partials.
    let source: String

    /// Parses `source`; `name` appears in error messages.
    public init(_ source: String, name: String) throws(TemplateError) {
        self.source = source
        var parser = TemplateParser(source: source, name: name)
        self.nodes = try parser.parse()
    }

    /// The names of the partials the template includes, with the indentation of each use.
    var partialUses: [(name: String, indentation: String)] {
        var uses: [(String, String)] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, let indentation): uses.append((name, indentation))
                case .section(_, _, let body): visit(body)
                default: break
                }
            }
        }
        visit(nodes)
        return uses
    }

    /// The source with `indentation` before every line, as a standalone partial is included.
    func indented(by indentation: String, name: String) throws(TemplateError) -> Template {
        guard !indentation.isEmpty else { return self }
        var result = ""
        var atLineStart = true
        for character in source {
            if atLineStart { result += indentation }
            result.append(character)
            atLineStart = character == "\n"
        }
        return try Template(result, name: name)
    }
}

/// A template that cannot be parsed, with the line it fails on.
public struct TemplateError: Error, Sendable, CustomStringConvertible, Equatable {
    /// The template's name.
    public let template: String
    /// 1-based line in the template.
    public let line: Int
    /// What is wrong and how to fix it.
    public let message: String

    /// `name.mustache:line: message`.
    public var description: String { "\(template).mustache:\(line): \(message)" }
}

/// The transforms a template may apply to a value, as in `{{^empty(items)}}`.
enum Transform: String, Sendable, CaseIterable {
    case empty, count, first, last, reversed, uppercased, lowercased, capitalized, even, odd

    /// The transformed value; nil when the transform does not apply to the value.
    func apply(to value: TemplateValue) -> TemplateValue? {
        switch (self, value) {
        case (.empty, .list(let items)): .flag(items.isEmpty)
        case (.empty, .text(let text)): .flag(text.isEmpty)
        case (.count, .list(let items)): .number(items.count)
        case (.count, .text(let text)): .number(text.count)
        case (.first, .list(let items)): items.first
        case (.last, .list(let items)): items.last
        case (.reversed, .list(let items)): .list(items.reversed())
        case (.reversed, .text(let text)): .text(String(text.reversed()))
        case (.uppercased, .text(let text)): .text(text.uppercased())
        case (.lowercased, .text(let text)): .text(text.lowercased())
        case (.capitalized, .text(let text)): .text(text.capitalized)
        case (.even, .number(let number)): .flag(number % 2 == 0)
        case (.odd, .number(let number)): .flag(number % 2 != 0)
        default: nil
        }
    }
}

extension String {
    /// Each word with its first letter upper-cased and the rest lower-cased.
    fileprivate var capitalized: String {
        var result = ""
        var atWordStart = true
        for character in self {
            result += atWordStart ? character.uppercased() : character.lowercased()
            atWordStart = character.isWhitespace
        }
        return result
    }
}

/// Splits a template into tags and text, applies the standalone-line rule, and nests sections.
private struct TemplateParser {
    private enum TagKind {
        case variable, unescaped, section, inverted, close, comment, partial, delimiters

        /// Tags that vanish with their line when they stand alone on it.
        var canStandAlone: Bool {
            switch self {
            case .section, .inverted, .close, .comment, .partial, .delimiters: true
            case .variable, .unescaped: false
            }
        }
    }

    private struct Tag {
        let kind: TagKind
        let content: String
        let line: Int
        /// The whitespace before a standalone partial, given to each line it includes.
        var indentation = ""
    }

    private enum Token {
        case text(String)
        case tag(Tag)
    }

    let source: String
    let name: String

    mutating func parse() throws(TemplateError) -> [Template.Node] {
        let tokens = Self.removingStandaloneLines(try tokenize())
        var index = 0
        let nodes = try nest(tokens, from: &index, closing: nil)
        return nodes
    }

    /// Text (split after each newline, so that lines can be judged one by one) and tags.
    private func tokenize() throws(TemplateError) -> [Token] {
        var tokens: [Token] = []
        var open = Array("{{".utf8)
        var close = Array("}}".utf8)
        let bytes = Array(source.utf8)
        var position = 0
        var line = 1
        var text: [UInt8] = []

        func flushText() {
            if !text.isEmpty { tokens.append(.text(String(decoding: text, as: UTF8.self))) }
            text.removeAll(keepingCapacity: true)
        }
        func matches(_ delimiter: [UInt8], at offset: Int) -> Bool {
            offset + delimiter.count <= bytes.count && bytes[offset..<(offset + delimiter.count)].elementsEqual(delimiter)
        }

        while position < bytes.count {
            guard matches(open, at: position) else {
                text.append(bytes[position])
                if bytes[position] == 0x0A {
                    flushText()
                    line += 1
                }
                position += 1
                continue
            }
            flushText()
            let tagLine = line
            var contentStart = position + open.count
            var kind = TagKind.variable
            var closing = close
            if let sigil = contentStart < bytes.count ? bytes[contentStart] : nil {
                switch sigil {
                case UInt8(ascii: "#"): kind = .section
                case UInt8(ascii: "^"): kind = .inverted
                case UInt8(ascii: "/"): kind = .close
                case UInt8(ascii: "!"): kind = .comment
                case UInt8(ascii: ">"): kind = .partial
                case UInt8(ascii: "&"): kind = .unescaped
                case UInt8(ascii: "="):
                    kind = .delimiters
                    closing = Array("=".utf8) + close
                case UInt8(ascii: "{"):
                    kind = .unescaped
                    closing = Array("}".utf8) + close
                default: break
                }
                if kind != .variable { contentStart += 1 }
            }
            var end = contentStart
            while end < bytes.count, !matches(closing, at: end) { end += 1 }
            guard end < bytes.count else {
                throw TemplateError(
                    template: name, line: tagLine,
                    message: "a tag opened here is never closed; close it with `\(String(decoding: closing, as: UTF8.self))`")
            }
            let content = String(decoding: bytes[contentStart..<end], as: UTF8.self)
            line += bytes[contentStart..<end].count { $0 == 0x0A }
            position = end + closing.count
            if kind == .delimiters {
                let parts = content.split(whereSeparator: \.isWhitespace)
                guard parts.count == 2 else {
                    throw TemplateError(
                        template: name, line: tagLine,
                        message: "a delimiter change names two delimiters, such as `{{=<% %>=}}`")
                }
                open = Array(parts[0].utf8)
                close = Array(parts[1].utf8)
            }
            tokens.append(.tag(Tag(kind: kind, content: content.trimmingWhitespace, line: tagLine)))
        }
        flushText()
        return tokens
    }

    /// Drops the whitespace around a section, comment or partial tag that stands alone on its
    /// line, with the line's newline; a standalone partial takes the line's indentation.
    private static func removingStandaloneLines(_ tokens: [Token]) -> [Token] {
        var result: [Token] = []
        var lineStart = 0
        while lineStart < tokens.count {
            var lineEnd = lineStart
            while lineEnd < tokens.count {
                if case .text(let text) = tokens[lineEnd], text.hasSuffix("\n") { break }
                lineEnd += 1
            }
            let line = Array(tokens[lineStart...min(lineEnd, tokens.count - 1)])
            lineStart = lineEnd + 1
            let tags = line.filter { if case .tag = $0 { true } else { false } }
            let textIsBlank = line.allSatisfy {
                if case .text(let text) = $0 {
                    text.allSatisfy { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r\n" }
                } else {
                    true
                }
            }
            guard tags.count == 1, case .tag(var tag) = tags[0], tag.kind.canStandAlone, textIsBlank else {
                result += line
                continue
            }
            if tag.kind == .partial, case .text(let leading) = line[0] { tag.indentation = leading }
            result.append(.tag(tag))
        }
        return result
    }

    private func nest(_ tokens: [Token], from index: inout Int, closing: (name: String, line: Int)?) throws(TemplateError)
        -> [Template.Node]
    {
        var nodes: [Template.Node] = []
        /// Consecutive text (one token per line) joined into one node.
        var text = ""
        func flushText() {
            if !text.isEmpty { nodes.append(.text(text)) }
            text = ""
        }
        while index < tokens.count {
            let token = tokens[index]
            index += 1
            switch token {
            case .text(let more):
                text += more
            case .tag(let tag):
                flushText()
                let (kind, content, line) = (tag.kind, tag.content, tag.line)
                switch kind {
                case .comment, .delimiters:
                    continue
                case .variable, .unescaped:
                    nodes.append(.variable(try reference(content, line: line), escaped: kind == .variable))
                case .section, .inverted:
                    let body = try nest(tokens, from: &index, closing: (content, line))
                    nodes.append(.section(try reference(content, line: line), inverted: kind == .inverted, body: body))
                case .close:
                    guard let closing else {
                        throw TemplateError(
                            template: name, line: line, message: "`{{/\(content)}}` closes a section that was never opened")
                    }
                    guard closing.name == content else {
                        throw TemplateError(
                            template: name, line: line,
                            message:
                                "`{{/\(content)}}` closes the section `\(closing.name)` opened on line \(closing.line); close that one first"
                        )
                    }
                    return nodes
                case .partial:
                    nodes.append(.partial(name: content, indentation: tag.indentation))
                }
            }
        }
        flushText()
        if let closing {
            throw TemplateError(
                template: name, line: closing.line,
                message: "the section `\(closing.name)` opened here is never closed; add `{{/\(closing.name)}}`")
        }
        return nodes
    }

    /// `name`, `a.b`, `.`, or `transform(name)`.
    private func reference(_ content: String, line: Int) throws(TemplateError) -> Template.Reference {
        var target = content
        var transform: Transform?
        if let open = content.firstIndex(of: "("), content.hasSuffix(")") {
            let transformName = String(content[..<open])
            guard let known = Transform(rawValue: transformName) else {
                throw TemplateError(
                    template: name, line: line,
                    message:
                        "unknown transform `\(transformName)`; known: \(Transform.allCases.map(\.rawValue).joined(separator: ", "))"
                )
            }
            transform = known
            target = String(content[content.index(after: open)..<content.index(before: content.endIndex)]).trimmingWhitespace
        }
        guard !target.isEmpty else {
            throw TemplateError(
                template: name, line: line, message: "a tag needs a name, such as `{{title}}`, or `.` for the current item")
        }
        let path = target == "." ? [] : target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.contains("") else {
            throw TemplateError(template: name, line: line, message: "`\(target)` is not a name; write names as `a` or `a.b`")
        }
        return Template.Reference(path: path, transform: transform, line: line)
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }
}
