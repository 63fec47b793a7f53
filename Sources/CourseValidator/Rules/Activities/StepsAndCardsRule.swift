import CourseModel

/// A sequence has something to order and a set of cards something to turn.
public struct StepsAndCardsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The most steps a sequence may have (the page saves each step's place as one character).
    public static let maximumSteps = 36

    /// A sequence of `steps` (YAML list items), added after the fixture's second Thing's activity.
    static func example(_ steps: String) -> String {
        ["    resources: [article]", "  - id: order", "    type: sequence", "    title: Order", "    steps:", steps, ""]
            .joined(separator: "\n")
    }

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "steps-and-cards", name: "Steps and cards",
        summary:
            "A sequence has 2 to \(maximumSteps) steps, no two alike (a learner could not tell their right places apart); a set of cards has at least one card.",
        triggeringExamples: [
            .replacing(
                "    resources: [article]\n", with: example("      - text: ↓Only one step"), in: RuleFixture.secondThing),
            .replacing(
                "    resources: [article]\n", with: example("      - text: Plan\n      - text: ↓Plan"),
                in: RuleFixture.secondThing),
        ])

    /// Checks every sequence and set of cards.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.activities.flatMap { activity -> [Finding] in
                switch activity.content {
                case .sequence(let sequence):
                    return findings(sequence, activity: activity)
                case .reveal(let reveal) where reveal.cards.isEmpty:
                    return [finding("the cards of `\(activity.id)` are empty", at: activity.fields["cards"], hint: "add a card")]
                default:
                    return []
                }
            }
        }
    }

    private func findings(_ sequence: OrderedSteps, activity: Activity) -> [Finding] {
        if sequence.steps.count < 2 {
            return [
                finding(
                    "sequence `\(activity.id)` has \(sequence.steps.count) step\(sequence.steps.count == 1 ? "" : "s"); it needs at least 2 to put in order",
                    at: sequence.steps.first?.fields["text"] ?? activity.fields["steps"])
            ]
        }
        if sequence.steps.count > Self.maximumSteps {
            return [
                finding(
                    "sequence `\(activity.id)` has \(sequence.steps.count) steps; at most \(Self.maximumSteps) are allowed",
                    at: activity.fields["steps"], hint: "split it into two sequences")
            ]
        }
        var seen: Set<String> = []
        return sequence.steps.compactMap { step in
            seen.insert(step.text).inserted
                ? nil
                : finding(
                    "two steps of sequence `\(activity.id)` say “\(step.text)”", at: step.fields["text"],
                    hint: "word each step so it can be told apart")
        }
    }
}
