import CourseModel
import ToolkitSupport

/// Markdown links to other Things point at Things of the same course.
public struct ThingLinkResolvesRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "thing-link-resolves", name: "Thing link resolves",
        summary:
            "A Markdown link to another Thing, written `thing-02.md` (readable on GitHub) or `thing:thing-02`, names a Thing of the same course.",
        triggeringExamples: [
            .replacing("[link to the next Thing](thing-02.md)", with: "↓[link to the next Thing](thing-03.md)"),
            .replacing("Second body.", with: "See ↓[the first](thing:thing-1).", in: RuleFixture.secondThing),
        ],
        nonTriggeringExamples: [
            .unchanged, .replacing("Second body.", with: "See [the first](thing:thing-01#section).", in: RuleFixture.secondThing),
        ])

    /// Checks every link in every Thing body.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        context.markdown(of: thing).linksAndImages.compactMap { node -> Finding? in
            guard node.kind == .link, let url = node.url else { return nil }
            guard let link = ThingLink(url, from: thing, in: course), link.target == nil else { return nil }
            // A link to a Thing file that exists but could not be read is the slip's finding, not the link's.
            let path = String(url.prefix { $0 != "#" })
            if let file = PathSafety.resolve(path, under: thing.folder), context.workspace.unloadedFiles.contains(file) {
                return nil
            }
            if url.hasPrefix("thing:"), context.hasUnloadedThing(id: String(path.dropFirst(6)), in: course) { return nil }
            let ids = course.things.map(\.id)
            let written = url.hasPrefix("thing:") ? String(url.dropFirst(6)) : String(url.prefix { $0 != "." && $0 != "#" })
            return finding(
                "link `\(url)` does not lead to a Thing of course `\(course.id)`", at: context.location(of: node, in: thing),
                hint: NameSuggestion.hint(for: written, in: ids))
        }
    }
}
