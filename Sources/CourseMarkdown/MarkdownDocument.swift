import CCmarkGFM

/// Markdown parsed by cmark-gfm (GitHub Flavored Markdown), as a Swift tree with source positions.
public struct MarkdownDocument: Sendable {
    /// The source that was parsed.
    public let source: String
    /// The document node; its children are the blocks.
    public let root: MarkdownNode
    /// Every node in document order, flattened once.
    public let allNodes: [MarkdownNode]

    /// Parses `source` as GitHub Flavored Markdown.
    public init(parsing source: String) {
        self.source = source
        let bytes = Array(source.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        let lines = LineBytes(bytes: bytes, starts: starts)
        self.root = CmarkSession.withParsedDocument(source, options: CMARK_OPT_SOURCEPOS) { document in
            MarkdownDocument.convert(document, lines: lines)
        }
        self.allNodes = root.allNodes
    }

    /// The source's bytes and where each line starts, for turning byte columns into character columns.
    struct LineBytes {
        let bytes: [UInt8]
        let starts: [Int]
    }

    private static func convert(_ node: OpaquePointer, lines: LineBytes) -> MarkdownNode {
        let kind = String(cString: cmark_node_get_type_string(node))
        let line = Int(cmark_node_get_start_line(node))
        let byteColumn = Int(cmark_node_get_start_column(node))
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(convert(current, lines: lines))
            child = cmark_node_next(current)
        }
        let literal = cmark_node_get_literal(node).map { String(cString: $0) }
        var url: String?
        if kind == "link" || kind == "image" {
            url = cmark_node_get_url(node).map { String(cString: $0) }
        }
        let level = kind == "heading" ? Int(cmark_node_get_heading_level(node)) : 0
        return MarkdownNode(
            kind: kind, line: line, column: characterColumn(line: line, byteColumn: byteColumn, lines: lines),
            literal: literal, url: url, headingLevel: level, children: children)
    }

    /// cmark counts columns in bytes; findings count characters, as the author sees them.
    private static func characterColumn(line: Int, byteColumn: Int, lines: LineBytes) -> Int {
        guard line >= 1, line <= lines.starts.count, byteColumn >= 1 else { return byteColumn }
        let start = lines.starts[line - 1]
        let end = min(lines.bytes.count, start + byteColumn - 1)
        let prefix = lines.bytes[start..<end]
        if prefix.allSatisfy({ $0 < 0x80 }) { return prefix.count + 1 }
        return String(decoding: prefix, as: UTF8.self).count + 1
    }
}
