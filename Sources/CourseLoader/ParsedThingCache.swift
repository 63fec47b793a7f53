import CourseModel
import ToolkitSupport

/// Thing files already parsed, by path, with the text they were parsed from: a long-running process
/// (the preview server) loads the workspace on every edit, and a Thing whose text has not changed is
/// taken from here instead of being parsed again. Parsing depends on the text and the path alone, so
/// the same text always gives the same Thing and the same findings.
public final class ParsedThingCache: Sendable {
    private struct Entry {
        let text: String
        let thing: Thing?
        let findings: [Finding]
    }

    private let entries = LockedValue([String: Entry]())

    /// An empty cache.
    public init() {}

    /// How many files it holds.
    public var count: Int { entries.withLock { $0.count } }

    /// The Thing parsed from `text` at `file`, parsing it (through `parse`, into `sink`) only when the
    /// cache holds another text for that file.
    func thing(_ text: SourceText, file: String, sink: FindingSink, parse: (FindingSink) -> Thing?) -> Thing? {
        if let entry = entries.withLock({ $0[file] }), entry.text == text.text {
            for finding in entry.findings { sink.record(finding) }
            return entry.thing
        }
        let local = FindingSink()
        let thing = parse(local)
        entries.withLock { $0[file] = Entry(text: text.text, thing: thing, findings: local.findings) }
        for finding in local.findings { sink.record(finding) }
        return thing
    }

    /// Forgets files that are no longer in the workspace.
    func keepOnly(_ files: Set<String>) {
        entries.withLock { entries in entries = entries.filter { files.contains($0.key) } }
    }
}
