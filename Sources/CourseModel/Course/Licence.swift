/// The licence course content is published under, such as CC BY 4.0.
public struct Licence: Hashable, Sendable {
    /// Short name, such as `CC BY 4.0`.
    public var name: String
    /// Where the licence text lives.
    public var url: String?
    /// Where it was written.
    public var fields: FieldLocations

    /// Creates a licence.
    public init(name: String, url: String? = nil, fields: FieldLocations) {
        self.name = name
        self.url = url
        self.fields = fields
    }
}
