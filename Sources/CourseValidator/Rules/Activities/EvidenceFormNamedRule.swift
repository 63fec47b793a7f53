import CourseModel

/// An evidence step tells learners where to apply: its own `applicationForm`, or the issuer's.
public struct EvidenceFormNamedRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "evidence-form-named", name: "Evidence form named",
        summary:
            "An evidence activity names the badge application form, with its own `applicationForm` or the issuer's (`applicationForm` in Badges/issuer.yaml); otherwise learners are told to apply and not where.",
        severity: .warning,
        triggeringExamples: [
            RuleExample.replacing("applicationForm: https://badges.demo-issuer.org/apply\n", with: "", in: RuleFixture.issuer)
                .replacing("    title: Submit\n", with: "    title: ↓Submit\n")
        ],
        nonTriggeringExamples: [
            .unchanged,
            RuleExample.replacing("applicationForm: https://badges.demo-issuer.org/apply\n", with: "", in: RuleFixture.issuer)
                .replacing(
                    "    title: Submit\n",
                    with: "    title: Submit\n    applicationForm: https://badges.demo-issuer.org/thing-01\n"),
        ])

    /// Checks every evidence activity.
    public func check(_ context: ValidationContext) -> [Finding] {
        guard context.workspace.badges.issuer?.applicationForm == nil else { return [] }
        return context.things.flatMap { _, thing in
            thing.activities.compactMap { activity -> Finding? in
                guard case .evidence(let evidence) = activity.content, evidence.applicationFormURL == nil else { return nil }
                return finding(
                    "evidence activity `\(activity.id)` tells learners to apply for the badge but names no application form",
                    at: activity.fields.values["title"] ?? activity.fields.entity,
                    hint: "add `applicationForm: https://…` to the activity, or once for every Thing in Badges/issuer.yaml")
            }
        }
    }
}
