import CourseLoader

/// Values have the type their field needs.
public struct ValueTypeRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.valueType, name: "Value type",
        summary: "Numbers are numbers, lists are lists, text is text: `number: one` or `countsTowards: basics` are refused.",
        triggeringExamples: [
            .replacing("number: 1", with: "number: ↓one"),
            .replacing("countsTowards: [basics]", with: "countsTowards: ↓basics"),
            .replacing("title: First thing", with: "title: ↓[First, thing]"),
        ])
}
