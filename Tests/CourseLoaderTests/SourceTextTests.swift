import CourseModel
import Testing

@testable import CourseLoader

/// The scan for characters no page or manifest can carry looks at eight bytes at a time: a control
/// character or a U+FFFE/U+FFFF is found wherever it falls in a word, and nothing else is.
@Suite("Source text")
struct SourceTextTests {
    static func findings(_ text: String) -> [Finding] {
        let sink = FindingSink()
        _ = SourceText(bytes: Array(text.utf8), file: "x.md", sink: sink)
        return sink.findings
    }

    @Test("a control character or U+FFFE/U+FFFF is found at every offset, at its line and column")
    func foundAtEveryOffset() {
        for bad in ["\u{7}", "\u{1B}", "\u{0}", "\u{FFFE}", "\u{FFFF}"] {
            for offset in 0..<34 {
                let text = "line one\n" + String(repeating: "a", count: offset) + bad + String(repeating: "b", count: 34 - offset)
                let found = Self.findings(text)
                #expect(found.count == 1, "\(bad.unicodeScalars.first!.value) at \(offset)")
                #expect(found.first?.location == SourceLocation(file: "x.md", line: 2, column: offset + 1))
            }
        }
    }

    @Test("tabs, line breaks, accents, a zero-width no-break space and other 0xEF characters pass")
    func carriableTextPasses() {
        for offset in 0..<17 {
            let filler = String(repeating: "a", count: offset)
            for good in ["\t", "\r\n", "ï", "\u{FEFF}", "\u{FFFD}", "\u{F8FF}", "\u{FF01}"] {
                #expect(
                    Self.findings(filler + good + "end of the line\n").isEmpty, "\(good.unicodeScalars.map(\.value)) at \(offset)"
                )
            }
        }
    }
}
