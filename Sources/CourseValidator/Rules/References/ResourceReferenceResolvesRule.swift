import CourseModel

/// Resource ids used by activities and `references` name resources of the same Thing.
public struct ResourceReferenceResolvesRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "resource-reference-resolves", name: "Resource reference resolves",
        summary:
            "Resource ids in `references`, an activity's `resources` and an evidence step's `guides` name resources of the same Thing.",
        triggeringExamples: [
            .replacing("references: [guide]", with: "references: [↓guides]"),
            .replacing("resources: [article]", with: "resources: [↓artcle]", in: RuleFixture.secondThing),
        ])

    /// Checks every resource reference.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (_, thing) in context.things {
            let ids = thing.resources.map(\.id)
            var references = thing.references
            for activity in thing.activities {
                references += activity.resourceReferences
                if case .evidence(let evidence) = activity.content { references += evidence.guides }
            }
            for reference in references where thing.resource(id: reference.id) == nil {
                findings.append(
                    finding(
                        "`\(reference.id)` is not a resource of Thing `\(thing.id)`", at: reference.location,
                        hint: NameSuggestion.hint(for: reference.id, in: ids) ?? "add it under `resources:`"))
            }
        }
        return findings
    }
}
