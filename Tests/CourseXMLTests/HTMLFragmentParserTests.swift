import CourseXML
import Testing

@Suite("HTML fragments")
struct HTMLFragmentParserTests {
    @Test("siblings stay siblings and attributes keep their order")
    func siblings() {
        let nodes = HTMLFragmentParser.parse("<p>One</p><p class=\"a\" id=\"b\">Two &amp; three</p>")
        #expect(nodes.count == 2)
        guard case .element(let name, let attributes, let children) = nodes[1] else {
            Issue.record("expected an element")
            return
        }
        #expect(name == "p")
        #expect(attributes.map(\.name) == ["class", "id"])
        #expect(children == [.text("Two & three")])
    }

    @Test("malformed markup is repaired, text outside elements is kept")
    func repaired() {
        let nodes = HTMLFragmentParser.parse("Hello <b>bold <i>both</b> after")
        #expect(nodes.first == .text("Hello "))
        #expect(nodes.count >= 2)
    }
}
