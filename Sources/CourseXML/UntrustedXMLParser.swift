import CLibXML2

/// Parses XML that someone else wrote (SVG artwork, imported files) without ever fetching,
/// expanding entities, or loading a DTD.
public enum UntrustedXMLParser {
    /// Largest document accepted, in bytes.
    public static let maximumSize = 8 * 1024 * 1024

    /// Parses `bytes` and returns the root element with its descendants.
    /// Throws when the document is malformed, larger than `maximumSize` bytes, or declares a DOCTYPE
    /// with entities. A text node longer than libxml2's own limit (10,000,000 bytes without its
    /// "huge" option, which is never set) is refused too.
    public static func parse(_ bytes: [UInt8], maximumSize: Int = UntrustedXMLParser.maximumSize) throws(XMLParseError)
        -> XMLElementSnapshot
    {
        try withDocument(bytes, maximumSize: maximumSize) { _, root in XMLNodeReader.snapshot(of: root) }
    }

    /// Parses `bytes` safely and hands the document and its root element to `body`.
    static func withDocument<Result>(
        _ bytes: [UInt8], maximumSize: Int = UntrustedXMLParser.maximumSize,
        _ body: (xmlDocPtr, xmlNodePtr) throws(XMLParseError) -> Result
    ) throws(XMLParseError) -> Result {
        guard bytes.count <= maximumSize else {
            throw XMLParseError(message: "document is larger than \(maximumSize) bytes", line: 0, column: 0)
        }
        guard !bytes.isEmpty else { throw XMLParseError(message: "the document is empty", line: 0, column: 0) }
        let collector = XMLErrorCollector()
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let document: xmlDocPtr? = collector.collecting {
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    xmlReadMemory($0, Int32(buffer.count), "untrusted.xml", nil, options)
                }
            }
        }
        guard let document else {
            throw collector.firstError ?? XMLParseError(message: "not well-formed XML", line: 0, column: 0)
        }
        defer { xmlFreeDoc(document) }
        if let dtd = document.pointee.intSubset, dtd.pointee.entities != nil || dtd.pointee.pentities != nil {
            throw XMLParseError(message: "the document declares entities in its DOCTYPE, which are refused", line: 1, column: 1)
        }
        guard let root = xmlDocGetRootElement(document) else {
            throw XMLParseError(message: "the document has no root element", line: 0, column: 0)
        }
        return try body(document, root)
    }
}
