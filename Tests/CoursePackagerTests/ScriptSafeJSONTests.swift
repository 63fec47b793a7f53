import Foundation
import Testing

@testable import CoursePackager

/// The page configuration sits inside a `<script>` element: whatever an author writes, it can neither
/// close the element nor open a comment, and it reads back unchanged.
@Suite("Inline JSON")
struct ScriptSafeJSONTests {
    @Test(
        "titles that try to leave the script are escaped, and decode to what the author wrote",
        arguments: ["</script><script>alert(1)</script>", "<!-- a comment", "line\u{2028}separator\u{2029}paragraph", "a < b"])
    func escaped(_ title: String) throws {
        let json = String(decoding: try JSONEncoder().encode(["title": title]), as: UTF8.self)
        let safe = ThingPageBuilder.scriptSafe(json)
        #expect(!safe.contains("<") && !safe.contains("\u{2028}") && !safe.contains("\u{2029}"))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(decoded["title"] == title)
    }
}
