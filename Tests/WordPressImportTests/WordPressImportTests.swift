import CourseModel
import Synchronization
import Testing

@testable import WordPressImport

/// The importer on small exports written here: classic and block markup, shortcodes, the 23 Things
/// parts, and hostile input (entities, scripts, `javascript:` links, oversized items).
@Suite("WordPress import")
struct WordPressImportTests {
    /// A WXR 1.2 export holding `items` (each already an `<item>` element).
    static func export(_ items: String, doctype: String = "") -> [UInt8] {
        Array(
            """
            <?xml version="1.0" encoding="UTF-8"?>\(doctype)
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/">
            <channel><title>Test Things</title><link>https://things.example.net</link><language>en-GB</language>
            <wp:wxr_version>1.2</wp:wxr_version>
            \(items)
            </channel></rss>
            """.utf8)
    }

    /// One post item.
    static func post(id: Int, title: String, content: String, status: String = "publish", type: String = "post") -> String {
        """
        <item><title><![CDATA[\(title)]]></title><link>https://things.example.net/p\(id)/</link>
        <guid isPermaLink="false">https://things.example.net/?p=\(id)</guid>
        <content:encoded><![CDATA[\(content)]]></content:encoded>
        <wp:post_id>\(id)</wp:post_id><wp:post_name><![CDATA[p\(id)]]></wp:post_name>
        <wp:status><![CDATA[\(status)]]></wp:status><wp:post_type><![CDATA[\(type)]]></wp:post_type></item>
        """
    }

    /// The plan of importing `bytes` into `Courses/test`.
    static func plan(_ bytes: [UInt8], selection: ImportRequest.Selection = .things) throws -> ImportPlan {
        var request = ImportRequest(
            export: try WXRReader.read(bytes), exportName: "export.xml", courseID: "test", courseFolder: "Courses/test")
        request.selection = selection
        return WordPressImporter.plan(request)
    }

    @Test("classic markup: paragraphs from blank lines, headings from ##, emphasis, nested lists, links between Things")
    func classic() throws {
        let plan = try Self.plan(
            Self.export(
                Self.post(
                    id: 1, title: "Thing 1: First",
                    content: """
                        Opening words.

                        <h3>Part one</h3>
                        Some <strong>bold</strong> and <em>leaning</em> text
                        on two lines.
                        <ul>
                         <li>one<ul><li>one and a half</li></ul></li>
                         <li>two</li>
                        </ul>
                        <h4>Deeper</h4>
                        See <a href="https://things.example.net/p2/">the second</a> and <a href="http://other.example.com/x">elsewhere</a>.
                        """) + Self.post(id: 2, title: "Thing 2: Second", content: "Text.")))
        let first = try #require(plan.things.first { $0.id == "thing-01" })
        #expect(first.text.contains("aim: \"Opening words.\""))
        #expect(first.text.contains("\n## Part one\n"))
        #expect(first.text.contains("Some **bold** and *leaning* text\\\non two lines."))
        #expect(first.text.contains("- one\n  - one and a half\n- two"))
        #expect(first.text.contains("\n### Deeper\n"))
        #expect(first.text.contains("[the second](thing-02.md)"))
        #expect(first.text.contains("[elsewhere](<https://other.example.com/x>)"), "http became https")
        #expect(plan.report.findings.contains { $0.message.contains("http address and now uses https") })
    }

    @Test("shortcodes: a caption becomes the picture and its caption, an unknown one a visible note listed in the report")
    func shortcodes() throws {
        let plan = try Self.plan(
            Self.export(
                Self.post(
                    id: 1, title: "Thing 1: Pictures",
                    content: """
                        [caption id="attachment_9" width="300"]<img src="https://elsewhere.example.com/a.png" alt="A cat" /> A cat asleep[/caption]

                        [poll id="3"]

                        [gallery]

                        Prices in [brackets] stay text.
                        """)))
        let text = try #require(plan.things.first).text
        #expect(text.contains("![A cat](<https://elsewhere.example.com/a.png>)\n\n*A cat asleep*"))
        #expect(text.contains("> **Import note:** the WordPress shortcode \\[poll id=\"3\"\\] has no equivalent here."))
        #expect(text.contains("Prices in \\[brackets\\] stay text."))
        #expect(text.contains("a gallery with no pictures the export names was left out"))
        #expect(plan.report.findings.contains { $0.message.contains("[poll id=\"3\"]") && $0.line != nil })
    }

