import CourseLoader

/// Values from a fixed set are ones the format allows.
public struct AllowedValueRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.allowedValue, name: "Allowed value",
        summary: "Fields with a fixed set of values (status, activity type, resource kind, badge kind, level) use one of them.",
        triggeringExamples: [
            .replacing("status: published", with: "status: ↓finished"),
            .replacing("type: reflection", with: "type: ↓reflect"),
            .replacing("kind: guide", with: "kind: ↓handbook"),
        ])
}
