import CourseMarkdown
import Testing

@Suite("Markdown")
struct MarkdownTests {
    @Test("nodes carry 1-based lines and character columns, multi-byte text included")
    func positions() {
        let document = MarkdownDocument(parsing: "# Title\n\nCafé, see [the link](https://example.org).\n")
        let link = document.allNodes.first { $0.kind == .link }
        #expect(link?.line == 3)
        #expect(link?.column == 11)
        #expect(link?.url == "https://example.org")
        #expect(document.allNodes.first { $0.kind == .heading }?.headingLevel == 1)
    }

    @Test("links and images carry the plain text inside them; deep nesting is walked without recursion")
    func plainText() {
        let document = MarkdownDocument(parsing: "See [the *new*\n`guide`](g.html) and ![](a.png) ![A **chart**](c.png)\n")
        #expect(document.allNodes.filter { $0.kind == .link }.map(\.plainText) == ["the new guide"])
        #expect(document.allNodes.filter { $0.kind == .image }.map(\.plainText) == ["", "A chart"])
        #expect(document.allNodes.first { $0.kind == .text }?.plainText == nil)
        let deep = MarkdownDocument(parsing: String(repeating: "> ", count: 3_000) + "deep\n")
        #expect(deep.allNodes.filter { $0.kind == .blockQuote }.count > 1_000)
    }

    @Test("GitHub extensions are on: tables and autolinks")
    func extensions() {
        let html = MarkdownRenderer.html("| a | b |\n| - | - |\n| 1 | 2 |\n\nSee https://example.org\n")
        #expect(html.contains("<table>"))
        #expect(html.contains("<a href=\"https://example.org\">"))
    }

    @Test("raw HTML never reaches the output")
    func rawHTMLOmitted() {
        let html = MarkdownRenderer.html("Hello <script>alert(1)</script>\n\n<div onclick=\"x()\">hi</div>\n")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
    }
}
