/// What an import asks for: the export, where it goes, and what the course already holds.
public struct ImportRequest: Sendable {
    /// Which items become Things.
    public enum Selection: Sendable, Hashable {
        /// Posts and pages titled "Thing N: …".
        case things
        /// Every post and page.
        case all
        /// The posts and pages with these ids or slugs.
        case items([String])
    }

    /// The export.
    public var export: WXRExport
    /// The export's path as the report shows it.
    public var exportName: String
    /// The course's id.
    public var courseID: String
    /// The course folder, workspace-relative (`Courses/<id>`).
    public var courseFolder: String
    /// Which items become Things.
    public var selection: Selection = .things
    /// Whether posts and pages WordPress holds as drafts are imported too.
    public var includeDrafts = false
    /// The Thing numbers the course has already, with their ids, besides the ones this import writes.
    public var existingThings: [Int: String] = [:]
    /// The course's collections by lowercase title, with their ids.
    public var existingCollections: [String: String] = [:]
    /// Badge ids taken in the workspace by files this import did not write.
    public var takenBadgeIDs: Set<String> = []
    /// Reads a file of the uploads folder by its path inside it; nil when no uploads folder was given.
    public var uploads: (@Sendable (String) -> UploadedFile)?
    /// Downloads an https address (`--download`), for files the uploads folder does not have and
    /// pictures shown from other sites; nil when nothing may be downloaded.
    public var download: (@Sendable (String) -> UploadedFile)?

    /// Creates a request.
    public init(export: WXRExport, exportName: String, courseID: String, courseFolder: String) {
        self.export = export
        self.exportName = exportName
        self.courseID = courseID
        self.courseFolder = courseFolder
    }
}

/// A file of the uploads folder, as far as the import could read it.
public enum UploadedFile: Sendable, Hashable {
    /// The file's bytes.
    case bytes([UInt8])
    /// No such file.
    case missing
    /// Larger than a course may carry (its size in bytes).
    case tooLarge(Int)
    /// A download that failed, with why.
    case failed(String)
}

/// Everything one import writes, and its report. Paths are workspace-relative.
public struct ImportPlan: Sendable {
    /// One Thing file.
    public struct PlannedThing: Sendable, Hashable {
        /// `thing-05`.
        public var id: String
        /// 5.
        public var number: Int
        /// The file's path.
        public var path: String
        /// The file's text.
        public var text: String
        /// The WordPress item it came from (nil for a Thing that holds a gap in the numbering).
        public var itemID: Int?
    }

    /// One badge class, with what its starting art should say.
    public struct PlannedBadge: Sendable, Hashable {
        /// The badge id.
        public var id: String
        /// The badge file's path.
        public var path: String
        /// The badge file's text.
        public var text: String
        /// The art's path (`Badges/images/<id>.svg`), to be drawn when it does not exist.
        public var imagePath: String
        /// The art's label (the Thing number, or a collection's initials) and caption title.
        public var artLabel: String
        /// The title under the art.
        public var artTitle: String
    }

    /// One collection of the course.
    public struct PlannedCollection: Sendable, Hashable {
        /// The collection's id.
        public var id: String
        /// Its title.
        public var title: String
        /// Its badge's id.
        public var badge: String
        /// Its member Things' ids, in number order.
        public var things: [String]
        /// Whether the course has it already.
        public var exists: Bool
    }

    /// The Thing files, in number order.
    public var things: [PlannedThing] = []
    /// The badge classes.
    public var badges: [PlannedBadge] = []
    /// The collections the imported Things count towards.
    public var collections: [PlannedCollection] = []
    /// Other files (copied media, transcripts to write), by path.
    public var files: [(path: String, bytes: [UInt8])] = []
    /// The report.
    public var report: ImportReport
}
