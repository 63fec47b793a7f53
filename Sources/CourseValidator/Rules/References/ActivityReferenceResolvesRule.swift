import CourseModel

/// An evidence step's `evidenceFrom` names a reflection of the same Thing.
public struct ActivityReferenceResolvesRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "activity-reference-resolves", name: "Activity reference resolves",
        summary: "An evidence step's `evidenceFrom` names a reflection activity of the same Thing.",
        triggeringExamples: [
            .replacing("evidenceFrom: reflect", with: "evidenceFrom: ↓reflection"),
            .replacing("evidenceFrom: reflect", with: "evidenceFrom: ↓sort"),
        ])

    /// Checks every `evidenceFrom`.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (_, thing) in context.things {
            for activity in thing.activities {
                guard case .evidence(let evidence) = activity.content, let reference = evidence.evidenceFrom else { continue }
                guard let target = thing.activity(id: reference.id) else {
                    // An activity written but not readable has its own finding.
                    if thing.unreadableActivityIDs.contains(reference.id) { continue }
                    findings.append(
                        finding(
                            "`\(reference.id)` is not an activity of Thing `\(thing.id)`", at: reference.location,
                            hint: NameSuggestion.hint(for: reference.id, in: thing.activities.map(\.id))))
                    continue
                }
                if case .reflection = target.content { continue }
                findings.append(
                    finding(
                        "evidence comes from `\(reference.id)`, a \(target.kindName) activity, not a reflection",
                        at: reference.location, hint: "name the reflection whose statement is the evidence"))
            }
        }
        return findings
    }
}
