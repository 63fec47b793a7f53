import CourseModel
import ToolkitSupport

/// What earlier checks of one long-running process (the preview) worked out, kept with a key of
/// everything it came from, so a check after an edit redoes only what the edit can change: each
/// `ThingRule`'s findings for a Thing whose file and whose workspace outline are unchanged, and
/// inspections of badge art whose bytes are unchanged. A one-off command uses `ValidationMemory.none`,
/// which keeps nothing; the answers are the same either way (a test compares them edit by edit).
public final class ValidationMemory: Sendable {
    private struct ThingEntry {
        let key: Int
        let findings: [Finding]
    }

    /// Whether anything is kept: when not, nothing is hashed or stored.
    public let keeps: Bool
    /// By rule id, then by Thing file.
    private let thingFindings = LockedValue([String: [String: ThingEntry]]())
    /// Values worked out or used by the current check, and by the one before: a value no check has
    /// used since the last one is dropped, so the memory holds what the workspace is now, not its history.
    private let values = LockedValue((current: [AnyHashable: any Sendable](), previous: [AnyHashable: any Sendable]()))
    private let checkedThings = LockedValue(Set<String>())

    /// A memory that keeps what checks work out (`keeps: false` keeps nothing).
    public init(keeps: Bool = true) {
        self.keeps = keeps
    }

    /// A memory that keeps nothing, for commands that check once.
    public static var none: ValidationMemory { ValidationMemory(keeps: false) }

    /// The Thing files whose findings the last check worked out afresh (for at least one rule), sorted:
    /// what a test reads to prove an edit re-checks only the Things it changed.
    public var thingsCheckedByLastCheck: [String] { checkedThings.current.sorted() }

    /// Starts a check: forgets which Things were checked afresh.
    func beginCheck() {
        checkedThings.withLock { $0 = [] }
        values.withLock { $0 = (current: [:], previous: $0.current) }
    }

    /// Forgets what was kept for Thing files no longer in the workspace.
    func keepOnly(thingFiles: Set<String>) {
        guard keeps else { return }
        thingFindings.withLock { rules in
            for rule in rules.keys { rules[rule] = rules[rule]?.filter { thingFiles.contains($0.key) } }
        }
    }

    /// `rule`'s findings for each of `things`: the kept ones for a Thing whose file and the
    /// workspace's outline are those they were worked out from, else `check`'s. One lock to look up
    /// and one to store, whatever the number of Things.
    func findings(
        rule: String, things: [(course: Course, thing: Thing)], outline: Int, check: (Course, Thing) -> [Finding]
    ) -> [Finding] {
        guard keeps else { return things.flatMap { check($0.course, $0.thing) } }
        let kept = thingFindings.withLock { $0[rule] ?? [:] }
        var fresh: [String: ThingEntry] = [:]
        var findings: [Finding] = []
        for (course, thing) in things {
            var hasher = Hasher()
            hasher.combine(outline)
            hasher.combine(thing.sourceDigest)
            let key = hasher.finalize()
            if let entry = kept[thing.file], entry.key == key {
                findings += entry.findings
                continue
            }
            let found = check(course, thing)
            fresh[thing.file] = ThingEntry(key: key, findings: found)
            findings += found
        }
        guard !fresh.isEmpty else { return findings }
        thingFindings.withLock { $0[rule, default: [:]].merge(fresh) { $1 } }
        checkedThings.withLock { $0.formUnion(fresh.keys) }
        return findings
    }

    /// The value worked out for `key` (which must hold everything the value depends on), working it
    /// out with `make()` the first time. Keys are content (bytes' hashes, texts), so stale values are
    /// never served; one left unused by a whole check is forgotten.
    func remembered<Value: Sendable>(_ key: some Hashable & Sendable, make: () -> Value) -> Value {
        guard keeps else { return make() }
        // The value's type is part of the key: two kinds of value never answer for each other.
        let boxed = AnyHashable(ValueKey(type: ObjectIdentifier(Value.self), key: AnyHashable(key)))
        let stored = values.withLock { values -> (any Sendable)? in
            guard let found = values.current[boxed] ?? values.previous[boxed] else { return nil }
            values.current[boxed] = found
            return found
        }
        if let stored, let kept = stored as? Value { return kept }
        let value = make()
        values.withLock { $0.current[boxed] = value }
        return value
    }

    private struct ValueKey: Hashable, @unchecked Sendable {
        let type: ObjectIdentifier
        let key: AnyHashable
    }

}
