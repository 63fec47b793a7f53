import CourseLoader

/// Required fields are present and not empty.
public struct RequiredFieldRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.requiredField, name: "Required field",
        summary: "Fields a course, Thing, activity, resource or badge cannot do without are present and have a value.",
        triggeringExamples: [
            .replacing("status: published\n", with: "").replacing("---\nid: thing-01", with: "---\n↓id: thing-01"),
            .replacing("minWords: 200", with: "minWords:↓"),
            .replacing("name: Demo – Basics\n", with: "", in: RuleFixture.collectionBadge).replacing(
                "id: basics", with: "↓id: basics", in: RuleFixture.collectionBadge),
        ])
}
