import CourseXML
import Testing

@Suite("Untrusted XML")
struct UntrustedXMLParserTests {
    @Test("reads elements, namespaces and attributes")
    func reads() throws {
        let root = try UntrustedXMLParser.parse(
            Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="10"><g id="x"/></svg>"#.utf8))
        #expect(root.name == "svg")
        #expect(root.namespaceURI == "http://www.w3.org/2000/svg")
        #expect(root.attributes["width"] == "10")
        #expect(root.children.map(\.name) == ["g"])
    }

    @Test("refuses entity declarations and external entities, and fetches nothing")
    func refusesEntities() {
        let external = #"<!DOCTYPE svg [<!ENTITY x SYSTEM "http://127.0.0.1:9/secret">]><svg>&x;</svg>"#
        #expect(throws: XMLParseError.self) { try UntrustedXMLParser.parse(Array(external.utf8)) }
    }

    @Test("reports where malformed XML breaks")
    func malformed() {
        do {
            _ = try UntrustedXMLParser.parse(Array("<svg>\n<g></svg>".utf8))
            Issue.record("expected an error")
        } catch {
            #expect(error.line == 2)
        }
    }
}
