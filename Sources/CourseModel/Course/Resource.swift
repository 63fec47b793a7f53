/// A reading, model, guide or other source a Thing points to; a citation needs no URL.
public struct Resource: Hashable, Sendable {
    /// What sort of resource it is.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case article, research, guide, model, video
        case webPage = "web-page"
        case file, book, strategy
    }

    /// Id unique within its Thing, such as `kotter-2012`.
    public var id: String
    /// Title as published.
    public var title: String
    /// What sort of resource.
    public var kind: Kind
    /// Author, if known.
    public var author: String?
    /// Publisher or organisation, if known.
    public var publisher: String?
    /// Publication date as written: a year, `YYYY-MM` or `YYYY-MM-DD`.
    public var date: String?
    /// Pages cited, such as `28–29`.
    public var pages: String?
    /// Where it is online; absent for a citation.
    public var url: String?
    /// A file shipped with the course, relative to the course folder.
    public var file: String?
    /// Licence of the resource, if known.
    public var licence: String?
    /// Notes for learners: why it matters here.
    public var notes: String?
    /// Where it was written.
    public var fields: FieldLocations

    /// Creates a resource.
    public init(
        id: String, title: String, kind: Kind, author: String? = nil, publisher: String? = nil,
        date: String? = nil, pages: String? = nil, url: String? = nil, file: String? = nil,
        licence: String? = nil, notes: String? = nil, fields: FieldLocations
    ) {
        self.id = id
        self.title = title
        self.kind = kind
        self.author = author
        self.publisher = publisher
        self.date = date
        self.pages = pages
        self.url = url
        self.file = file
        self.licence = licence
        self.notes = notes
        self.fields = fields
    }
}
