import CourseModel
import Foundation

/// Markdown does not carry raw HTML, which pages leave out for safety.
public struct RawHTMLRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "raw-html", name: "Raw HTML",
        summary: "A Thing's Markdown contains no raw HTML: pages leave it out, so what it says would be lost.",
        severity: .warning,
        triggeringExamples: [
            .replacing("Intro text.", with: "Intro ↓<b>text</b>."),
            .replacing("Intro text.", with: "↓<div>Intro text.</div>"),
        ])

    /// Checks every HTML node.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        context.markdown(of: thing).html.filter {
            !Self.isClosingTag($0.literal ?? "")
        }.map { node in
            let snippet = (node.literal ?? "").prefix(40).trimmingCharacters(in: .whitespacesAndNewlines)
            return finding(
                "raw HTML `\(snippet)` is left out of built pages", at: context.location(of: node, in: thing),
                hint: "use Markdown instead (`**bold**`, lists, tables)")
        }
    }

    /// A lone closing tag belongs to an opening tag already reported.
    private static func isClosingTag(_ html: String) -> Bool {
        html.hasPrefix("</")
    }
}
