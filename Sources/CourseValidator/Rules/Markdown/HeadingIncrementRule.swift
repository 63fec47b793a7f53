import CourseModel

/// Headings go down one level at a time, starting at level 2.
public struct HeadingIncrementRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "heading-increment", name: "Heading increment",
        summary:
            "Body headings start at `##` (the page title is the only `#`) and never skip a level, so the outline makes sense to screen readers.",
        triggeringExamples: [
            .replacing("## Section\n", with: "## Section\n\n↓#### Detail\n"),
            .replacing("## Section\n", with: "↓# Section\n"),
        ],
        nonTriggeringExamples: [.unchanged, .replacing("## Section\n", with: "## Section\n\n### Detail\n\n## Next\n")])

    /// Checks the heading outline of every Thing body.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        var previous = 1
        var findings: [Finding] = []
        for node in context.markdown(of: thing).headings {
            let level = node.headingLevel
            if level == 1 {
                findings.append(
                    finding(
                        "a level-1 heading in the body; the Thing's title is the page's only level-1 heading",
                        at: context.location(of: node, in: thing), hint: "use `##`"))
            } else if level > previous + 1 {
                findings.append(
                    finding(
                        "heading level \(level) follows level \(previous), skipping a level",
                        at: context.location(of: node, in: thing),
                        hint: "use `\(String(repeating: "#", count: previous + 1))`"))
            }
            previous = max(level, 1)
        }
        return findings
    }
}
