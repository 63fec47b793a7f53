import CourseLoader

/// Files stay inside the workspace and their names do not clash by case.
public struct PathSafetyRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.pathSafety, name: "Path safety",
        summary:
            "No course file is a link out of the workspace, and no two files differ only by case (they clash on macOS, Windows and in zips).",
        triggeringExamples: [
            RuleExample.writing(
                RuleFixture.files[RuleFixture.firstThing]!,
                to: RuleFixture.inCourseFolder(RuleFixture.layout.thingsFolderName + "/Thing-01.md")
            )
            .expecting(RuleFixture.firstThing)
        ])
}
