/// A badge that can be earned: for one Thing, for a collection, or from another platform.
public struct BadgeClass: Hashable, Sendable {
    /// What the badge is awarded for.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Completing one Thing.
        case thing
        /// Holding every member Thing's badge of a collection.
        case collection
        /// Awarded elsewhere; named here only as a prerequisite.
        case external
    }

    /// An educational framework the badge aligns to.
    public struct Alignment: Hashable, Sendable {
        /// Name of the framework node, such as a capability.
        public var targetName: String
        /// Where the framework node is described.
        public var targetURL: String?
        /// The framework, such as "SSSC leadership capabilities".
        public var framework: String?
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates an alignment.
        public init(targetName: String, targetURL: String? = nil, framework: String? = nil, fields: FieldLocations) {
            self.targetName = targetName
            self.targetURL = targetURL
            self.framework = framework
            self.fields = fields
        }
    }

    /// Stable id, also the file's name, such as `thing-02`.
    public var id: String
    /// What the badge is for.
    public var kind: Kind
    /// The badge name ("SSSC 23 Things Leadership – Thing 2: Leadership/Management").
    public var name: String
    /// The name on the badge platform's listing, when it differs.
    public var listingName: String?
    /// What earning it shows.
    public var description: String
    /// Artwork, relative to `Badges/` (PNG or SVG); absent for external badges.
    public var image: String?
    /// Where an external badge is described.
    public var url: String?
    /// Search tags.
    public var tags: [String]
    /// How many days a badge stays valid once awarded; nil when it does not expire.
    public var expiresAfterDays: Int?
    /// Frameworks the badge aligns to.
    public var alignments: [Alignment]
    /// Path of the file, relative to the workspace root.
    public var file: String
    /// Where each field was written.
    public var fields: FieldLocations

    /// Creates a badge class.
    public init(
        id: String, kind: Kind, name: String, listingName: String? = nil, description: String = "",
        image: String? = nil, url: String? = nil, tags: [String] = [], expiresAfterDays: Int? = nil,
        alignments: [Alignment] = [], file: String, fields: FieldLocations
    ) {
        self.expiresAfterDays = expiresAfterDays
        self.id = id
        self.kind = kind
        self.name = name
        self.listingName = listingName
        self.description = description
        self.image = image
        self.url = url
        self.tags = tags
        self.alignments = alignments
        self.file = file
        self.fields = fields
    }
}
