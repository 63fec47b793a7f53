/// The organisation that awards badges (an Open Badges issuer profile).
public struct Issuer: Hashable, Sendable {
    /// Stable id, such as `sssc`.
    public var id: String
    /// Full name.
    public var name: String
    /// Home page (https).
    public var url: String?
    /// Contact email.
    public var email: String?
    /// Logo, relative to `Badges/`.
    public var image: String?
    /// What the organisation is.
    public var description: String
    /// The badge platform's application page, for evidence steps that name no form of their own.
    public var applicationForm: String?
    /// Path of `issuer.yaml`, relative to the workspace root.
    public var file: String
    /// Where each field was written.
    public var fields: FieldLocations

    /// Creates an issuer.
    public init(
        id: String, name: String, url: String? = nil, email: String? = nil, image: String? = nil,
        description: String = "", applicationForm: String? = nil, file: String, fields: FieldLocations
    ) {
        self.applicationForm = applicationForm
        self.id = id
        self.name = name
        self.url = url
        self.email = email
        self.image = image
        self.description = description
        self.file = file
        self.fields = fields
    }
}
