/// Whether a Thing is ready to ship.
public enum ThingStatus: String, Sendable, Hashable, CaseIterable {
    /// Only planned: packages leave it out unless asked.
    case draft
    /// Fully authored and shipped.
    case published
}
