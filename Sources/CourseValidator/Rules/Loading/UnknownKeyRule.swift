import CourseLoader

/// Keys are ones the format knows.
public struct UnknownKeyRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.unknownKey, name: "Unknown key",
        summary: "Every key is one the format knows; a misspelt key gets a did-you-mean hint.",
        triggeringExamples: [
            .replacing("countsTowards: [basics]", with: "↓countTowards: [basics]"),
            .replacing("    minWords: 200", with: "    ↓minwords: 200"),
            .replacing("attribution:", with: "↓attributions:", in: RuleFixture.course),
        ])
}
