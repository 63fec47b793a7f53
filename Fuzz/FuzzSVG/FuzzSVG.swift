// libFuzzer target: arbitrary bytes as an SVG picture through the active-content checker, the image
// inspector and the published-image check. Besides crashes and hangs, it stops when the checker calls
// an SVG safe whose markup (comments and CDATA aside) still opens a script or foreignObject element or
// carries an event handler: an independent, textual second opinion.
import CourseMedia
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSVG(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    _ = try? ImageInspector.inspect(bytes)
    _ = PublishedImage.problems(bytes, format: .svg)
    guard SVGSafety.problems(in: bytes).isEmpty else { return 0 }
    var markup = String(decoding: bytes, as: UTF8.self).lowercased()
    for pattern in [#"<!--[\s\S]*?-->"#, #"<!\[cdata\[[\s\S]*?\]\]>"#] {
        markup = markup.replacingOccurrences(of: pattern, with: "", options: .regularExpression)
    }
    let checks: [(pattern: String, what: String)] = [
        (#"<([a-z0-9_.-]+:)?(script|foreignobject)[\s/>]"#, "a script or foreignObject element"),
        (#"<[a-z0-9_.:-]+\s[^>]*\son[a-z]+\s*="#, "an event handler"),
    ]
    for check in checks where markup.range(of: check.pattern, options: .regularExpression) != nil {
        fatalError("\(check.what) passed the SVG checker: \(markup.prefix(500))")
    }
    return 0
}

@_cdecl("FuzzSVG_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzSVG(data, size) }
}
