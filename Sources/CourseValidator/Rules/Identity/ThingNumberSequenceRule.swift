import CourseModel

/// Thing numbers run 1…N without gaps or repeats.
public struct ThingNumberSequenceRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "thing-number-sequence", name: "Thing number sequence",
        summary: "Thing numbers in a course are unique and run from 1 to the number of Things.",
        triggeringExamples: [
            .replacing("number: 2", with: "number: ↓1", in: RuleFixture.secondThing),
            .replacing("number: 2", with: "number: ↓3", in: RuleFixture.secondThing),
        ])

    /// Checks each course's numbering.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            // A Thing file that could not be read still holds its place in the numbering.
            let count = course.things.count + context.unloadedThingCount(in: course)
            var seen: [Int: Thing] = [:]
            for thing in course.things.sorted(by: { $0.file < $1.file }) {
                let location = thing.fields["number"]
                if let earlier = seen[thing.number] {
                    findings.append(
                        finding(
                            "Thing number \(thing.number) is already used by `\(earlier.id)` (\(earlier.file))", at: location,
                            hint: "number the Things 1 to \(count), each once"))
                    continue
                }
                seen[thing.number] = thing
                if thing.number < 1 || thing.number > count {
                    findings.append(
                        finding(
                            "Thing number \(thing.number) is outside 1…\(count) for a course of \(count) Things",
                            at: location, hint: "number the Things 1 to \(count) without gaps"))
                }
            }
        }
        return findings
    }
}
