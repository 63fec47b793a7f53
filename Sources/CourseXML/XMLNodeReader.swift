import CLibXML2

/// Copies libxml2 nodes into Swift values.
enum XMLNodeReader {
    /// The element and its element descendants as Swift values.
    static func snapshot(of element: xmlNodePtr) -> XMLElementSnapshot {
        var attributes: [String: String] = [:]
        var attribute = element.pointee.properties
        while let current = attribute {
            let name = string(current.pointee.name)
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                attributes[name] = String(cString: value)
                courseToolkitXMLFree(value)
            }
            attribute = current.pointee.next
        }
        var children: [XMLElementSnapshot] = []
        var text = ""
        var child = element.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE {
                children.append(snapshot(of: current))
            } else if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = xmlNodeGetContent(current)
            {
                text += String(cString: content)
                courseToolkitXMLFree(content)
            }
            child = current.pointee.next
        }
        let namespace = element.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) }
        return XMLElementSnapshot(
            name: string(element.pointee.name), namespaceURI: namespace, attributes: attributes, children: children,
            line: Int(xmlGetLineNo(element)), text: text)
    }

    /// A libxml2 string as a Swift string ("" for null).
    static func string(_ pointer: UnsafePointer<xmlChar>?) -> String {
        pointer.map { String(cString: $0) } ?? ""
    }
}
