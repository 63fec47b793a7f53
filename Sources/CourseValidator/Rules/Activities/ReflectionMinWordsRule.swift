import CourseModel

/// A reflection asks for a positive number of words.
public struct ReflectionMinWordsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "reflection-min-words", name: "Reflection minimum words",
        summary: "A reflection's `minWords` is a positive whole number (200 for most Things).",
        triggeringExamples: [
            .replacing("minWords: 200", with: "minWords: ↓-1"),
            .replacing("minWords: 200", with: "minWords: ↓0"),
        ])

    /// Checks every reflection.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.activities.compactMap { activity -> Finding? in
                guard case .reflection(let reflection) = activity.content, activity.fields.values["minWords"] != nil,
                    reflection.minWords <= 0
                else { return nil }
                return finding(
                    "reflection `\(activity.id)` asks for \(reflection.minWords) words; it must ask for at least 1",
                    at: activity.fields["minWords"], hint: "the programme asks for 200 words for most Things")
            }
        }
    }
}
