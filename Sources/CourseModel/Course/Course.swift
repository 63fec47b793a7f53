/// A course: a programme of Things with its collections, licence and metadata (`course.yaml`).
public struct Course: Sendable {
    /// Stable id, also the course folder's name, such as `sssc-23-things-leadership`.
    public var id: String
    /// Title shown to learners.
    public var title: String
    /// Short description of the programme.
    public var description: String
    /// BCP 47 language tag, such as `en-GB`.
    public var language: String
    /// Version of the course content, such as `1.0.0`.
    public var version: String
    /// The issuer id in `Badges/issuer.yaml` that awards this course's badges.
    public var issuer: Reference?
    /// The licence the content is published under.
    public var licence: Licence?
    /// Who must be credited, and for what.
    public var attribution: String
    /// The course's cover picture, if it has one.
    public var cover: Cover?
    /// The course colour (`#RRGGBB`) for the pages' header and buttons; the theme's when nil.
    public var colour: String?
    /// The organisation's logo, shown in every page's header, if the course gives one.
    public var logo: Cover?
    /// The Things, in the order the course lists them.
    public var thingOrder: [Reference]
    /// The Things loaded from the course's `things/` folder, in file order.
    public var things: [Thing] {
        didSet { thingIndex = ThingIndex(things) }
    }
    /// Positions of the Things by id and by file, so lookups stay constant-time in courses of thousands.
    private var thingIndex: ThingIndex
    /// Collections: badges awarded for holding every member Thing's badge.
    public var collections: [Collection]
    /// The Things to take first: the course home shows them as where to start.
    public var startWith: [Reference] = []
    /// The Things to take last: the course home shows them as where to finish.
    public var finishWith: [Reference] = []
    /// Path of the course folder, relative to the workspace root.
    public var folder: String
    /// Where each field of `course.yaml` was written.
    public var fields: FieldLocations

    /// Creates a course.
    public init(
        id: String, title: String, description: String = "", language: String = "en",
        version: String = "", issuer: Reference? = nil, licence: Licence? = nil, attribution: String = "",
        cover: Cover? = nil, thingOrder: [Reference] = [], things: [Thing] = [], collections: [Collection] = [],
        folder: String, fields: FieldLocations
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.language = language
        self.version = version
        self.issuer = issuer
        self.licence = licence
        self.attribution = attribution
        self.cover = cover
        self.thingOrder = thingOrder
        self.things = things
        self.thingIndex = ThingIndex(things)
        self.collections = collections
        self.folder = folder
        self.fields = fields
    }

    /// The Things in course order; listed ids that match no Thing file are skipped.
    public var orderedThings: [Thing] {
        thingOrder.compactMap { thing(id: $0.id) }
    }

    /// The Thing with this id, if any.
    public func thing(id: String) -> Thing? { thingIndex.byID[id].map { things[$0] } }

    /// The Thing loaded from `file` (a workspace-relative path), if any.
    public func thing(file: String) -> Thing? { thingIndex.byFile[file].map { things[$0] } }

    /// The collection with this id, if any.
    public func collection(id: String) -> Collection? { collections.first { $0.id == id } }
}

/// Where each Thing of a course sits in its list, by id and by file (the first, when ids repeat).
private struct ThingIndex: Sendable {
    let byID: [String: Int]
    let byFile: [String: Int]

    init(_ things: [Thing]) {
        var byID: [String: Int] = [:]
        var byFile: [String: Int] = [:]
        for (position, thing) in things.enumerated() {
            if byID[thing.id] == nil { byID[thing.id] = position }
            if byFile[thing.file] == nil { byFile[thing.file] = position }
        }
        self.byID = byID
        self.byFile = byFile
    }
}
