import CourseModel
import CourseXML
import Foundation

/// Writes `imsmanifest.xml` for SCORM 1.2 (IMS CP 1.1.2 + ADLCP 1.2) or SCORM 2004 4th Edition
/// (IMS CP 1.1 + ADLCP 1.3 + sequencing, navigation and LOM metadata), as an XML value tree.
struct ManifestBuilder {
    /// One SCO: a Thing page.
    struct SCO {
        let thing: Thing
        let title: String
        let page: String
        /// The media files the page uses (pictures, video, handouts), listed under its resource.
        var media: [String] = []
    }

    let course: Course
    let format: PackageFormat
    /// The manifest's identifier: stable for a course, with the Thing's id for a one-Thing package.
    let identifier: String
    let organizationTitle: String
    let scos: [SCO]
    /// Files every SCO depends on (styles, scripts, badge images).
    let sharedFiles: [String]

    static let xsi = XMLNamespace(prefix: "xsi", uri: "http://www.w3.org/2001/XMLSchema-instance")

    /// Namespaces and schema locations of each version.
    enum Names {
        static let cp12 = XMLNamespace(prefix: nil, uri: "http://www.imsproject.org/xsd/imscp_rootv1p1p2")
        static let adlcp12 = XMLNamespace(prefix: "adlcp", uri: "http://www.adlnet.org/xsd/adlcp_rootv1p2")
        static let imsmd = XMLNamespace(prefix: "imsmd", uri: "http://www.imsglobal.org/xsd/imsmd_rootv1p2p1")
        static let cp2004 = XMLNamespace(prefix: nil, uri: "http://www.imsglobal.org/xsd/imscp_v1p1")
        static let adlcp2004 = XMLNamespace(prefix: "adlcp", uri: "http://www.adlnet.org/xsd/adlcp_v1p3")
        static let adlseq = XMLNamespace(prefix: "adlseq", uri: "http://www.adlnet.org/xsd/adlseq_v1p3")
        static let adlnav = XMLNamespace(prefix: "adlnav", uri: "http://www.adlnet.org/xsd/adlnav_v1p3")
        static let imsss = XMLNamespace(prefix: "imsss", uri: "http://www.imsglobal.org/xsd/imsss")
        static let lom = XMLNamespace(prefix: "lom", uri: "http://ltsc.ieee.org/xsd/LOM")
    }

    static let sharedResourceID = "resource-shared"

    static func itemID(_ thing: Thing) -> String { "item-\(thing.id)" }
    static func resourceID(_ thing: Thing) -> String { "resource-\(thing.id)" }

    /// The manifest element.
    func manifest() -> XMLElementNode {
        format == .scorm2004 ? manifest2004() : manifest12()
    }

