import CourseLoader

/// YAML parses.
public struct YAMLSyntaxRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.yamlSyntax, name: "YAML syntax",
        summary: "YAML files and front matter parse: no tabs for indentation, quotes closed, no key written twice.",
        triggeringExamples: [
            .replacing("number: 1\n", with: "number: 1\n↓number: 2\n"),
            .replacing("aim: Learn the first thing.", with: "↓\taim: Learn the first thing."),
            .replacing("title: Demo course\n", with: "title: Demo↓: course\n", in: RuleFixture.course),
        ])
}
