import CLibXML2

/// Writes `XMLElementNode` trees as UTF-8 XML documents through libxml2, which does the escaping.
public enum XMLSerializer {
    /// Problems that stop a document from being written.
    public struct Failure: Error, Hashable, Sendable, CustomStringConvertible {
        /// What went wrong.
        public var description: String
    }

    /// The document with `root` as its root element, indented, with an XML declaration.
    public static func serialize(_ root: XMLElementNode) throws(Failure) -> [UInt8] {
        guard let document = xmlNewDoc("1.0") else { throw Failure(description: "libxml2 could not create a document") }
        defer { xmlFreeDoc(document) }
        let rootNode = try build(root, in: document, scope: [:])
        xmlDocSetRootElement(document, rootNode)
        var buffer: UnsafeMutablePointer<xmlChar>?
        var size: Int32 = 0
        xmlDocDumpFormatMemoryEnc(document, &buffer, &size, "UTF-8", 1)
        guard let buffer else { throw Failure(description: "libxml2 could not serialise the document") }
        defer { courseToolkitXMLFree(buffer) }
        return Array(UnsafeBufferPointer(start: buffer, count: Int(size)))
    }

    static func build(
        _ element: XMLElementNode, in document: xmlDocPtr, scope: [XMLNamespace: xmlNsPtr]
    ) throws(Failure) -> xmlNodePtr {
        guard let node = xmlNewDocNode(document, nil, element.name, nil) else {
            throw Failure(description: "libxml2 could not create element `\(element.name)`")
        }
        var scope = scope
        for declaration in element.declarations {
            scope[declaration] = xmlNewNs(node, declaration.uri, declaration.prefix)
        }
        if let namespace = element.namespace {
            guard let declared = scope[namespace] else {
                throw Failure(description: "namespace \(namespace.uri) of `\(element.name)` is not declared")
            }
            xmlSetNs(node, declared)
        }
        for attribute in element.attributes {
            if let namespace = attribute.namespace {
                guard let declared = scope[namespace] else {
                    throw Failure(description: "namespace \(namespace.uri) of attribute `\(attribute.name)` is not declared")
                }
                xmlNewNsProp(node, declared, attribute.name, attribute.value)
            } else {
                xmlNewProp(node, attribute.name, attribute.value)
            }
        }
        for child in element.children {
            switch child {
            case .element(let childElement):
                xmlAddChild(node, try build(childElement, in: document, scope: scope))
            case .text(let text):
                xmlAddChild(node, xmlNewDocText(document, text))
            case .cdata(let text):
                guard !text.contains("]]>") else { throw Failure(description: "CDATA cannot contain `]]>`") }
                xmlAddChild(node, xmlNewCDataBlock(document, text, Int32(text.utf8.count)))
            }
        }
        return node
    }
}
