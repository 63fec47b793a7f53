// libFuzzer target: arbitrary bytes as author HTML through the allowlist sanitiser. Besides crashes,
// it stops on any output that could execute: a script element, an event handler, a javascript: URL.
import CoursePackager
import Foundation
import FuzzDriver

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let output = HTMLSanitizer().sanitize(input).lowercased()
    // Only markup can execute: look inside tags, not at text (where `href="javascript:` is just words).
    let checks: [(pattern: String, what: String)] = [
        (#"<(script|iframe|object|embed|svg|style|math|frame|base|link|meta)\b"#, "a dangerous element"),
        (#"<[a-z0-9]+\s[^>]*\son[a-z]+\s*="#, "an event handler"),
        (#"<[a-z0-9]+\s[^>]*(href|src)\s*=\s*"\s*(javascript|vbscript|data):"#, "a script URL"),
        (#"<[a-z0-9]+\s[^>]*\sstyle\s*="#, "a style attribute"),
    ]
    for check in checks where output.range(of: check.pattern, options: .regularExpression) != nil {
        fatalError("\(check.what) survived sanitising: \(output)")
    }
    return 0
}

@_cdecl("FuzzSanitizer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runLibFuzzer(argc, argv) { data, size in fuzzSanitizer(data, size) }
}
