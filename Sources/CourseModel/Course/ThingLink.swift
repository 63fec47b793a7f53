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
        let parts = href.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts.first ?? "")
        fragment = parts.count > 1 ? "#" + parts[1] : ""
        if path.hasPrefix("thing:") {
            target = course.thing(id: String(path.dropFirst("thing:".count)))?.id
            return
        }
        guard path.hasSuffix(".md"), !path.contains(literal: ":") else { return nil }
        let folder = thing.file.split(separator: "/").dropLast().joined(separator: "/")
        let resolved = PathSafety.resolve(path, under: folder)
        target = resolved.flatMap { course.thing(file: $0)?.id }
    }
}
