import CLibXML2

/// Edits XML someone else wrote (SVG badge art) with the same safety as `UntrustedXMLParser`:
/// no network, no entity expansion, no DTD loading.
public enum UntrustedXMLEditor {
    /// `bytes` with every child of the root named `name` in `namespace` removed and `element`
    /// inserted as the root's first child; the namespace is declared on the root. With `rootName`,
    /// a document whose root element is named otherwise is refused.
    public static func replacingRootChildren(
        in bytes: [UInt8], named name: String, namespace: XMLNamespace, with element: XMLElementNode, rootName: String? = nil
    ) throws(XMLParseError) -> [UInt8] {
        try UntrustedXMLParser.withDocument(bytes) { document, root throws(XMLParseError) -> [UInt8] in
            if let rootName, XMLNodeReader.string(root.pointee.name) != rootName {
                throw XMLParseError(
                    message: "the root element is `\(XMLNodeReader.string(root.pointee.name))`, not `\(rootName)`", line: 1,
                    column: 1)
            }
            let declared = xmlSearchNsByHref(document, root, namespace.uri) ?? xmlNewNs(root, namespace.uri, namespace.prefix)
            guard let declared else { throw XMLParseError(message: "cannot declare \(namespace.uri)", line: 0, column: 0) }
            var child = root.pointee.children
            while let current = child {
                child = current.pointee.next
                if current.pointee.type == XML_ELEMENT_NODE, XMLNodeReader.string(current.pointee.name) == name,
                    current.pointee.ns.map({ XMLNodeReader.string($0.pointee.href) }) == namespace.uri
                {
                    xmlUnlinkNode(current)
                    xmlFreeNode(current)
                }
            }
            let node: xmlNodePtr
            do {
                node = try XMLSerializer.build(element, in: document, scope: [namespace: declared])
            } catch {
                throw XMLParseError(message: "\(error)", line: 0, column: 0)
            }
            if let first = root.pointee.children {
                xmlAddPrevSibling(first, node)
            } else {
                xmlAddChild(root, node)
            }
            var buffer: UnsafeMutablePointer<xmlChar>?
            var size: Int32 = 0
            xmlDocDumpMemoryEnc(document, &buffer, &size, "UTF-8")
            guard let buffer else { throw XMLParseError(message: "cannot serialise the document", line: 0, column: 0) }
            defer { courseToolkitXMLFree(buffer) }
            return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
        }
    }
}
