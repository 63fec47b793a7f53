/// Markdown source with the place it starts in its file, so positions inside it map to the file.
public struct MarkdownText: Hashable, Sendable {
    /// The Markdown source.
    public var source: String
    /// Where the first character of `source` sits in its file.
    public var start: SourceLocation

    /// Creates Markdown text starting at `start`.
    public init(source: String, start: SourceLocation) {
        self.source = source
        self.start = start
    }

    /// True when there is nothing but white space.
    public var isBlank: Bool { source.allSatisfy(\.isWhitespace) }
}
