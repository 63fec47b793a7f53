import CourseModel

/// A published Thing has what a learner needs.
public struct PublishedThingCompleteRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "published-thing-complete", name: "Published Thing complete",
        summary: "A published Thing has a title, an aim, a body, at least one activity and a badge.",
        triggeringExamples: [
            .replacing("title: First thing\n", with: "").replacing("status: published", with: "status: ↓published"),
            .replacing("badge: thing-02\n", with: "", in: RuleFixture.secondThing)
                .replacing("status: published", with: "status: ↓published", in: RuleFixture.secondThing),
            .replacing("\nSecond body.\n", with: "\n", in: RuleFixture.secondThing)
                .replacing("status: published", with: "status: ↓published", in: RuleFixture.secondThing),
        ])

    /// Checks every published Thing.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing -> [Finding] in
            guard thing.status == .published else { return [] }
            var missing: [String] = []
            if thing.title.allSatisfy(\.isWhitespace) { missing.append("a `title`") }
            if thing.aim.allSatisfy(\.isWhitespace) { missing.append("an `aim`") }
            if thing.body.isBlank { missing.append("a body (Markdown after the front matter)") }
            if thing.activities.isEmpty { missing.append("an activity") }
            if thing.badge == nil { missing.append("a `badge`") }
            guard !missing.isEmpty else { return [] }
            return [
                finding(
                    "published Thing `\(thing.id)` has no \(missing.joined(separator: ", no "))", at: thing.fields["status"],
                    hint: "complete it, or set `status: draft`")
            ]
        }
    }
}
