import CourseXML
import Foundation
import Testing

@Suite("XML writing and schema validation")
struct XMLWritingTests {
    static let schemas =
        ProcessInfo.processInfo.environment["COURSE_TOOLKIT_SCHEMAS"]
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("shared/schemas").path

    @Test("escapes text and attributes and declares namespaces")
    func escaping() throws {
        let ns = XMLNamespace(prefix: nil, uri: "urn:a")
        let x = XMLNamespace(prefix: "x", uri: "urn:x")
        let root = XMLElementNode(
            "root", namespace: ns, declaring: [ns, x],
            attributes: [XMLAttribute("title", "a \"quoted\" & <tag>"), XMLAttribute("kind", "k", namespace: x)],
            children: [.element(XMLElementNode("child", namespace: x, text: "Tom & Jerry <3 ]]>"))])
        let text = String(decoding: try XMLSerializer.serialize(root), as: UTF8.self)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"))
        #expect(
            text.contains(
                "<root xmlns=\"urn:a\" xmlns:x=\"urn:x\" title=\"a &quot;quoted&quot; &amp; &lt;tag&gt;\" x:kind=\"k\">"))
        #expect(text.contains("<x:child>Tom &amp; Jerry &lt;3 ]]&gt;</x:child>"))
        // and it reads back
        let parsed = try UntrustedXMLParser.parse(try XMLSerializer.serialize(root))
        #expect(parsed.attributes["title"] == "a \"quoted\" & <tag>")
    }

    @Test("an undeclared namespace is refused")
    func undeclared() {
        let root = XMLElementNode("root", namespace: XMLNamespace(prefix: "p", uri: "urn:p"))
        #expect(throws: XMLSerializer.Failure.self) { try XMLSerializer.serialize(root) }
    }

    @Test(
        "official SCORM samples validate; broken ones report a line",
        .enabled(if: FileManager.default.fileExists(atPath: schemas), "the shared SCORM schemas are absent"))
    func scormSamples() throws {
        let v12 = try XMLSchemaValidator(schemaPath: "\(Self.schemas)/validate-scorm12.xsd")
        let v2004 = try XMLSchemaValidator(
            schemaPath: "\(Self.schemas)/validate-scorm2004-4th.xsd", catalogPath: "\(Self.schemas)/catalog.xml")
        func read(_ path: String) throws -> [UInt8] {
            Array(try Data(contentsOf: URL(fileURLWithPath: "\(Self.schemas)/samples/\(path)")))
        }
        #expect(v12.validate(try read("scorm12/imsmanifest.minimal.xml")).isEmpty)
        #expect(v12.validate(try read("scorm12/imsmanifest.with-imsmd-metadata.xml")).isEmpty)
        #expect(v2004.validate(try read("scorm2004-4th/imsmanifest.minimal.xml")).isEmpty)
        #expect(v2004.validate(try read("scorm2004-4th/imsmanifest.with-lom-metadata.xml")).isEmpty)
        let badType = v12.validate(try read("invalid/s12-bad-scormtype.xml"))
        #expect(!badType.isEmpty)
        #expect(badType.allSatisfy { $0.line > 0 })
        #expect(!v2004.validate(try read("invalid/s2004-bad-imsss.xml")).isEmpty)
    }
}
