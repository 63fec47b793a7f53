/// Steps to put in order: the learner moves each up or down (no dragging needed), checks, and
/// reads why a misplaced step belongs elsewhere.
public struct OrderedSteps: Hashable, Sendable {
    /// One step, written in its right place.
    public struct Step: Hashable, Sendable {
        /// What the step says.
        public var text: String
        /// Shown when the step is out of place.
        public var feedback: String?
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates a step.
        public init(text: String, feedback: String? = nil, fields: FieldLocations) {
            self.text = text
            self.feedback = feedback
            self.fields = fields
        }
    }

    /// The steps in their right order.
    public var steps: [Step]

    /// Creates the steps.
    public init(steps: [Step]) {
        self.steps = steps
    }

    /// The order the page first shows the steps in (indexes into `steps`): shuffled the same way
    /// every build from `seed` (the activity's id), never already right.
    public func shuffledOrder(seed: String) -> [Int] {
        var order = Array(steps.indices)
        guard order.count > 1 else { return order }
        // FNV-1a of the seed drives a small linear congruential generator: stable across builds and platforms.
        var state: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 0x100_0000_01b3 }
        for index in stride(from: order.count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            order.swapAt(index, Int((state >> 33) % UInt64(index + 1)))
        }
        if order == Array(steps.indices) { order.append(order.removeFirst()) }
        return order
    }
}

/// Cards with a front and a back (key ideas, terms): the learner turns each, and may say whether
/// they knew it. Done when every card has been turned.
public struct Reveal: Hashable, Sendable {
    /// One card.
    public struct Card: Hashable, Sendable {
        /// What the front shows (a term, a question).
        public var front: String
        /// What the back shows (Markdown).
        public var back: String
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates a card.
        public init(front: String, back: String, fields: FieldLocations) {
            self.front = front
            self.back = back
            self.fields = fields
        }
    }

    /// The cards, in order.
    public var cards: [Card]
    /// Whether each turned card asks "I knew this" or "Not yet".
    public var selfCheck: Bool

    /// Creates a set of cards.
    public init(cards: [Card], selfCheck: Bool = false) {
        self.cards = cards
        self.selfCheck = selfCheck
    }
}