    @Test("blocks: dynamic blocks become notes, an embed a privacy-enhanced player with a transcript to write")
    func blocks() throws {
        let plan = try Self.plan(
            Self.export(
                Self.post(
                    id: 1, title: "Thing 1: Blocks",
                    content: """
                        <!-- wp:paragraph --><p>Hello.</p><!-- /wp:paragraph -->
                        <!-- wp:latest-posts {"postsToShow":3} /-->
                        <!-- wp:query --><div><!-- wp:post-title /--></div><!-- /wp:query -->
                        <!-- wp:embed {"url":"https://youtu.be/abcdefghijk"} -->
                        <figure class="wp-block-embed"><div class="wp-block-embed__wrapper">
                        https://youtu.be/abcdefghijk
                        </div></figure>
                        <!-- /wp:embed -->
                        """)))
        let text = try #require(plan.things.first).text
        #expect(text.contains("the WordPress block “latest-posts” has no equivalent here"))
        #expect(text.contains("the WordPress block “query” has no equivalent here"))
        #expect(!text.contains("post-title"), "a block inside an unknown one goes with it")
        #expect(
            text.contains("![Embedded video](<https://youtu.be/abcdefghijk> \"transcript: ../files/abcdefghijk-transcript.md\")"))
        let transcript = try #require(plan.files.first { $0.path == "Courses/test/files/abcdefghijk-transcript.md" })
        #expect(String(decoding: transcript.bytes, as: UTF8.self).contains(ScaffoldPlaceholder.importedTranscript))
    }

    @Test("hostile markup: scripts, styles, forms and javascript: links never come through; the text of a link stays")
    func hostileMarkup() throws {
        let plan = try Self.plan(
            Self.export(
                Self.post(
                    id: 1, title: "Thing 1: Hostile",
                    content: """
                        <p>Click <a href="javascript:alert(1)">here</a> or <a href=" JaVaScRiPt:alert(2)">there</a>.</p>
                        <script>alert(3)</script><style>p{}</style>
                        <p onclick="alert(4)">Plain &lt;script&gt; text.</p>
                        <iframe src="https://evil.example.com/x"></iframe>
                        <form action="https://evil.example.com"><input name="a"></form>
                        <img src="data:image/svg+xml,<svg onload=alert(5)>" alt="x">
                        """)))
        let text = try #require(plan.things.first).text
        #expect(!text.contains("alert("), "\(text)")
        #expect(!text.lowercased().contains("javascript"))
        #expect(text.contains("Click here or there."))
        #expect(text.contains("Plain \\<script\\> text."), "text that looks like a tag stays escaped text")
        #expect(text.contains("a form was left out"))
        #expect(plan.report.findings.filter { $0.message.contains("`javascript:` link was removed") }.count == 2)
    }

    @Test("entity declarations, external entities and non-exports are refused with where and why")
    func hostileExports() throws {
        let bomb = Self.export(
            Self.post(id: 1, title: "Thing 1: Bomb", content: "&lol9;"),
            doctype: "<!DOCTYPE rss [<!ENTITY lol \"lol\"><!ENTITY lol9 \"&lol;&lol;&lol;&lol;&lol;&lol;\">]>")
        #expect(throws: WXRReadError.self) { try WXRReader.read(bomb) }
        let external = Self.export(
            Self.post(id: 1, title: "Thing 1: XXE", content: "x"),
            doctype: "<!DOCTYPE rss [<!ENTITY secret SYSTEM \"file:///etc/passwd\">]>")
        do {
            _ = try WXRReader.read(external)
            Issue.record("an external entity was accepted")
        } catch {
            #expect(error.message.contains("entities"))
        }
        do {
            _ = try WXRReader.read(Array("<html><body>not an export</body></html>".utf8))
            Issue.record("a web page was read as an export")
        } catch {
            #expect(error.message.contains("not a WordPress export"))
        }
        #expect(throws: WXRReadError.self) { try WXRReader.read(Array("<rss><channel>".utf8)) }
    }

    @Test("an item whose body is over the limit is left out and reported; the others are imported")
    func oversizedItem() throws {
        let huge = String(repeating: "word ", count: WXRLimits.maximumItemContentBytes / 5 + 10)
        let plan = try Self.plan(
            Self.export(
                Self.post(id: 1, title: "Thing 1: Huge", content: huge) + Self.post(id: 2, title: "Thing 2: Fine", content: "ok"))
        )
        #expect(plan.report.outcomes.first { $0.itemID == 1 }?.result.contains("over the") == true)
        #expect(plan.things.contains { $0.id == "thing-02" && $0.itemID == 2 })
        #expect(plan.report.findings.contains { $0.kind == .removed && $0.file == "export.xml" })
    }

    @Test("the same export plans the same bytes; drafts are left out unless asked; every item has an outcome")
    func deterministic() throws {
        let bytes = Self.export(
            Self.post(id: 1, title: "Thing 3: Third", content: "a")
                + Self.post(id: 2, title: "About us", content: "b", type: "page")
                + Self.post(id: 3, title: "Thing 4: Draft", content: "c", status: "draft"))
        let first = try Self.plan(bytes)
        let second = try Self.plan(bytes)
        #expect(first.things.map(\.text) == second.things.map(\.text))
        #expect(first.report.markdown == second.report.markdown)
        #expect(first.things.map(\.id) == ["thing-01", "thing-02", "thing-03"], "gaps before Thing 3 hold their places")
        #expect(first.report.outcomes.count == 3)
        #expect(first.report.outcomes[1].result.contains("--select 2"))
        #expect(first.report.outcomes[2].result.contains("--include-drafts"))
        let all = try Self.plan(bytes, selection: .all)
        #expect(all.things.contains { $0.itemID == 2 })
    }

    @Test("with downloads allowed, pictures of other sites are copied once their bytes are checked; nothing else is fetched")
    func downloads() throws {
        let png: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + Array(repeating: 0, count: 32)
        var request = ImportRequest(
            export: try WXRReader.read(
                Self.export(
                    Self.post(
                        id: 1, title: "Thing 1: Remote",
                        content: """
                            <img src="https://pictures.example.com/a/cat.png" alt="A cat">
                            <img src="http://pictures.example.com/b/page.png" alt="Not a picture">
                            """))), exportName: "export.xml", courseID: "test", courseFolder: "Courses/test")
        let asked = Mutex<[String]>([])
        request.download = { address in
            asked.withLock { $0.append(address) }
            return address.hasSuffix("cat.png") ? .bytes(png) : .bytes(Array("<html><script>".utf8))
        }
        let plan = WordPressImporter.plan(request)
        let text = try #require(plan.things.first).text
        #expect(text.contains("![A cat](<../files/cat.png>)"))
        #expect(plan.files.contains { $0.path == "Courses/test/files/cat.png" && $0.bytes == png })
        #expect(text.contains("its bytes are not what its name says"))
        #expect(asked.withLock { $0 } == ["https://pictures.example.com/a/cat.png", "https://pictures.example.com/b/page.png"])
        #expect(!plan.files.contains { $0.path.hasSuffix("page.png") })
    }

    @Test("resized variants lead to the original upload; headings never skip a level")
    func addresses() {
        #expect(WXRAddress.originalOfVariant("2017/04/photo-300x200.png") == "2017/04/photo.png")
        #expect(WXRAddress.originalOfVariant("2017/04/photo-scaled.jpg") == "2017/04/photo.jpg")
        #expect(WXRAddress.originalOfVariant("2017/04/x-ray.png") == "2017/04/x-ray.png")
        #expect(WXRAddress.uploadsPath(of: "https://site.example/wp-content/uploads/2017/04/a.png") == "2017/04/a.png")
        var blocks = [
            MarkdownBlock(headingLevel: 3, text: "a"), MarkdownBlock(headingLevel: 6, text: "b"),
            MarkdownBlock(headingLevel: 4, text: "c"),
        ]
        Planner.shiftHeadings(&blocks)
        #expect(blocks.map(\.headingLevel) == [2, 3, 3])
    }
}
