import CourseModel
import ToolkitSupport

/// Thing and badge-class files already parsed, by path, with the text they were parsed from: a
/// long-running process (the preview server) loads the workspace on every edit, and a file whose text
/// has not changed is taken from here instead of being parsed again. Parsing depends on the text and
/// the path alone, so the same text always gives the same Thing (or badge class) and the same findings.
public final class ParsedThingCache: Sendable {
    private struct Entry<Value> {
        let text: String
        let value: Value?
        let findings: [Finding]
    }

    private let entries = LockedValue([String: Entry<Thing>]())
    private let badgeEntries = LockedValue([String: Entry<BadgeClass>]())

    /// An empty cache.
    public init() {}

    /// How many Thing files it holds.
    public var count: Int { entries.withLock { $0.count } }
    /// How many badge-class files it holds.
    public var badgeCount: Int { badgeEntries.withLock { $0.count } }

    /// The Thing parsed from `text` at `file`, parsing it (through `parse`, into `sink`) only when the
    /// cache holds another text for that file.
    func thing(_ text: SourceText, file: String, sink: FindingSink, parse: (FindingSink) -> Thing?) -> Thing? {
        Self.value(text, file: file, in: entries, sink: sink, parse: parse)
    }

    /// The badge class parsed from `text` at `file`, parsed only when the cache holds another text for it.
    func badge(_ text: SourceText, file: String, sink: FindingSink, parse: (FindingSink) -> BadgeClass?) -> BadgeClass? {
        Self.value(text, file: file, in: badgeEntries, sink: sink, parse: parse)
    }

    private static func value<Value>(
        _ text: SourceText, file: String, in entries: LockedValue<[String: Entry<Value>]>, sink: FindingSink,
        parse: (FindingSink) -> Value?
    ) -> Value? {
        if let entry = entries.withLock({ $0[file] }), entry.text == text.text {
            for finding in entry.findings { sink.record(finding) }
            return entry.value
        }
        let local = FindingSink()
        let value = parse(local)
        entries.withLock { $0[file] = Entry(text: text.text, value: value, findings: local.findings) }
        for finding in local.findings { sink.record(finding) }
        return value
    }

    /// Forgets files that are no longer in the workspace.
    func keepOnly(_ files: Set<String>) {
        entries.withLock { entries in entries = entries.filter { files.contains($0.key) } }
    }

    /// Forgets badge-class files that are no longer in the workspace.
    func keepOnlyBadges(_ files: Set<String>) {
        badgeEntries.withLock { entries in entries = entries.filter { files.contains($0.key) } }
    }
}
