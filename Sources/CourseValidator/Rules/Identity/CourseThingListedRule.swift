import CourseModel

/// The course's `things:` list and the files in `things/` agree.
public struct CourseThingListedRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "course-thing-listed", name: "Course lists its Things",
        summary: "Every id in the course's `things:` list names a Thing file, each once, and every Thing file is listed.",
        triggeringExamples: [
            .replacing(
                "things: [thing-01, thing-02]\ncollections", with: "things: [thing-01, ↓thing-2]\ncollections",
                in: RuleFixture.course
            )
            .replacing("id: thing-02", with: "id: ↓thing-02", in: RuleFixture.secondThing),
            .replacing(
                "things: [thing-01, thing-02]\ncollections", with: "things: [thing-01, thing-02, ↓thing-01]\ncollections",
                in: RuleFixture.course),
        ])

    /// Checks the list against the files.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            let ids = Set(course.things.map(\.id))
            var listed = Set<String>()
            for reference in course.thingOrder {
                if !listed.insert(reference.id).inserted {
                    findings.append(
                        finding("Thing `\(reference.id)` is listed twice", at: reference.location, hint: "remove one"))
                } else if !ids.contains(reference.id), !context.hasUnloadedThing(id: reference.id, in: course) {
                    findings.append(
                        finding(
                            "no Thing file has the id `\(reference.id)`", at: reference.location,
                            hint: NameSuggestion.hint(for: reference.id, in: ids)
                                ?? "add `\(context.layout.thingFile(id: reference.id, inCourseFolder: course.folder))` or remove the entry"
                        ))
                }
            }
            for thing in course.things where !listed.contains(thing.id) {
                findings.append(
                    finding(
                        "Thing `\(thing.id)` is not in the course's `things:` list, so no package includes it",
                        at: thing.fields["id"],
                        hint: "add `\(thing.id)` to `things:` in \(context.layout.courseFile(inCourseFolder: course.folder))"))
            }
        }
        return findings
    }
}
