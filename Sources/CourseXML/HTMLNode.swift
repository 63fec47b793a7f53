/// A node of parsed HTML: an element with ordered attributes and children, or text.
public indirect enum HTMLNode: Hashable, Sendable {
    /// An element; names are lowercase.
    case element(name: String, attributes: [HTMLAttribute], children: [HTMLNode])
    /// Text, unescaped.
    case text(String)
}

/// One attribute of a parsed HTML element.
public struct HTMLAttribute: Hashable, Sendable {
    /// The lowercase name.
    public var name: String
    /// The value, unescaped.
    public var value: String

    /// Creates an attribute.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
