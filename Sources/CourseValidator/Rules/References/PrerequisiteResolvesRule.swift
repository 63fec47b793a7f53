import CourseModel

/// Thing prerequisites name Things of the same course, never the Thing itself.
public struct PrerequisiteResolvesRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "prerequisite-resolves", name: "Prerequisite resolves",
        summary: "A Thing prerequisite names another Thing of the same course.",
        triggeringExamples: [
            .replacing("  - thing: thing-01", with: "  - thing: ↓thing-1", in: RuleFixture.secondThing),
            .replacing("  - thing: thing-01", with: "  - thing: ↓thing-02", in: RuleFixture.secondThing),
        ])

    /// Checks every Thing prerequisite.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            let ids = course.things.map(\.id)
            for thing in course.things {
                for prerequisite in thing.prerequisites {
                    guard case .thing(let reference) = prerequisite.target else { continue }
                    if reference.id == thing.id {
                        findings.append(finding("Thing `\(thing.id)` names itself as a prerequisite", at: reference.location))
                    } else if course.thing(id: reference.id) == nil, !context.hasUnloadedThing(id: reference.id, in: course) {
                        findings.append(
                            finding(
                                "prerequisite `\(reference.id)` is not a Thing of course `\(course.id)`", at: reference.location,
                                hint: NameSuggestion.hint(for: reference.id, in: ids)))
                    }
                }
            }
        }
        return findings
    }
}
