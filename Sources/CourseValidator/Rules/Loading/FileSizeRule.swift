import CourseLoader

/// Course and badge files stay within the size the toolkit reads.
public struct FileSizeRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.fileSize, name: "File size",
        summary:
            "Course and badge files are at most \(WorkspaceLoader.maximumFileSize / 1024 / 1024) MB, so a runaway file cannot exhaust memory.",
        triggeringExamples: [
            RuleExample.writing(
                "---\n", repeating: "a", count: WorkspaceLoader.maximumFileSize + 1024 * 1024, to: RuleFixture.secondThing
            )
            .expecting(RuleFixture.secondThing)
        ])
}
