import CourseLoader

/// Thing files start with closed YAML front matter.
public struct FrontMatterRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.frontMatter, name: "Front matter",
        summary: "A Thing file starts with a `---` line, its YAML fields, and a closing `---` line.",
        triggeringExamples: [
            .replacing("---\nid: thing-01", with: "↓id: thing-01"),
            .replacing("references: [guide]\n---\n", with: "references: [guide]\n").replacing(
                "---\nid: thing-01", with: "↓---\nid: thing-01"),
        ])
}
