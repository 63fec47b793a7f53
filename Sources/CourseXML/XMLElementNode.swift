/// A namespace: its URI and the prefix it is written with (nil for the default namespace).
public struct XMLNamespace: Hashable, Sendable {
    /// The prefix, such as `adlcp`; nil for the default namespace.
    public var prefix: String?
    /// The namespace URI.
    public var uri: String

    /// Creates a namespace.
    public init(prefix: String?, uri: String) {
        self.prefix = prefix
        self.uri = uri
    }
}

/// An attribute of an element to be written.
public struct XMLAttribute: Hashable, Sendable {
    /// The local name (or `xml:lang`, which needs no declaration).
    public var name: String
    /// The value, unescaped; the serializer escapes it.
    public var value: String
    /// The attribute's namespace, if any.
    public var namespace: XMLNamespace?

    /// Creates an attribute.
    public init(_ name: String, _ value: String, namespace: XMLNamespace? = nil) {
        self.name = name
        self.value = value
        self.namespace = namespace
    }
}

/// Content of an element to be written: a child element or text.
public enum XMLChild: Hashable, Sendable {
    /// A child element.
    case element(XMLElementNode)
    /// Text, unescaped; the serializer escapes it.
    case text(String)
    /// A CDATA section (for JSON baked into SVG); must not contain `]]>`.
    case cdata(String)
}

/// An element to be written as XML, built as a value and serialised by libxml2.
public struct XMLElementNode: Hashable, Sendable {
    /// The local name.
    public var name: String
    /// The element's namespace (declared on it or an ancestor).
    public var namespace: XMLNamespace?
    /// Namespaces declared on this element.
    public var declarations: [XMLNamespace]
    /// Attributes, in order.
    public var attributes: [XMLAttribute]
    /// Children, in order.
    public var children: [XMLChild]

    /// Creates an element.
    public init(
        _ name: String, namespace: XMLNamespace? = nil, declaring declarations: [XMLNamespace] = [],
        attributes: [XMLAttribute] = [], children: [XMLChild] = []
    ) {
        self.name = name
        self.namespace = namespace
        self.declarations = declarations
        self.attributes = attributes
        self.children = children
    }

    /// An element holding only text.
    public init(_ name: String, namespace: XMLNamespace? = nil, attributes: [XMLAttribute] = [], text: String) {
        self.init(name, namespace: namespace, attributes: attributes, children: [.text(text)])
    }

}
