/// An id written in one file that names something defined elsewhere, with where it was written.
public struct Reference: Hashable, Sendable, CustomStringConvertible {
    /// The id as written.
    public var id: String
    /// Where the id was written.
    public var location: SourceLocation

    /// Creates a reference.
    public init(id: String, location: SourceLocation) {
        self.id = id
        self.location = location
    }

    /// The id.
    public var description: String { id }
}