    private func manifest12() -> XMLElementNode {
        let cp = Names.cp12
        let adlcp = Names.adlcp12
        let md = Names.imsmd
        func element(_ name: String, _ children: [XMLChild] = [], attributes: [XMLAttribute] = []) -> XMLElementNode {
            XMLElementNode(name, namespace: cp, attributes: attributes, children: children)
        }
        func langString(_ text: String) -> XMLChild {
            .element(
                XMLElementNode("langstring", namespace: md, attributes: [XMLAttribute("xml:lang", course.language)], text: text))
        }
        func mdElement(_ name: String, _ children: [XMLChild]) -> XMLChild {
            .element(XMLElementNode(name, namespace: md, children: children))
        }
        var general: [XMLChild] = [mdElement("title", [langString(organizationTitle)])]
        general.append(.element(XMLElementNode("language", namespace: md, text: course.language)))
        if !course.description.isEmpty { general.append(mdElement("description", [langString(course.description)])) }
        var lom: [XMLChild] = [mdElement("general", general)]
        if let rights = rightsText {
            lom.append(
                mdElement(
                    "rights",
                    [
                        mdElement(
                            "copyrightandotherrestrictions",
                            [
                                mdElement("source", [langString("LOMv1.0")]), mdElement("value", [langString("yes")]),
                            ]),
                        mdElement("description", [langString(rights)]),
                    ]))
        }
        let metadata = element(
            "metadata",
            [
                .element(element("schema", [.text("ADL SCORM")])), .element(element("schemaversion", [.text("1.2")])),
                .element(XMLElementNode("lom", namespace: md, children: lom)),
            ])
        let items = scos.map { sco in
            // With a pass mark, the LMS may judge the score itself: it is declared as a mastery score (0–100).
            let mastery = sco.thing.passMark.map {
                XMLChild.element(
                    XMLElementNode("masteryscore", namespace: adlcp, children: [.text(String(Int(($0 * 100).rounded())))]))
            }
            return XMLChild.element(
                element(
                    "item", [.element(element("title", [.text(sco.title)]))] + (mastery.map { [$0] } ?? []),
                    attributes: [
                        XMLAttribute("identifier", Self.itemID(sco.thing)),
                        XMLAttribute("identifierref", Self.resourceID(sco.thing)), XMLAttribute("isvisible", "true"),
                    ]))
        }
        let organization = element(
            "organization", [.element(element("title", [.text(organizationTitle)]))] + items,
            attributes: [XMLAttribute("identifier", "organization")])
        let resources = resourceElements(namespace: cp, scormType: XMLAttribute("scormtype", "", namespace: adlcp))
        return XMLElementNode(
            "manifest", namespace: cp, declaring: [cp, adlcp, md, Self.xsi],
            attributes: [
                XMLAttribute("identifier", identifier), XMLAttribute("version", course.version.isEmpty ? "1.0" : course.version),
                XMLAttribute(
                    "schemaLocation",
                    "\(cp.uri) imscp_rootv1p1p2.xsd \(md.uri) imsmd_rootv1p2p1.xsd \(adlcp.uri) adlcp_rootv1p2.xsd",
                    namespace: Self.xsi),
            ],
            children: [
                .element(metadata),
                .element(
                    element("organizations", [.element(organization)], attributes: [XMLAttribute("default", "organization")])),
                .element(element("resources", resources)),
            ])
    }

    private func manifest2004() -> XMLElementNode {
        let cp = Names.cp2004
        let adlcp = Names.adlcp2004
        let imsss = Names.imsss
        let lom = Names.lom
        func element(_ name: String, _ children: [XMLChild] = [], attributes: [XMLAttribute] = []) -> XMLElementNode {
            XMLElementNode(name, namespace: cp, attributes: attributes, children: children)
        }
        func lomElement(_ name: String, _ children: [XMLChild]) -> XMLChild {
            .element(XMLElementNode(name, namespace: lom, children: children))
        }
        func lomString(_ text: String) -> XMLChild {
            .element(
                XMLElementNode("string", namespace: lom, attributes: [XMLAttribute("language", course.language)], text: text))
        }
        func vocabulary(_ name: String, _ value: String) -> XMLChild {
            lomElement(
                name,
                [
                    .element(XMLElementNode("source", namespace: lom, text: "LOMv1.0")),
                    .element(XMLElementNode("value", namespace: lom, text: value)),
                ])
        }
        var general: [XMLChild] = [lomElement("title", [lomString(organizationTitle)])]
        general.append(.element(XMLElementNode("language", namespace: lom, text: course.language)))
        if !course.description.isEmpty { general.append(lomElement("description", [lomString(course.description)])) }
        var lomChildren: [XMLChild] = [lomElement("general", general)]
        if let rights = rightsText {
            lomChildren.append(
                lomElement(
                    "rights",
                    [vocabulary("copyrightAndOtherRestrictions", "yes"), lomElement("description", [lomString(rights)])]))
        }
        let metadata = element(
            "metadata",
            [
                .element(element("schema", [.text("ADL SCORM")])),
                .element(element("schemaversion", [.text("2004 4th Edition")])),
                .element(XMLElementNode("lom", namespace: lom, children: lomChildren)),
            ])
        let items = scos.map { sco in
            XMLChild.element(
                element(
                    "item", [.element(element("title", [.text(sco.title)])), .element(itemSequencing(sco.thing, imsss))],
                    attributes: [
                        XMLAttribute("identifier", Self.itemID(sco.thing)),
                        XMLAttribute("identifierref", Self.resourceID(sco.thing)),
                    ]))
        }
        let organizationSequencing = XMLElementNode(
            "sequencing", namespace: imsss,
            children: [
                .element(
                    XMLElementNode(
                        "controlMode", namespace: imsss,
                        attributes: [XMLAttribute("choice", "true"), XMLAttribute("flow", "true")]))
            ])
        let organization = element(
            "organization",
            [.element(element("title", [.text(organizationTitle)]))] + items + [.element(organizationSequencing)],
            attributes: [XMLAttribute("identifier", "organization")])
        let resources = resourceElements(namespace: cp, scormType: XMLAttribute("scormType", "", namespace: adlcp))
        let locations = [
            "\(cp.uri) imscp_v1p1.xsd", "\(adlcp.uri) adlcp_v1p3.xsd", "\(Names.adlseq.uri) adlseq_v1p3.xsd",
            "\(Names.adlnav.uri) adlnav_v1p3.xsd", "\(imsss.uri) imsss_v1p0.xsd", "\(lom.uri) lom.xsd",
        ]
        return XMLElementNode(
            "manifest", namespace: cp, declaring: [cp, adlcp, Names.adlseq, Names.adlnav, imsss, lom, Self.xsi],
            attributes: [
                XMLAttribute("identifier", identifier), XMLAttribute("version", course.version.isEmpty ? "1" : course.version),
                XMLAttribute("schemaLocation", locations.joined(separator: " "), namespace: Self.xsi),
            ],
            children: [
                .element(metadata),
                .element(
                    element("organizations", [.element(organization)], attributes: [XMLAttribute("default", "organization")])),
                .element(element("resources", resources)),
            ])
    }

