/// One node of a parsed Markdown document, with its position in the source.
public struct MarkdownNode: Hashable, Sendable {
    /// What kind of node: cmark-gfm's type name, such as `heading`, `link`, `html_inline`, `table`.
    public var kind: String
    /// 1-based line in the parsed source (0 when cmark gives no position).
    public var line: Int
    /// 1-based column in characters (0 when cmark gives no position).
    public var column: Int
    /// Text of leaf nodes (text, code, raw HTML).
    public var literal: String?
    /// Destination of links and images.
    public var url: String?
    /// Level of headings, 1–6; 0 for other nodes.
    public var headingLevel: Int
    /// For links and images, the plain text inside them (what a screen reader reads); nil for other nodes.
    public var plainText: String?

    /// Creates a node.
    public init(
        kind: String, line: Int, column: Int, literal: String? = nil, url: String? = nil, headingLevel: Int = 0,
        plainText: String? = nil
    ) {
        self.kind = kind
        self.line = line
        self.column = column
        self.literal = literal
        self.url = url
        self.headingLevel = headingLevel
        self.plainText = plainText
    }
}
