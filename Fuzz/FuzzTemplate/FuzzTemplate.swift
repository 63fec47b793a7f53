import FuzzDriver
// libFuzzer target: arbitrary bytes as a theme template (with one partial it may include), parsed
// and, when it parses, rendered over a small page value. Any crash or hang is a bug; parse errors
// are expected.
import ThemeTemplates

private let page = TemplateValue.object([
    "title": .text("A <title> & more"), "count": .number(3), "shown": .flag(true), "none": .list([]),
    "items": .list([.object(["label": .text("one")]), .object(["label": .text("two"), "href": .text("t.html")])]),
])

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTemplate(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let source = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    guard let library = try? TemplateLibrary(sources: ["page": source, "item": "<li>{{label}}</li>\n"]) else { return 0 }
    _ = try? library.render("page", page)
    return 0
}

@_cdecl("FuzzTemplate_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzTemplate(data, size) }
}
