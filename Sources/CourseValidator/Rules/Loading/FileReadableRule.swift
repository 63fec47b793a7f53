import CourseLoader

/// Every file the course needs exists and can be read.
public struct FileReadableRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.fileReadable, name: "File readable",
        summary: "Every file the workspace needs exists, is a file rather than a folder, and can be read.",
        triggeringExamples: [
            RuleExample.removing(RuleFixture.course).expecting(RuleFixture.course),
            RuleExample.removing(RuleFixture.course).writing("", to: RuleFixture.course + "/inside")
                .expecting(RuleFixture.course),
        ])
}
