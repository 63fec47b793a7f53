import CourseLoader

/// A list item indented one space too far under the one above it is read by YAML as more words of
/// that item: `- Plan the day` then ` - Review the day` becomes one outcome, "Plan the day - Review
/// the day". The loader warns where the lost item starts.
public struct ListItemFoldedRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.listItemFolded, name: "List item folded into the one above",
        summary:
            "Each `- ` of a list of texts starts at the column of the item above; one indented further is read as more words of that item, and the list loses an entry.",
        severity: .warning,
        triggeringExamples: [
            .replacing(
                "aim: Learn the first thing.\n",
                with: "aim: Learn the first thing.\noutcomes:\n  - Plan the day\n   ↓- Review the day\n")
        ],
        nonTriggeringExamples: [
            .replacing(
                "aim: Learn the first thing.\n",
                with: "aim: Learn the first thing.\noutcomes:\n  - Plan the day - and then review it\n  - Review the day\n")
        ])
}
