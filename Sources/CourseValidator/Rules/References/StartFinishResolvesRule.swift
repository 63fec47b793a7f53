import CourseModel

/// The Things a course says to start and finish with are Things of it.
public struct StartFinishResolvesRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "start-finish-resolves", name: "Start and finish resolve",
        summary: "`startWith` and `finishWith` in course.yaml name Things of the course, each once.",
        triggeringExamples: [
            .replacing(
                "things: [thing-01, thing-02]\n", with: "things: [thing-01, thing-02]\nstartWith: [↓thing-1]\n",
                in: RuleFixture.course)
        ])

    /// Checks both lists of every course.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            let thingIDs = course.things.map(\.id)
            for (key, references) in [("startWith", course.startWith), ("finishWith", course.finishWith)] {
                var seen: Set<String> = []
                for reference in references {
                    if course.thing(id: reference.id) == nil, !context.hasUnloadedThing(id: reference.id, in: course) {
                        findings.append(
                            finding(
                                "`\(key)` lists `\(reference.id)`, which is not a Thing of course `\(course.id)`",
                                at: reference.location, hint: NameSuggestion.hint(for: reference.id, in: thingIDs)))
                    } else if !seen.insert(reference.id).inserted {
                        findings.append(finding("`\(key)` lists `\(reference.id)` twice", at: reference.location))
                    }
                }
            }
        }
        return findings
    }
}
