import CourseMedia
import Testing

/// Active content in SVGs: what would run or fetch when a browser or a badge platform shows one.
@Suite("SVG safety")
struct SVGSafetyTests {
    static func svg(_ inner: String, attributes: String = "") -> [UInt8] {
        Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="9" height="9"\#(attributes)>\#(inner)</svg>"#
                .utf8)
    }

    @Test(
        "scripts, handlers, foreign objects, script links, external references and loading styles are refused",
        arguments: [
            svg("<script>alert(1)</script>"), svg("", attributes: #" onload="alert(1)""#),
            svg(#"<rect width="1" height="1" onmouseover="x()"/>"#), svg("<foreignObject><p>hi</p></foreignObject>"),
            svg(#"<a href="javascript:alert(1)"><rect width="1" height="1"/></a>"#),
            svg(#"<a xlink:href=" JavaScript:alert(1)"><rect width="1" height="1"/></a>"#),
            svg(#"<use href="https://evil.example/s.svg#x"/>"#), svg(#"<image href="other.png"/>"#),
            svg("<style>@import url(https://evil.example/a.css);</style>"),
            svg(#"<rect width="1" height="1" style="fill: url(https://evil.example/p)"/>"#),
            Array("<!DOCTYPE svg><svg xmlns=\"http://www.w3.org/2000/svg\"/>".utf8),
            svg("") + [0] + Array("<script>alert(1)</script>".utf8),
        ])
    func refused(_ bytes: [UInt8]) {
        #expect(!SVGSafety.problems(in: bytes).isEmpty, "\(String(decoding: bytes, as: UTF8.self))")
    }

    @Test(
        "drawings, same-document references and inline raster data pass",
        arguments: [
            svg(#"<defs><linearGradient id="g"/></defs><rect width="9" height="9" fill="url(#g)"/>"#),
            svg(##"<use href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>"##),
            svg("<title>A chart</title><text>onload=this is only text</text>"),
        ])
    func passed(_ bytes: [UInt8]) {
        #expect(SVGSafety.problems(in: bytes).isEmpty, "\(SVGSafety.problems(in: bytes))")
    }
}
