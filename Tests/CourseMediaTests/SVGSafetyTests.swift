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
        "drawings that would take minutes to draw are refused before librsvg sees them",
        arguments: [
            svg(#"<filter id="f"><feTurbulence baseFrequency="0.01" numOctaves="1000000"/></filter>"#),
            svg(#"<filter id="f"><feTurbulence numOctaves="1e9"/></filter>"#),
            svg(#"<filter id="f"><feGaussianBlur stdDeviation="5 100000"/></filter>"#),
            svg(#"<filter id="f"><feMorphology radius="1e6"/></filter>"#),
            svg(#"<filter id="f"><feConvolveMatrix order="200"/></filter>"#),
            svg("<filter id=\"f\">" + String(repeating: "<feOffset dx=\"1\"/>", count: 101) + "</filter>"),
            svg(String(repeating: ##"<use href="#g"/>"##, count: 1001)),
        ])
    func tooCostly(_ bytes: [UInt8]) {
        let problems = SVGSafety.problems(in: bytes)
        #expect(!problems.isEmpty && problems.allSatisfy(\.isDrawingCost), "\(problems)")
    }

    @Test(
        "drawings, same-document references and inline raster data pass",
        arguments: [
            svg(#"<defs><linearGradient id="g"/></defs><rect width="9" height="9" fill="url(#g)"/>"#),
            svg(##"<use href="#g"/><image href="data:image/png;base64,iVBORw0KGgo="/>"##),
            svg("<title>A chart</title><text>onload=this is only text</text>"),
            svg(
                #"<filter id="f"><feTurbulence baseFrequency="0.05" numOctaves="4"/><feGaussianBlur stdDeviation="3"/></filter>"#),
        ])
    func passed(_ bytes: [UInt8]) {
        #expect(SVGSafety.problems(in: bytes).isEmpty, "\(SVGSafety.problems(in: bytes))")
    }
}
