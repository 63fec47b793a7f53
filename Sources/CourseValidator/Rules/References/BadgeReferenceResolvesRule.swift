import CourseModel

/// Badge references name a badge class of the right kind.
public struct BadgeReferenceResolvesRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "badge-reference-resolves", name: "Badge reference resolves",
        summary:
            "A Thing's `badge`, a collection's `badge` and a badge prerequisite name a badge class in `Badges/badges/` of the right kind.",
        triggeringExamples: [
            .replacing("badge: thing-01", with: "badge: ↓thing-1"),
            .replacing("badge: basics", with: "badge: ↓thing-01", in: RuleFixture.course),
            .replacing("  - thing: thing-01", with: "  - badge: ↓open-badges-101", in: RuleFixture.secondThing),
        ])

    /// Checks every badge reference.
    public func check(_ context: ValidationContext) -> [Finding] {
        let catalogue = context.workspace.badges
        let ids = catalogue.badges.map(\.id)
        func check(_ reference: Reference?, expecting kinds: [BadgeClass.Kind], owner: String, thing: Thing? = nil)
            -> Finding?
        {
            guard let reference else { return nil }
            guard let badge = catalogue.badge(id: reference.id) else {
                // A badge file that exists but could not be read has its own finding already.
                let file = context.layout.badgeClassFile(id: reference.id)
                if context.fileSystem.isFile(context.absolutePath(file)) { return nil }
                return finding(
                    "\(owner) names badge `\(reference.id)`, which is not in \(context.layout.badgeClassesFolder)/",
                    at: reference.location,
                    hint: Self.missingBadgeHint(reference.id, file: file, thing: thing, known: ids))
            }
            guard kinds.contains(badge.kind) else {
                return finding(
                    "\(owner) names badge `\(reference.id)`, which is a \(badge.kind.rawValue) badge",
                    at: reference.location,
                    hint: "use a badge of kind \(kinds.map { "`\($0.rawValue)`" }.joined(separator: " or "))")
            }
            return nil
        }
        var findings: [Finding] = []
        for course in context.workspace.courses {
            for collection in course.collections {
                findings += [check(collection.badge, expecting: [.collection], owner: "collection `\(collection.id)`")]
                    .compactMap { $0 }
            }
            for thing in course.things {
                findings += [check(thing.badge, expecting: [.thing], owner: "Thing `\(thing.id)`", thing: thing)].compactMap {
                    $0
                }
                for prerequisite in thing.prerequisites {
                    if case .badge(let reference) = prerequisite.target {
                        findings += [check(reference, expecting: BadgeClass.Kind.allCases, owner: "a prerequisite")]
                            .compactMap { $0 }
                    }
                }
            }
        }
        return findings
    }

    /// The fix for a badge id that names no badge class. A Thing naming a badge after itself (the
    /// convention) is told how to create it, not offered a neighbour's badge; other ids get the nearest
    /// known id first.
    private static func missingBadgeHint(_ id: String, file: String, thing: Thing?, known: [String]) -> String {
        let create = thing.map { "create \(file) and its art with `toolkit new badge \($0.id)`" } ?? "add \(file)"
        if thing?.id == id { return create }
        return NameSuggestion.hint(for: id, in: known) ?? create
    }
}
