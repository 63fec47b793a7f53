import CourseXML
import Foundation

/// Bakes an assertion into an SVG: one `openbadges:assertion` element (namespace
/// `http://openbadges.org`) as the root's first child, with a `verify` attribute, and for hosted
/// assertions the JSON in CDATA (Open Badges Baking 2.0). Parsing goes through the XML module's
/// safe parser, so hostile SVG cannot fetch or expand anything.
public enum SVGBaker {
    /// The baking namespace.
    public static let namespace = XMLNamespace(prefix: "openbadges", uri: "http://openbadges.org")

    /// The Open Badges 3.0 baking namespace (§5.3.2).
    public static let namespace3 = XMLNamespace(prefix: "openbadges", uri: "https://purl.imsglobal.org/ob/v3p0")

    /// A file that is not an SVG this can bake.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    /// `svg` with a hosted assertion baked in: `verify` is the assertion's URL, the JSON is the content.
    public static func bakeHosted(_ svg: [UInt8], assertionURL: String, json: String) throws(Problem) -> [UInt8] {
        try bake(
            svg,
            element: XMLElementNode(
                "assertion", namespace: namespace, attributes: [XMLAttribute("verify", assertionURL)],
                children: cdataSections(json)))
    }

    /// `text` as CDATA sections: a `]]>` inside (an earner's narrative may hold one) would end the
    /// section early, so it is split between two sections, which read back as the same text.
    static func cdataSections(_ text: String) -> [XMLChild] {
        let parts = text.components(separatedBy: "]]>")
        return parts.indices.map { index in
            .cdata((index == 0 ? "" : ">") + parts[index] + (index < parts.count - 1 ? "]]" : ""))
        }
    }

    /// `svg` with a signed assertion baked in: `verify` is the compact JWS.
    public static func bakeSigned(_ svg: [UInt8], jws: String) throws(Problem) -> [UInt8] {
        try bake(svg, element: XMLElementNode("assertion", namespace: namespace, attributes: [XMLAttribute("verify", jws)]))
    }

    /// `svg` with an Open Badges 3.0 credential baked in: JSON (with an embedded proof) as the content of
    /// `openbadges:credential`, or a VC-JWT as its `verify` attribute.
    public static func bakeCredential(_ svg: [UInt8], json: String? = nil, jwt: String? = nil) throws(Problem) -> [UInt8] {
        try bake(
            svg,
            element: XMLElementNode(
                "credential", namespace: namespace3, attributes: jwt.map { [XMLAttribute("verify", $0)] } ?? [],
                children: json.map(cdataSections) ?? []),
            name: "credential", in: namespace3)
    }

    /// What is baked: the JSON content if there is any, else the `verify` attribute (a JWS or a URL).
    public static func unbake(_ svg: [UInt8]) throws(Problem) -> String {
        let root: XMLElementSnapshot
        do {
            root = try UntrustedXMLParser.parse(svg)
        } catch {
            throw Problem(description: "not a well-formed SVG: \(error.message)")
        }
        let found = root.children.filter {
            ($0.name == "assertion" && $0.namespaceURI == namespace.uri)
                || ($0.name == "credential" && $0.namespaceURI == namespace3.uri)
        }
        guard found.count == 1, let element = found.first else {
            throw Problem(
                description: found.isEmpty ? "the SVG carries no Open Badges data" : "the SVG carries \(found.count) assertions")
        }
        let content = element.text.trimmingCharacters(in: .whitespacesAndNewlines)
        if !content.isEmpty { return content }
        guard let verify = element.attributes["verify"] else {
            throw Problem(description: "the assertion element has no `verify`")
        }
        return verify
    }

    private static func bake(
        _ svg: [UInt8], element: XMLElementNode, name: String = "assertion", in namespace: XMLNamespace = namespace
    ) throws(Problem) -> [UInt8] {
        let baked: [UInt8]
        do {
            baked = try UntrustedXMLEditor.replacingRootChildren(
                in: svg, named: name, namespace: namespace, with: element, rootName: "svg")
        } catch {
            throw Problem(description: "cannot bake the SVG: \(error.message)")
        }
        // A baked SVG that no verifier (ours included) would read must not be issued.
        guard baked.count <= UntrustedXMLParser.maximumSize else {
            throw Problem(
                description:
                    "the baked SVG would be \(baked.count / 1024 / 1024) MB, more than the \(UntrustedXMLParser.maximumSize / 1024 / 1024) MB verifiers read; use smaller art or a shorter evidence narrative"
            )
        }
        return baked
    }
}
