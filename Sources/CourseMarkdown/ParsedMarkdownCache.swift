import ToolkitSupport

/// Markdown texts parsed once per run and shared by everything that reads them: a check of the
/// workspace parses every Thing's body for its rules, and packaging reads the same documents instead
/// of parsing them again. Keyed by the file a text came from; a different text for that file (an edit
/// in the preview) is parsed anew.
public final class ParsedMarkdownCache: Sendable {
    private struct Entry {
        let source: String
        let document: MarkdownDocument
    }

    private let entries = LockedValue([String: Entry]())
    private let parses = LockedValue(0)

    /// An empty cache.
    public init() {}

    /// How many texts this cache has parsed (tests prove with it that a build parses each body once).
    public var parseCount: Int { parses.current }

    /// The document of `source`, the text of `file`: parsed now unless this very text was parsed before.
    public func document(of source: String, file: String) -> MarkdownDocument {
        if let entry = entries.withLock({ $0[file] }), entry.source == source { return entry.document }
        let document = MarkdownDocument(parsing: source)
        parses.withLock { $0 += 1 }
        entries.withLock { $0[file] = Entry(source: source, document: document) }
        return document
    }

    /// Parses the texts not parsed yet, across the cores.
    public func parseAll(_ texts: [(file: String, source: String)]) {
        let missing = entries.withLock { entries in
            texts.filter { entries[$0.file]?.source != $0.source }
        }
        let documents = ParallelMap.map(missing.map(\.source)) { MarkdownDocument(parsing: $0) }
        parses.withLock { $0 += documents.count }
        entries.withLock { entries in
            for (text, document) in zip(missing, documents) {
                entries[text.file] = Entry(source: text.source, document: document)
            }
        }
    }
}
