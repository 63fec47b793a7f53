/// An element read out of a parsed document: name, namespace, attributes and child elements.
public struct XMLElementSnapshot: Hashable, Sendable {
    /// The local name, such as `svg`.
    public var name: String
    /// The namespace URI, if any.
    public var namespaceURI: String?
    /// Attributes by local name.
    public var attributes: [String: String]
    /// Child elements, in order.
    public var children: [XMLElementSnapshot]
    /// 1-based line where the element starts.
    public var line: Int
    /// The element's own text and CDATA content, joined (not its descendants').
    public var text: String

    /// Creates a snapshot.
    public init(
        name: String, namespaceURI: String?, attributes: [String: String], children: [XMLElementSnapshot], line: Int,
        text: String = ""
    ) {
        self.name = name
        self.namespaceURI = namespaceURI
        self.attributes = attributes
        self.children = children
        self.line = line
        self.text = text
    }
}
