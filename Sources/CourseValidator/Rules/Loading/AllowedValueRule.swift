import CourseLoader

/// Values from a fixed set are ones the format allows.
public struct AllowedValueRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.allowedValue, name: "Allowed value",
        summary:
            "Fields with a fixed set of values (status, activity type, resource kind, badge kind, level) use one of them, and numbers stay in the range the field allows (a pass mark between 0 and 1, counts of at least 1).",
        triggeringExamples: [
            .replacing("number: 1", with: "number: 1\ndurationMinutes: ↓-5"),
            .replacing("minWords: 200", with: "minWords: ↓0"),
            .replacing("status: published", with: "status: ↓finished"),
            .replacing("type: reflection", with: "type: ↓reflect"),
            .replacing("kind: guide", with: "kind: ↓handbook"),
        ])
}
