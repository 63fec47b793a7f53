import CourseModel

/// A scenario can be walked: every choice leads to a moment of it, every moment can be reached from
/// the first, at least one moment is an ending, and from every moment some path leads to an ending
/// (a loop always has a way out).
public struct ScenarioPathsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The most choices one moment may offer (the page saves each choice as one character).
    public static let maximumChoices = 36

    /// A scenario with a first moment (`first`: its choices), a moment `talk` (`talk`: its id, text and
    /// choices) and an ending, added after the fixture's second Thing's activity.
    static func example(first: String, talk: String) -> String {
        [
            "    resources: [article]", "  - id: day", "    type: scenario", "    title: A day", "    nodes:",
            "      - id: start", "        text: Sam is late again.", "        choices:", first, "      - id: \(talk)",
            "      - id: end", "        text: The rota changes.", "        debrief: Asking first found the cause.", "",
        ].joined(separator: "\n")
    }

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "scenario-paths", name: "Scenario paths",
        summary:
            "A scenario's choices lead to its own moments, every moment can be reached from the first, at least one is an ending (a moment without choices), and from every moment a path leads to an ending.",
        triggeringExamples: [
            .replacing(
                "    resources: [article]\n",
                with: example(
                    first: "          - text: Ask Sam what is going on\n            next: talk",
                    talk:
                        "talk\n        text: The bus times changed.\n        choices:\n          - text: Change the rota\n            next: ↓ending"
                ),
                in: RuleFixture.secondThing),
            .replacing(
                "    resources: [article]\n",
                with: example(
                    first:
                        "          - text: Ask Sam what is going on\n            next: talk\n          - text: Change the rota now\n            next: end",
                    talk:
                        "↓talk\n        text: The bus times changed.\n        choices:\n          - text: Talk again tomorrow\n            next: talk"
                ),
                in: RuleFixture.secondThing),
        ])

    /// Checks every scenario.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.activities.flatMap { activity -> [Finding] in
                guard case .scenario(let scenario) = activity.content else { return [] }
                return findings(scenario, activity: activity)
            }
        }
    }

    private func findings(_ scenario: Scenario, activity: Activity) -> [Finding] {
        var findings: [Finding] = []
        var seen: Set<String> = []
        for node in scenario.nodes {
            if !seen.insert(node.id).inserted {
                findings.append(
                    finding(
                        "moment `\(node.id)` of scenario `\(activity.id)` is written twice", at: node.fields["id"],
                        hint: "give each moment its own id"))
            }
            if node.choices.count > Self.maximumChoices {
                findings.append(
                    finding(
                        "moment `\(node.id)` offers \(node.choices.count) choices; at most \(Self.maximumChoices) are allowed",
                        at: node.fields["choices"]))
            }
        }
        var broken = false
        for node in scenario.nodes {
            for choice in node.choices where scenario.node(id: choice.next.id) == nil {
                broken = true
                findings.append(
                    finding(
                        "a choice of moment `\(node.id)` leads to `\(choice.next.id)`, which is not a moment of scenario `\(activity.id)`",
                        at: choice.fields["next"],
                        hint: "name one of: " + scenario.nodes.map(\.id).joined(separator: ", ")))
            }
        }
        if !scenario.nodes.isEmpty, !scenario.nodes.contains(where: \.isEnding) {
            findings.append(
                finding(
                    "scenario `\(activity.id)` has no ending", at: activity.fields["nodes"],
                    hint: "add a moment without choices, with a `debrief`"))
            return findings
        }
        if scenario.passingScore != nil, !scenario.isScored {
            findings.append(
                finding(
                    "scenario `\(activity.id)` has a `passingScore` but no choice earns points",
                    at: activity.fields["passingScore"], hint: "give the better choices `points`, or remove `passingScore`"))
        }
        // A broken link already has its finding: what it cuts off is not reported again.
        guard !broken, let first = scenario.nodes.first else { return findings }
        var reachable: Set<String> = [first.id]
        var queue = [first.id]
        while let id = queue.popLast() {
            for choice in scenario.node(id: id)?.choices ?? [] where reachable.insert(choice.next.id).inserted {
                queue.append(choice.next.id)
            }
        }
        for node in scenario.nodes where !reachable.contains(node.id) {
            findings.append(
                finding(
                    "no choice leads to moment `\(node.id)` of scenario `\(activity.id)`, so no learner can reach it",
                    at: node.fields["id"], hint: "lead a choice to it, or remove it"))
        }
        // Moments from which an ending can be reached, found backwards from the endings.
        var escapes = Set(scenario.nodes.filter(\.isEnding).map(\.id))
        var grew = true
        while grew {
            grew = false
            for node in scenario.nodes where !escapes.contains(node.id) {
                if node.choices.contains(where: { escapes.contains($0.next.id) }) {
                    escapes.insert(node.id)
                    grew = true
                }
            }
        }
        for node in scenario.nodes where reachable.contains(node.id) && !escapes.contains(node.id) {
            findings.append(
                finding(
                    "from moment `\(node.id)` of scenario `\(activity.id)` no path leads to an ending: a learner who gets here is stuck",
                    at: node.fields["id"], hint: "give one of its choices a way out to an ending"))
        }
        return findings
    }
}
