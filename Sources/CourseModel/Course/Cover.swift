/// A cover picture of a course or a Thing: a file of the course (relative to the course folder) and
/// its alternative text.
public struct Cover: Hashable, Sendable {
    /// The picture, relative to the course folder, such as `files/cover.jpg`.
    public var image: String
    /// What the picture shows, for screen-reader users; empty for a purely decorative picture is not allowed.
    public var alternativeText: String
    /// Where each field was written.
    public var fields: FieldLocations

    /// Creates a cover.
    public init(image: String, alternativeText: String, fields: FieldLocations) {
        self.image = image
        self.alternativeText = alternativeText
        self.fields = fields
    }
}
