/// A reflective statement the learner writes; often the evidence for the badge.
public struct Reflection: Hashable, Sendable {
    /// Points the statement should cover.
    public var guidingPoints: [String]
    /// The fewest words accepted.
    public var minWords: Int
    /// Whether the statement is the evidence for the Thing's badge.
    public var isBadgeEvidence: Bool

    /// Creates a reflection.
    public init(guidingPoints: [String], minWords: Int, isBadgeEvidence: Bool = true) {
        self.guidingPoints = guidingPoints
        self.minWords = minWords
        self.isBadgeEvidence = isBadgeEvidence
    }
}
