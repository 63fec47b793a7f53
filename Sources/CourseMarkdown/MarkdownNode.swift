/// One node of a parsed Markdown document, with its position in the source.
public struct MarkdownNode: Hashable, Sendable {
    /// The kinds of node the toolkit tells apart, named as cmark-gfm names them.
    public enum Kind: String, Hashable, Sendable {
        case document, paragraph, heading, text, code, emph, strong, link, image, softbreak, linebreak
        case blockQuote = "block_quote"
        case list, item
        case codeBlock = "code_block"
        case thematicBreak = "thematic_break"
        case htmlBlock = "html_block"
        case htmlInline = "html_inline"
        case customBlock = "custom_block"
        case customInline = "custom_inline"
        case table
        case tableRow = "table_row"
        case tableCell = "table_cell"
        case strikethrough
        case footnoteReference = "footnote_reference"
        case footnoteDefinition = "footnote_definition"
        /// A node of an extension the toolkit does not tell apart.
        case other

        /// The kind of cmark-gfm's type name (`other` for names not listed).
        public init(typeName: String) {
            self = Kind(rawValue: typeName) ?? .other
        }

        /// Raw HTML, inline or as a block.
        public var isHTML: Bool { self == .htmlInline || self == .htmlBlock }
        /// A link or an image: a node with a destination and a text of its own.
        public var isLinkOrImage: Bool { self == .link || self == .image }
    }

    /// What kind of node.
    public var kind: Kind
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
    /// For links and images, the title written after the destination (`![alt](file.png "title")`), if any.
    public var title: String?

    /// Creates a node.
    public init(
        kind: Kind, line: Int, column: Int, literal: String? = nil, url: String? = nil, headingLevel: Int = 0,
        plainText: String? = nil, title: String? = nil
    ) {
        self.kind = kind
        self.line = line
        self.column = column
        self.literal = literal
        self.url = url
        self.headingLevel = headingLevel
        self.plainText = plainText
        self.title = title
    }
}
