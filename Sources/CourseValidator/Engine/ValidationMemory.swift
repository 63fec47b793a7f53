import CourseModel
import ToolkitSupport

/// What earlier checks of one long-running process (the preview) worked out, kept with a key of
/// everything it came from, so a check after an edit redoes only what the edit can change: each
/// `ThingRule`'s findings for a Thing whose file and whose workspace outline are unchanged, and
/// inspections of badge art whose bytes are unchanged. A one-off command uses `ValidationMemory.none`,
/// which keeps nothing; the answers are the same either way (a test compares them edit by edit).
public final class ValidationMemory: Sendable {
    private struct KeptValue {
        let key: Int
        let value: any Sendable
    }

    /// Whether anything is kept: when not, nothing is hashed or stored.
    public let keeps: Bool
    /// By kind (a rule's id, or a kind of value), then by Thing file.
    private let perThing = LockedValue([String: [String: KeptValue]]())
    /// Values kept by kind, then by name (a file's path), each with the key it was worked out for.
    private let named = LockedValue([String: [String: KeptValue]]())
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
    }

    /// Forgets what was kept for Thing files no longer in the workspace.
    func keepOnly(thingFiles: Set<String>) {
        guard keeps else { return }
        perThing.withLock { kinds in
            for kind in kinds.keys { kinds[kind] = kinds[kind]?.filter { thingFiles.contains($0.key) } }
        }
    }

    /// `rule`'s findings for each of `things`: the kept ones for a Thing whose file and the
    /// workspace's outline are those they were worked out from, else `check`'s.
    func findings(
        rule: String, things: [(course: Course, thing: Thing)], keyed: ThingKeys, check: (Course, Thing) -> [Finding]
    ) -> [Finding] {
        guard keeps else { return things.flatMap { check($0.course, $0.thing) } }
        return perThing(rule, things: things, keyed: keyed, marksChecked: true) { check(things[$0].course, things[$0].thing) }
            .flatMap { $0 }
    }

    /// A value for each of `things` (`make` gets the Thing's index), kept under `kind` while the Thing's
    /// file and the workspace's outline are unchanged. One lock to look up and one to store, and no
    /// copy of a Thing that is kept: a preview of 2,300 Things asks this for every rule on every edit.
    func perThing<Value: Sendable>(
        _ kind: String, things: [(course: Course, thing: Thing)], keyed: ThingKeys, marksChecked: Bool = false,
        make: (Int) -> Value
    ) -> [Value] {
        values(kind, things: things, keyed: keyed, marksChecked: marksChecked) { $0.map(make) }
    }

    /// `perThing`, with the values not kept worked out across the cores.
    func perThingInParallel<Value: Sendable>(
        _ kind: String, things: [(course: Course, thing: Thing)], keyed: ThingKeys, make: @escaping @Sendable (Int) -> Value
    ) -> [Value] {
        values(kind, things: things, keyed: keyed, marksChecked: false) { ParallelMap.map($0, make) }
    }

    /// The kept values of `things`, and `compute`'s for the indices of the others.
    private func values<Value: Sendable>(
        _ kind: String, things: [(course: Course, thing: Thing)], keyed: ThingKeys, marksChecked: Bool,
        compute: ([Int]) -> [Value]
    ) -> [Value] {
        guard keeps else { return compute(Array(things.indices)) }
        let kept = perThing.withLock { $0[kind] ?? [:] }
        let files = keyed.files
        let keys = keyed.keys
        var values: [Value?] = Array(repeating: nil, count: things.count)
        var missing: [Int] = []
        for index in things.indices {
            if let entry = kept[files[index]], entry.key == keys[index], let value = entry.value as? Value {
                values[index] = value
            } else {
                missing.append(index)
            }
        }
        guard !missing.isEmpty else { return values.map { $0! } }
        var fresh: [String: KeptValue] = [:]
        for (index, value) in zip(missing, compute(missing)) {
            values[index] = value
            fresh[files[index]] = KeptValue(key: keys[index], value: value)
        }
        perThing.withLock { $0[kind, default: [:]].merge(fresh) { $1 } }
        if marksChecked { checkedThings.withLock { $0.formUnion(fresh.keys) } }
        return values.map { $0! }
    }

    /// Each Thing's file and key (its digest with the outline): what its kept values are found by.
    /// A check works them out once (`ValidationContext.thingKeys`) for every rule.
    static func thingKeys(_ things: [(course: Course, thing: Thing)], outline: Int) -> ThingKeys {
        var files: [String] = []
        var keys: [Int] = []
        files.reserveCapacity(things.count)
        keys.reserveCapacity(things.count)
        for (_, thing) in things {
            var hasher = Hasher()
            hasher.combine(outline)
            hasher.combine(thing.sourceDigest)
            files.append(thing.file)
            keys.append(hasher.finalize())
        }
        return ThingKeys(files: files, keys: keys)
    }

    /// The value of `kind` for `name` (a file), kept while `key` (which must hold everything the value
    /// depends on: the file's bytes hashed, say) is the one it was worked out for; else `make()`'s,
    /// which replaces it. One value per name: the memory holds what the files are now.
    func remembered<Value: Sendable>(_ kind: String, name: String, key: Int, make: () -> Value) -> Value {
        guard keeps else { return make() }
        if let entry = named.withLock({ $0[kind]?[name] }), entry.key == key, let value = entry.value as? Value {
            return value
        }
        let value = make()
        named.withLock { $0[kind, default: [:]][name] = KeptValue(key: key, value: value) }
        return value
    }
}

/// Each Thing's file and the key its kept values are found by, in the order of the check's Things.
struct ThingKeys: Sendable {
    /// The Things' files.
    let files: [String]
    /// Their keys: each Thing's digest with the workspace's outline.
    let keys: [Int]
    /// No keys, for a check that keeps nothing.
    static let none = ThingKeys(files: [], keys: [])
}
