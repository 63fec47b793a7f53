/// Use one or more resources with a prompt; nothing is scored.
public struct Exploration: Hashable, Sendable {
    /// The resources to explore, by id.
    public var resources: [Reference]

    /// Creates an exploration.
    public init(resources: [Reference]) {
        self.resources = resources
    }
}
