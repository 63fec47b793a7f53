import CourseModel

/// Prerequisites never go round in a circle.
public struct PrerequisiteCycleRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "prerequisite-cycle", name: "Prerequisite cycle",
        summary: "Following Thing prerequisites never leads back to the Thing it started from.",
        triggeringExamples: [
            .replacing("countsTowards: [basics]\naim", with: "countsTowards: [basics]\nprerequisites:\n  - thing: thing-02\naim")
                .replacing("  - thing: thing-01", with: "  - thing: ↓thing-01", in: RuleFixture.secondThing)
        ])

    /// Finds each cycle once and reports it at the prerequisite that closes it.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            var edges: [String: [Reference]] = [:]
            for thing in course.things {
                edges[thing.id] = thing.prerequisites.compactMap {
                    if case .thing(let reference) = $0.target, reference.id != thing.id { return reference }
                    return nil
                }
            }
            var state: [String: Bool] = [:]  // false: on the current path, true: finished
            var path: [String] = []
            func visit(_ id: String) {
                state[id] = false
                path.append(id)
                for reference in edges[id] ?? [] {
                    switch state[reference.id] {
                    case .some(false):
                        let cycle = path.drop(while: { $0 != reference.id }) + [reference.id]
                        findings.append(
                            finding(
                                "prerequisites form a cycle: \(cycle.joined(separator: " → "))", at: reference.location,
                                hint: "remove one prerequisite in the cycle"))
                    case nil where edges[reference.id] != nil: visit(reference.id)
                    default: break
                    }
                }
                path.removeLast()
                state[id] = true
            }
            for thing in course.things.sorted(by: { $0.number < $1.number }) where state[thing.id] == nil {
                visit(thing.id)
            }
        }
        return findings
    }
}
