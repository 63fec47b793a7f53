/// A body section: a level-2 heading and the Markdown under it.
public struct Section: Hashable, Sendable {
    /// The heading's text.
    public var heading: String
    /// The section's Markdown, heading line included.
    public var markdown: MarkdownText

    /// Creates a section.
    public init(heading: String, markdown: MarkdownText) {
        self.heading = heading
        self.markdown = markdown
    }
}
