/// A collection badge: awarded to someone who holds the badge of every member Thing.
public struct Collection: Hashable, Sendable {
    /// Stable id, such as `leadership-fundamentals`.
    public var id: String
    /// Name shown to learners.
    public var title: String
    /// The badge class in `Badges/` awarded for the collection.
    public var badge: Reference?
    /// The member Things, by id.
    public var members: [Reference]
    /// Where it was written.
    public var fields: FieldLocations

    /// Creates a collection.
    public init(id: String, title: String, badge: Reference?, members: [Reference], fields: FieldLocations) {
        self.id = id
        self.title = title
        self.badge = badge
        self.members = members
        self.fields = fields
    }
}
