import CoursePackager
import Testing

@Suite("HTML sanitiser")
struct HTMLSanitizerTests {
    let sanitizer = HTMLSanitizer()

    @Test(
        "scripts, event handlers and javascript: URLs never survive",
        arguments: [
            "<script>alert(1)</script><p>safe</p>",
            "<p onclick=\"alert(1)\" onmouseover='alert(2)'>safe</p>",
            "<a href=\"javascript:alert(1)\">safe</a>",
            "<a href=\" JaVaScRiPt:alert(1)\">safe</a>",
            "<a href=\"java\tscript:alert(1)\">safe</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">safe</a>",
            "<img src=\"javascript:alert(1)\" alt=\"x\"><p>safe</p>",
            "<img src=x onerror=alert(1)><p>safe</p>",
            "<iframe src=\"https://example.org\"></iframe><p>safe</p>",
            "<object data=\"x.swf\"></object><embed src=\"x\"><p>safe</p>",
            "<svg><script>alert(1)</script></svg><p>safe</p>",
            "<p style=\"background:url(javascript:alert(1))\">safe</p>",
            "<div style=\"width: expression(alert(1))\">safe</div>",
            "<form action=\"https://evil.example\"><input name=x></form><p>safe</p>",
            "<scr<script>ipt>alert(1)</script><p>safe</p>",
            "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math><p>safe</p>",
        ])
    func hostile(_ payload: String) {
        let output = sanitizer.sanitize(payload).lowercased()
        for forbidden in [
            "<script", "javascript:", "onerror", "onclick", "onmouseover", "<iframe", "<object", "<embed", "<svg", "style=",
            "expression(", "<form", "data:text", "<math",
        ] {
            #expect(!output.contains(forbidden), "\(forbidden) in \(output)")
        }
        #expect(output.contains("safe"))
    }

    @Test("safe markup passes through with its meaning")
    func safe() {
        let html =
            "<h2>Title</h2><p>A <a href=\"https://example.org/x?a=1&amp;b=2\">link</a>, <em>emphasis</em> and <code class=\"language-swift\">code</code>.</p><table><tr><th align=\"left\">H</th></tr></table><img src=\"pic.png\" alt=\"A picture\">"
        let output = sanitizer.sanitize(html)
        #expect(output.contains("<h2>Title</h2>"))
        #expect(output.contains("<a href=\"https://example.org/x?a=1&amp;b=2\" rel=\"noopener noreferrer\">link</a>"))
        #expect(output.contains("<code class=\"language-swift\">code</code>"))
        #expect(output.contains("<th align=\"left\">H</th>"))
        #expect(output.contains("<img src=\"pic.png\" alt=\"A picture\">"))
    }

    @Test("relative links go through the rewrite hook")
    func rewrite() {
        let rewriting = HTMLSanitizer { href in href == "thing-01.md" ? .keep("thing-01.html") : .unwrap }
        #expect(
            rewriting.sanitize("<a href=\"thing-01.md\">one</a> <a href=\"other.md\">two</a>")
                == "<a href=\"thing-01.html\">one</a> two")
    }

    @Test("a level-1 heading becomes level 2: the page title is the only h1")
    func headings() {
        #expect(sanitizer.sanitize("<h1>Big</h1>") == "<h2>Big</h2>")
    }
}

/// Inputs the fuzzer found, kept as regression tests.
@Suite("HTML sanitiser regressions")
struct HTMLSanitizerRegressionTests {
    @Test("`href=\"javascript:` outside any tag stays inert text (fuzzer input)")
    func textThatLooksLikeAnAttribute() {
        let input = "href=\"java&#x18;script:\u{01}\u{00}er<a href=\"java&#x18;script:\u{01}\u{00}ertef"
        let output = HTMLSanitizer().sanitize(input)
        #expect(!output.contains("<a"))
        #expect(output.range(of: #"<[a-z]+[^>]*javascript:"#, options: .regularExpression) == nil)
    }
}
