import CourseModel

/// A course says its licence and whom to credit.
public struct CourseLicenceRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "course-licence", name: "Course licence",
        summary: "A course has a `licence` (name and URL) and an `attribution`, as CC BY requires.",
        triggeringExamples: [
            .replacing("attribution: Demo Organisation, adapted under CC BY 4.0.\n", with: "", in: RuleFixture.course)
                .replacing("id: demo\n", with: "↓id: demo\n", in: RuleFixture.course),
            .replacing("  url: https://creativecommons.org/licenses/by/4.0/\n", with: "", in: RuleFixture.course)
                .replacing("  name: CC BY 4.0", with: "  ↓name: CC BY 4.0", in: RuleFixture.course),
        ])

    /// Checks every course.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.workspace.courses.flatMap { course -> [Finding] in
            var findings: [Finding] = []
            if let licence = course.licence {
                if licence.url == nil {
                    findings.append(
                        finding(
                            "licence `\(licence.name)` has no `url`", at: licence.fields.entity,
                            hint: "link the licence text, such as https://creativecommons.org/licenses/by/4.0/"))
                }
            } else if !context.wasRefused(course.fields.values["licence"]) {
                findings.append(
                    finding(
                        "course `\(course.id)` has no `licence`", at: course.fields.entity,
                        hint: "add `licence:` with `name` and `url`"))
            }
            if course.attribution.allSatisfy(\.isWhitespace), !context.wasRefused(course.fields.values["attribution"]) {
                findings.append(
                    finding(
                        "course `\(course.id)` has no `attribution`", at: course.fields.entity,
                        hint: "say whose work it is and what was changed, as the licence asks"))
            }
            return findings
        }
    }
}
