import CourseModel

/// Ids are unique where they are looked up.
public struct DuplicateIDRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "duplicate-id", name: "Duplicate id",
        summary:
            "Ids are unique in their scope: courses and badges in the workspace, Things and collections in a course, activities and resources in a Thing, categories and items in a classification.",
        triggeringExamples: [
            .replacing("id: thing-02\n", with: "id: ↓thing-01\n", in: RuleFixture.secondThing),
            .replacing("  - id: submit", with: "  - id: ↓reflect").replacing("evidenceFrom: reflect", with: "evidenceFrom: sort"),
            .replacing("  - id: right", with: "  - id: ↓left").replacing("category: right", with: "category: left"),
            .replacing("id: thing-02\n", with: "id: ↓thing-01\n", in: RuleFixture.secondBadge),
        ])

    /// Checks the ids of courses, badges, and each course's Things and collections.
    public func checkOutsideThings(_ context: ValidationContext) -> [Finding] {
        var findings = scan("course", context.workspace.courses.map { ($0.id, $0.fields["id"]) })
        findings += scan("badge", context.workspace.badges.badges.map { ($0.id, $0.fields["id"]) })
        for course in context.workspace.courses {
            findings += scan("Thing", course.things.map { ($0.id, $0.fields["id"]) })
            findings += scan("collection", course.collections.map { ($0.id, $0.fields["id"]) })
        }
        return findings
    }

    /// Checks the ids defined inside one Thing: its activities, resources, categories, items and questions.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        var findings = scan("activity", thing.activities.map { ($0.id, $0.fields["id"]) })
        findings += scan("resource", thing.resources.map { ($0.id, $0.fields["id"]) })
        for activity in thing.activities {
            switch activity.content {
            case .classification(let classification):
                findings += scan("category", classification.categories.map { ($0.id, $0.fields["id"]) })
                findings += scan("item", classification.items.map { ($0.id, $0.fields["id"]) })
            case .quiz(let quiz):
                findings += scan("question", quiz.questions.map { ($0.id, $0.fields["id"]) })
            default: break
            }
        }
        return findings
    }

    /// Each id of `entries` used a second time, at the second place.
    private func scan(_ kind: String, _ entries: [(id: String, location: SourceLocation)]) -> [Finding] {
        var findings: [Finding] = []
        var first: [String: SourceLocation] = [:]
        for entry in entries where !entry.id.isEmpty {
            if let earlier = first[entry.id] {
                findings.append(
                    finding(
                        "\(kind) id `\(entry.id)` is already used at \(earlier)", at: entry.location,
                        hint: "give each \(kind) its own id"))
            } else {
                first[entry.id] = entry.location
            }
        }
        return findings
    }
}
