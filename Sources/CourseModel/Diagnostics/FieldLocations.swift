/// Where each field of a loaded entity was written, so a rule can point at the exact key or value.
///
/// Fields are kept as a short list of line and column numbers in the entity's own file: an entity has
/// a handful of fields, so a scan finds one as fast as hashing, and a workspace of thousands of
/// Things does not carry two dictionaries per activity, item and option.
public struct FieldLocations: Hashable, Sendable {
    /// Where the entity itself starts (its mapping).
    public var entity: SourceLocation
    private var entries: [Entry] = []

    private struct Entry: Hashable, Sendable {
        let name: String
        let keyLine: Int32
        let keyColumn: Int32
        let valueLine: Int32
        let valueColumn: Int32
    }

    /// Positions of one part of each field (its key or its value), looked up by field name.
    public struct Positions: Sendable {
        fileprivate let locations: FieldLocations
        fileprivate let ofKeys: Bool

        /// Where `field`'s key or value was written; nil when the entity has no such field.
        public subscript(field: String) -> SourceLocation? {
            guard let entry = locations.entries.first(where: { $0.name == field }) else { return nil }
            return SourceLocation(
                file: locations.entity.file, line: Int(ofKeys ? entry.keyLine : entry.valueLine),
                column: Int(ofKeys ? entry.keyColumn : entry.valueColumn))
        }
    }

    /// Creates an empty map for an entity that starts at `entity`.
    public init(entity: SourceLocation) {
        self.entity = entity
    }

    /// Records where `field` was written: its key and its value, both in the entity's file.
    public mutating func record(_ field: String, key: SourceLocation, value: SourceLocation) {
        entries.append(
            Entry(
                name: field, keyLine: Int32(clamping: key.line), keyColumn: Int32(clamping: key.column),
                valueLine: Int32(clamping: value.line), valueColumn: Int32(clamping: value.column)))
    }

    /// The location of each field's value, by field name as written in the file.
    public var values: Positions { Positions(locations: self, ofKeys: false) }
    /// The location of each field's key, by field name as written in the file.
    public var keys: Positions { Positions(locations: self, ofKeys: true) }

    /// The location of a field's value, or the entity's own location when the field is absent.
    public subscript(field: String) -> SourceLocation {
        values[field] ?? entity
    }
}
