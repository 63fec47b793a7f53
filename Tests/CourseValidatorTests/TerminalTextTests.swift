import CourseModel
import Testing

/// What a message shows of an input: never an invisible character, never two look-alike addresses
/// that print the same.
@Suite("Terminal text")
struct TerminalTextTests {
    @Test(
        "invisible and controlling characters are shown as escapes",
        arguments: [
            ("ann\u{200B}@example.org", "ann\\u{200B}@example.org"), ("a\u{1B}[31mred", "a\\u{1B}[31mred"),
            ("evil\u{202E}gnp.exe", "evil\\u{202E}gnp.exe"), ("soft\u{AD}hyphen", "soft\\u{AD}hyphen"),
            ("bom\u{FEFF}", "bom\\u{FEFF}"), ("line\u{2028}break", "line\\u{2028}break"), ("nul\u{0}", "nul\\u{0}"),
            ("tab\tstays", "tab\tstays"),
        ])
    func invisible(input: String, shown: String) {
        #expect(TerminalText.escaped(input) == shown)
    }

    @Test("a Latin word with Cyrillic or Greek look-alikes shows them escaped; text wholly in another script stays as written")
    func lookAlikes() {
        // `а` (U+0430) and `е` (U+0435) are Cyrillic.
        #expect(TerminalText.escaped("ann@ex\u{0430}mple.org") == "ann@ex\\u{430}mple.org")
        #expect(TerminalText.escaped("p\u{0430}yp\u{0430}l.com") == "p\\u{430}yp\\u{430}l.com")
        #expect(TerminalText.escaped("ann@example.org") == "ann@example.org")
        #expect(TerminalText.escaped("Руководство и управление") == "Руководство и управление")
        #expect(TerminalText.escaped("Ünïcödé – ½ ✓ café") == "Ünïcödé – ½ ✓ café")
        #expect(TerminalText.escaped("Thing 2: Leadership / management?") == "Thing 2: Leadership / management?")
        // Two addresses that look alike never print alike.
        #expect(TerminalText.escaped("ann@example.org") != TerminalText.escaped("\u{0430}nn@example.org"))
    }
}
