import CCmarkGFM

/// Markdown parsed by cmark-gfm (GitHub Flavored Markdown): every node in document order, with its
/// source position. The list is flat (no child arrays): rules walk it in one pass, and a workspace of
/// thousands of Things keeps one small record per node instead of a tree of copies.
public struct MarkdownDocument: Sendable {
    /// Every node in document order (depth first), the document node first.
    public let allNodes: [MarkdownNode]
    /// The links and images, in document order: what most checks look at, gathered once per parse
    /// instead of by every check walking (and copying) every node of every body.
    public let linksAndImages: [MarkdownNode]
    /// The headings, in document order.
    public let headings: [MarkdownNode]
    /// The raw HTML nodes (inline and block), in document order.
    public let html: [MarkdownNode]

    /// Parses `source` as GitHub Flavored Markdown.
    public init(parsing source: String) {
        let bytes = Array(source.utf8)
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == 0x0A { starts.append(offset + 1) }
        let lines = LineBytes(bytes: bytes, starts: starts)
        let nodes = CmarkSession.withParsedDocument(source, options: CMARK_OPT_SOURCEPOS) { document in
            MarkdownDocument.flatten(document, lines: lines)
        }
        self.allNodes = nodes
        self.linksAndImages = nodes.filter(\.kind.isLinkOrImage)
        self.headings = nodes.filter { $0.kind == .heading }
        self.html = nodes.filter(\.kind.isHTML)
    }

    /// The source's bytes and where each line starts, for turning byte columns into character columns.
    struct LineBytes {
        let bytes: [UInt8]
        let starts: [Int]
    }

    /// Walks the tree with cmark's iterator (no recursion, so no depth a hostile file could exhaust),
    /// gathering the text of each link and image from its descendants on the way.
    private static func flatten(_ document: OpaquePointer, lines: LineBytes) -> [MarkdownNode] {
        var nodes: [MarkdownNode] = []
        /// Indices of the links and images being read, whose text their descendants add to.
        var openLabels: [Int] = []
        guard let iterator = cmark_iter_new(document) else { return [] }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE || event == CMARK_EVENT_NONE { break }
            guard let node = cmark_iter_get_node(iterator) else { continue }
            let kind = MarkdownNode.Kind(typeName: String(cString: cmark_node_get_type_string(node)))
            let isLabelled = kind.isLinkOrImage
            if event == CMARK_EVENT_EXIT {
                if isLabelled { openLabels.removeLast() }
                continue
            }
            let line = Int(cmark_node_get_start_line(node))
            let literal = cmark_node_get_literal(node).map { String(cString: $0) }
            if !openLabels.isEmpty {
                let text = kind == .text || kind == .code ? literal : kind == .softbreak || kind == .linebreak ? " " : nil
                if let text { for index in openLabels { nodes[index].plainText? += text } }
            }
            nodes.append(
                MarkdownNode(
                    kind: kind, line: line,
                    column: characterColumn(line: line, byteColumn: Int(cmark_node_get_start_column(node)), lines: lines),
                    literal: literal, url: isLabelled ? cmark_node_get_url(node).map { String(cString: $0) } : nil,
                    headingLevel: kind == .heading ? Int(cmark_node_get_heading_level(node)) : 0,
                    plainText: isLabelled ? "" : nil,
                    title: isLabelled
                        ? cmark_node_get_title(node).map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } : nil))
            // A leaf gets an exit event only when it is a container; links and images always do.
            if isLabelled { openLabels.append(nodes.count - 1) }
        }
        return nodes
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