    /// A 2004 item's sequencing: the content sets completion and success; with a pass mark, the primary
    /// objective is satisfied by the score reaching it (`satisfiedByMeasure`, `minNormalizedMeasure`).
    private func itemSequencing(_ thing: Thing, _ imsss: XMLNamespace) -> XMLElementNode {
        let deliveryControls = XMLElementNode(
            "deliveryControls", namespace: imsss,
            attributes: [XMLAttribute("completionSetByContent", "true"), XMLAttribute("objectiveSetByContent", "true")])
        guard let passMark = thing.passMark else {
            return XMLElementNode("sequencing", namespace: imsss, children: [.element(deliveryControls)])
        }
        let objectives = XMLElementNode(
            "objectives", namespace: imsss,
            children: [
                .element(
                    XMLElementNode(
                        "primaryObjective", namespace: imsss,
                        attributes: [
                            XMLAttribute("objectiveID", "objective-\(thing.id)"), XMLAttribute("satisfiedByMeasure", "true"),
                        ],
                        children: [
                            .element(
                                XMLElementNode(
                                    "minNormalizedMeasure", namespace: imsss,
                                    children: [.text(String(format: "%.4g", passMark))]))
                        ]))
            ])
        return XMLElementNode("sequencing", namespace: imsss, children: [.element(objectives), .element(deliveryControls)])
    }

    /// One SCO resource per Thing depending on one shared asset resource; `scormType` names the
    /// version's attribute (`adlcp:scormtype` in 1.2, `adlcp:scormType` in 2004).
    private func resourceElements(namespace: XMLNamespace, scormType: XMLAttribute) -> [XMLChild] {
        func element(_ name: String, _ children: [XMLChild] = [], attributes: [XMLAttribute] = []) -> XMLElementNode {
            XMLElementNode(name, namespace: namespace, attributes: attributes, children: children)
        }
        func type(_ value: String) -> XMLAttribute {
            XMLAttribute(scormType.name, value, namespace: scormType.namespace)
        }
        let scoResources = scos.map { sco in
            XMLChild.element(
                element(
                    "resource",
                    ([sco.page] + sco.media).map { .element(element("file", attributes: [XMLAttribute("href", $0)])) }
                        + [.element(element("dependency", attributes: [XMLAttribute("identifierref", Self.sharedResourceID)]))],
                    attributes: [
                        XMLAttribute("identifier", Self.resourceID(sco.thing)), XMLAttribute("type", "webcontent"), type("sco"),
                        XMLAttribute("href", sco.page),
                    ]))
        }
        let shared = XMLChild.element(
            element(
                "resource", sharedFiles.map { .element(element("file", attributes: [XMLAttribute("href", $0)])) },
                attributes: [
                    XMLAttribute("identifier", Self.sharedResourceID), XMLAttribute("type", "webcontent"), type("asset"),
                ]))
        return scoResources + [shared]
    }

    private var rightsText: String? {
        var parts: [String] = []
        if let licence = course.licence {
            parts.append("Licence: \(licence.name)" + (licence.url.map { " (\($0))" } ?? "") + ".")
        }
        if !course.attribution.isEmpty { parts.append(course.attribution) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}
