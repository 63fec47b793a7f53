import ToolkitSupport

/// A link in a Thing's Markdown that names another Thing: `thing-02.md` (a file path relative to the
/// linking Thing, so it also works on GitHub) or `thing:thing-02`, either with an optional `#fragment`.
public struct ThingLink: Hashable, Sendable {
    /// The id of the Thing linked to, or nil when no Thing of the course matches.
    public var target: String?
    /// The `#fragment`, with its `#`, or "".
    public var fragment: String

    /// The Thing link `href` stands for, written in `thing` of `course`; nil when it is not a link to a Thing.
    public init?(_ href: String, from thing: Thing, in course: Course) {
        // Every link of every body comes through here on each check: index arithmetic, no splitting.
        let hash = href.firstIndex(of: "#") ?? href.endIndex
        let path = href[..<hash]
        fragment = String(href[hash...])
        if path.hasPrefix("thing:") {
            target = course.thing(id: String(path.dropFirst("thing:".count)))?.id
            return
        }
        guard path.hasSuffix(".md"), !path.contains(literal: ":") else { return nil }
        let resolved = PathSafety.resolve(String(path), under: thing.folder)
        target = resolved.flatMap { course.thing(file: $0)?.id }
    }
}
