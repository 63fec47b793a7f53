import CourseModel
import CourseXML

/// Writes an IMS Common Cartridge 1.1 (`imsccv1p1`) manifest: LOM title and description, the course
/// outline as the organisation (one item per Thing, holding its page and its web links), each Thing
/// page as web content listing every media file it uses, and each resource with a URL as a web link.
///
/// What a real import does shapes it (BUILD-NOTES): Moodle detects the format from the manifest's
/// first kilobyte, so the namespace declaration comes first with no comment before it; it keeps only
/// media listed as files of a resource; it turns the root item's children into sections.
struct CartridgeManifestBuilder {
    enum Names {
        static let cp = XMLNamespace(prefix: nil, uri: "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1")
        static let lom = XMLNamespace(prefix: "lomimscc", uri: "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest")
        static let webLink = XMLNamespace(prefix: nil, uri: "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1")
        static let xsi = XMLNamespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")
    }

    /// One Thing of the cartridge: its page, the media the page uses, and its resources with a URL.
    struct Unit {
        let thing: Thing
        let title: String
        let page: String
        let media: [String]
        /// (resource, the web link file written for it).
        let webLinks: [(resource: Resource, file: String)]
    }

    let course: Course
    let identifier: String
    let title: String
    let units: [Unit]

    static func resourceID(_ thing: Thing) -> String { "resource-\(thing.id)" }
    static func webLinkID(_ thing: Thing, _ resource: Resource) -> String { "weblink-\(thing.id)-\(resource.id)" }

    /// The manifest element.
    func manifest() -> XMLElementNode {
        let cp = Names.cp
        let lom = Names.lom
        func element(_ name: String, _ children: [XMLChild] = [], attributes: [XMLAttribute] = []) -> XMLElementNode {
            XMLElementNode(name, namespace: cp, attributes: attributes, children: children)
        }
        func lomText(_ name: String, _ text: String) -> XMLChild {
            .element(
                XMLElementNode(
                    name, namespace: lom,
                    children: [
                        .element(
                            XMLElementNode(
                                "string", namespace: lom, attributes: [XMLAttribute("language", course.language)], text: text))
                    ]))
        }
        var general: [XMLChild] = [lomText("title", title)]
        general.append(.element(XMLElementNode("language", namespace: lom, text: course.language)))
        if !course.description.isEmpty { general.append(lomText("description", course.description)) }
        let metadata = element(
            "metadata",
            [
                .element(element("schema", [.text("IMS Common Cartridge")])),
                .element(element("schemaversion", [.text("1.1.0")])),
                .element(
                    XMLElementNode(
                        "lom", namespace: lom, children: [.element(XMLElementNode("general", namespace: lom, children: general))])
                ),
            ])
        let thingItems = units.map { unit -> XMLChild in
            var children: [XMLChild] = [.element(element("title", [.text(unit.title)]))]
            children.append(
                .element(
                    element(
                        "item", [.element(element("title", [.text(unit.title)]))],
                        attributes: [
                            XMLAttribute("identifier", "item-\(unit.thing.id)-page"),
                            XMLAttribute("identifierref", Self.resourceID(unit.thing)),
                        ])))
            for link in unit.webLinks {
                children.append(
                    .element(
                        element(
                            "item", [.element(element("title", [.text(link.resource.title)]))],
                            attributes: [
                                XMLAttribute("identifier", "item-\(unit.thing.id)-\(link.resource.id)"),
                                XMLAttribute("identifierref", Self.webLinkID(unit.thing, link.resource)),
                            ])))
            }
            return .element(element("item", children, attributes: [XMLAttribute("identifier", "item-\(unit.thing.id)")]))
        }
        let root = element("item", thingItems, attributes: [XMLAttribute("identifier", "root")])
        let organization = element(
            "organization", [.element(root)],
            attributes: [XMLAttribute("identifier", "organization"), XMLAttribute("structure", "rooted-hierarchy")])
        var resources: [XMLChild] = []
        for unit in units {
            resources.append(
                .element(
                    element(
                        "resource",
                        ([unit.page] + unit.media).map { .element(element("file", attributes: [XMLAttribute("href", $0)])) },
                        attributes: [
                            XMLAttribute("identifier", Self.resourceID(unit.thing)), XMLAttribute("type", "webcontent"),
                            XMLAttribute("href", unit.page),
                        ])))
            for link in unit.webLinks {
                resources.append(
                    .element(
                        element(
                            "resource", [.element(element("file", attributes: [XMLAttribute("href", link.file)]))],
                            attributes: [
                                XMLAttribute("identifier", Self.webLinkID(unit.thing, link.resource)),
                                XMLAttribute("type", "imswl_xmlv1p1"),
                            ])))
            }
        }
        let locations = [
            "\(cp.uri) http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imscp_v1p2_v1p0.xsd",
            "\(lom.uri) http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lommanifest_v1p0.xsd",
        ]
        return XMLElementNode(
            "manifest", namespace: cp, declaring: [cp, lom, Names.xsi],
            attributes: [
                XMLAttribute("identifier", identifier),
                XMLAttribute("schemaLocation", locations.joined(separator: " "), namespace: Names.xsi),
            ],
            children: [
                .element(metadata),
                .element(element("organizations", [.element(organization)])),
                .element(element("resources", resources)),
            ])
    }

    /// The web link file of `resource`: its title and URL, opened in a new window.
    static func webLink(_ resource: Resource, url: String) -> XMLElementNode {
        let ns = Names.webLink
        return XMLElementNode(
            "webLink", namespace: ns, declaring: [ns, Names.xsi],
            attributes: [
                XMLAttribute(
                    "schemaLocation", "\(ns.uri) http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_imswl_v1p1.xsd",
                    namespace: Names.xsi)
            ],
            children: [
                .element(XMLElementNode("title", namespace: ns, text: resource.title)),
                .element(
                    XMLElementNode(
                        "url", namespace: ns, attributes: [XMLAttribute("href", url), XMLAttribute("target", "_blank")])),
            ])
    }

    /// Problems the XSD does not catch: a file listed that the cartridge lacks, an `identifierref`
    /// naming no resource, and the namespace declaration beyond the first kilobyte.
    static func check(manifest bytes: [UInt8], packageFiles: Set<String>) -> [String] {
        var problems: [String] = []
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        if !head.contains("xmlns=\"\(Names.cp.uri)\"") {
            problems.append("imsmanifest.xml: the CC 1.1 namespace is not declared within its first 1,024 bytes")
        }
        guard let root = try? UntrustedXMLParser.parse(bytes) else {
            return problems + ["imsmanifest.xml does not parse"]
        }
        var resourceIDs = Set<String>()
        var references: [String] = []
        var pending = [root]
        while let element = pending.popLast() {
            pending.append(contentsOf: element.children)
            switch element.name {
            case "resource": resourceIDs.insert(element.attributes["identifier"] ?? "")
            case "item": if let reference = element.attributes["identifierref"] { references.append(reference) }
            case "file":
                let href = element.attributes["href"] ?? ""
                if !packageFiles.contains(href) {
                    problems.append("imsmanifest.xml line \(element.line) lists \(href), which the cartridge lacks")
                }
            default: break
            }
        }
        for reference in references where !resourceIDs.contains(reference) {
            problems.append("imsmanifest.xml: an item refers to \(reference), which is no resource")
        }
        return problems
    }
}
