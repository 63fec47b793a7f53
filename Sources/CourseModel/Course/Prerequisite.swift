/// Something to complete before a Thing: another Thing, or an external badge.
public struct Prerequisite: Hashable, Sendable {
    /// What the prerequisite names.
    public enum Target: Hashable, Sendable {
        /// A Thing of the same course, by id.
        case thing(Reference)
        /// A badge class in `Badges/`, usually an external platform badge.
        case badge(Reference)
    }

    /// How strongly the prerequisite applies.
    public enum Level: String, Hashable, Sendable, CaseIterable {
        /// Suggested first; the learner may go on without it.
        case recommended
        /// Must be completed first.
        case required
    }

    /// The Thing or badge.
    public var target: Target
    /// Recommended or required.
    public var level: Level
    /// Where it was written.
    public var fields: FieldLocations

    /// Creates a prerequisite.
    public init(target: Target, level: Level, fields: FieldLocations) {
        self.target = target
        self.level = level
        self.fields = fields
    }
}
