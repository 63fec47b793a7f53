/// A branching situation: the learner reads a moment of work, chooses what to do, sees what
/// follows, and goes on until an ending with its debrief. Choices may carry points; with a pass
/// mark, the path's points are measured against the best path's.
public struct Scenario: Hashable, Sendable {
    /// One thing the learner may do at a moment.
    public struct Choice: Hashable, Sendable {
        /// What the learner does ("Ask Sam what is going on").
        public var text: String
        /// The id of the moment it leads to.
        public var next: Reference
        /// What follows from it, shown once chosen.
        public var feedback: String?
        /// Points it earns (0 when unscored).
        public var points: Int
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates a choice.
        public init(text: String, next: Reference, feedback: String? = nil, points: Int = 0, fields: FieldLocations) {
            self.text = text
            self.next = next
            self.feedback = feedback
            self.points = points
            self.fields = fields
        }
    }

    /// A moment of the situation: a choice point, or an ending with its debrief.
    public struct Node: Hashable, Sendable {
        /// Id unique within the scenario, such as `late-again`.
        public var id: String
        /// What happens (Markdown).
        public var text: String
        /// What the learner may do; none at an ending.
        public var choices: [Choice]
        /// At an ending: what to take from the path that led here (Markdown).
        public var debrief: String?
        /// Where it was written.
        public var fields: FieldLocations

        /// Whether the scenario ends here.
        public var isEnding: Bool { choices.isEmpty }

        /// Creates a node.
        public init(id: String, text: String, choices: [Choice], debrief: String? = nil, fields: FieldLocations) {
            self.id = id
            self.text = text
            self.choices = choices
            self.debrief = debrief
            self.fields = fields
        }
    }

    /// The moments; the first is where the learner starts.
    public var nodes: [Node]
    /// With points: the share of the best path's points a path must earn to pass, 0…1.
    public var passingScore: Double?

    /// Creates a scenario.
    public init(nodes: [Node], passingScore: Double? = nil) {
        self.nodes = nodes
        self.passingScore = passingScore
    }

    /// The node with `id`.
    public func node(id: String) -> Node? { nodes.first { $0.id == id } }

    /// Whether any choice carries points.
    public var isScored: Bool { nodes.contains { $0.choices.contains { $0.points > 0 } } }

    /// The most points a path from the first node to an ending can earn, visiting no node twice
    /// (a loop earns nothing a learner could not earn without it). 0 when nothing is scored.
    public var bestPathPoints: Int {
        guard let first = nodes.first else { return 0 }
        var best = 0
        var visited: Set<String> = []
        func walk(_ node: Node, _ points: Int) {
            if node.isEnding {
                best = max(best, points)
                return
            }
            visited.insert(node.id)
            for choice in node.choices {
                guard let next = self.node(id: choice.next.id), !visited.contains(next.id) else { continue }
                walk(next, points + choice.points)
            }
            visited.remove(node.id)
        }
        walk(first, 0)
        return best
    }
}
