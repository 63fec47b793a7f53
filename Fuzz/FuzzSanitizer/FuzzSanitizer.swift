import Foundation
// libFuzzer target: arbitrary bytes as author HTML through the allowlist sanitiser. Besides crashes,
// it stops on any output that could execute: a script element, an event handler, a javascript: URL.
import CoursePackager

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzSanitizer(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let output = HTMLSanitizer().sanitize(input).lowercased()
    for forbidden in ["<script", "<iframe", "<object", "<embed", "<svg", "<style", "javascript:", "vbscript:", " on"] {
        if forbidden == " on" {
            // An attribute name starting with "on" inside a tag.
            if output.range(of: #"<[a-z0-9]+[^>]*\son[a-z]+="#, options: .regularExpression) != nil {
                fatalError("event handler survived: \(output)")
            }
        } else if output.contains(forbidden) && !output.contains("&lt;" + forbidden.dropFirst()) {
            if forbidden.hasPrefix("<") || output.range(of: #"(href|src)="\s*"# + forbidden, options: .regularExpression) != nil {
                fatalError("\(forbidden) survived: \(output)")
            }
        }
    }
    return 0
}

// SwiftPM links executables with `main` aliased to `FuzzSanitizer_main`; hand control to libFuzzer's driver.
@_silgen_name("LLVMFuzzerRunDriver")
func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt) -> CInt

@_cdecl("FuzzSanitizer_main")
public func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    var count = argc
    var arguments: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return runFuzzerDriver(&count, &arguments) { data, size in fuzzSanitizer(data, size) }
}
