import CourseModel

/// Drafts are reported, because packages leave them out.
public struct DraftThingRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "draft-thing", name: "Draft Thing",
        summary: "A Thing with `status: draft` is reported as a warning: packages leave it out unless asked.",
        severity: .warning,
        triggeringExamples: [.replacing("status: published", with: "status: ↓draft", in: RuleFixture.secondThing)],
        foldedSummary: { count in "\(count) Things are drafts and left out of packages" })

    /// Reports every draft.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.filter { $0.thing.status == .draft }.map { _, thing in
            finding(
                "Thing \(thing.number) `\(thing.id)` is a draft and is left out of packages", at: thing.fields["status"],
                hint: "set `status: published` when it is fully authored")
        }
    }
}
