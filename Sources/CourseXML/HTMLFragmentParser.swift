import CLibXML2

/// Parses HTML fragments (Markdown output, imported pages) with libxml2's forgiving HTML parser.
public enum HTMLFragmentParser {
    /// The nodes of `html` as they would sit inside `<body>`. Comments and processing
    /// instructions are dropped; malformed markup is repaired the way browsers repair it.
    public static func parse(_ html: String) -> [HTMLNode] {
        let wrapped = Array("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>\(html)</body></html>".utf8)
        let options = Int32(
            HTML_PARSE_NONET.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue)
        let collector = XMLErrorCollector()
        let document: htmlDocPtr? = collector.collecting {
            wrapped.withUnsafeBufferPointer { buffer in
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    htmlReadMemory($0, Int32(buffer.count), nil, "UTF-8", options)
                }
            }
        }
        guard let document else { return [.text(html)] }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document), let body = firstChild(named: "body", of: root) else { return [] }
        return children(of: body)
    }

    private static func firstChild(named name: String, of node: xmlNodePtr) -> xmlNodePtr? {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE, XMLNodeReader.string(current.pointee.name) == name { return current }
            child = current.pointee.next
        }
        return nil
    }

    private static func children(of node: xmlNodePtr) -> [HTMLNode] {
        var result: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE:
                var attributes: [HTMLAttribute] = []
                var attribute = current.pointee.properties
                while let property = attribute {
                    let name = XMLNodeReader.string(property.pointee.name).lowercased()
                    var value = ""
                    if let content = xmlNodeGetContent(UnsafeMutableRawPointer(property).assumingMemoryBound(to: xmlNode.self)) {
                        value = String(cString: content)
                        courseToolkitXMLFree(content)
                    }
                    attributes.append(HTMLAttribute(name: name, value: value))
                    attribute = property.pointee.next
                }
                result.append(
                    .element(
                        name: XMLNodeReader.string(current.pointee.name).lowercased(), attributes: attributes,
                        children: children(of: current)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                if let content = xmlNodeGetContent(current) {
                    result.append(.text(String(cString: content)))
                    courseToolkitXMLFree(content)
                }
            default:
                break
            }
            child = current.pointee.next
        }
        return result
    }
}
