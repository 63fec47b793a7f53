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
            // A value the loader refused has its own finding; it is not reported again as missing.
            let absent = { (field: String) in !context.wasRefused(thing.fields.values[field]) }
            var missing: [String] = []
            if thing.title.allSatisfy(\.isWhitespace), absent("title") { missing.append("a `title`") }
            if thing.aim.allSatisfy(\.isWhitespace), absent("aim") { missing.append("an `aim`") }
            if thing.body.isBlank { missing.append("a body (Markdown after the front matter)") }
            if thing.activities.isEmpty { missing.append("an activity") }
            if thing.badge == nil, absent("badge") { missing.append("a `badge`") }
            guard !missing.isEmpty else { return [] }
            return [
                finding(
                    "published Thing `\(thing.id)` lacks \(missing.joined(separator: ", "))", at: thing.fields["status"],
                    hint: "complete it, or set `status: draft`")
            ]
        }
    }
}
