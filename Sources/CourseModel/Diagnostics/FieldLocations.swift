/// Where each field of a loaded entity was written, so a rule can point at the exact value.
public struct FieldLocations: Hashable, Sendable {
    /// Where the entity itself starts (its mapping).
    public var entity: SourceLocation
    /// The location of each field's value, by field name as written in the file.
    public var values: [String: SourceLocation]
    /// The location of each field's key, by field name as written in the file.
    public var keys: [String: SourceLocation]

    /// Creates an empty map for an entity that starts at `entity`.
    public init(entity: SourceLocation, values: [String: SourceLocation] = [:], keys: [String: SourceLocation] = [:]) {
        self.entity = entity
        self.values = values
        self.keys = keys
    }

    /// The location of a field's value, or the entity's own location when the field is absent.
    public subscript(field: String) -> SourceLocation {
        values[field] ?? entity
    }
}
