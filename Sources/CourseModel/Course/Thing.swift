/// One self-study unit of a course, from a Markdown file with YAML front matter.
public struct Thing: Sendable {
    /// Stable id of our own, such as `thing-02`.
    public var id: String
    /// Position in the programme, 1…N.
    public var number: Int
    /// The page title (may differ from the badge name).
    public var title: String
    /// Draft or published.
    public var status: ThingStatus
    /// The Thing's badge class in `Badges/`.
    public var badge: Reference?
    /// Collections this Thing counts towards.
    public var countsTowards: [Reference]
    /// Estimated time to complete, in minutes.
    public var durationMinutes: Int?
    /// What the Thing sets out to do, in a sentence or two.
    public var aim: String
    /// What a learner can do afterwards.
    public var outcomes: [String]
    /// The Thing's cover picture, if it has one.
    public var cover: Cover?
    /// Other Things or external badges to take first.
    public var prerequisites: [Prerequisite]
    /// Activities, in order.
    public var activities: [Activity]
    /// Ids of activities written in the file that could not be read (an unknown `type`, a missing
    /// field the loader reported): references to them are not reported again.
    public var unreadableActivityIDs: [String] = []
    /// Readings and sources.
    public var resources: [Resource]
    /// Resource ids cited as references, in citation order.
    public var references: [Reference]
    /// The whole Markdown body after the front matter.
    public var body: MarkdownText
    /// Path of the file, relative to the workspace root.
    public var file: String
    /// Where each front-matter field was written.
    public var fields: FieldLocations
    /// A hash of the whole file's text as it was read (0 when not read from a file), valid within one
    /// process: what a preview compares to know a Thing is unchanged since its last check.
    public var sourceDigest: Int = 0

    /// Creates a Thing.
    public init(
        id: String, number: Int, title: String, status: ThingStatus, badge: Reference? = nil,
        countsTowards: [Reference] = [], durationMinutes: Int? = nil, aim: String = "", outcomes: [String] = [],
        cover: Cover? = nil,
        prerequisites: [Prerequisite] = [],
        activities: [Activity] = [], resources: [Resource] = [], references: [Reference] = [],
        body: MarkdownText, file: String, fields: FieldLocations
    ) {
        self.id = id
        self.number = number
        self.title = title
        self.status = status
        self.badge = badge
        self.countsTowards = countsTowards
        self.durationMinutes = durationMinutes
        self.aim = aim
        self.outcomes = outcomes
        self.cover = cover
        self.prerequisites = prerequisites
        self.activities = activities
        self.resources = resources
        self.references = references
        self.body = body
        self.file = file
        self.fields = fields
    }

    /// The resource with this id, if any.
    public func resource(id: String) -> Resource? { resources.first { $0.id == id } }

    /// The activity with this id, if any.
    public func activity(id: String) -> Activity? { activities.first { $0.id == id } }

    /// The quizzes of the Thing, its scored activities.
    public var quizzes: [Quiz] {
        activities.compactMap { activity in
            if case .quiz(let quiz) = activity.content { return quiz }
            return nil
        }
    }

    /// The pass mark an LMS may judge the Thing's score by (SCORM 1.2 `masteryscore`, 2004
    /// `minNormalizedMeasure`): the quiz's, when the Thing has exactly one. With several quizzes the
    /// Thing is passed when each is, and no single mark describes that, so none is declared.
    public var passMark: Double? { quizzes.count == 1 ? quizzes[0].passingScore : nil }

    /// How lists, manifests and pages name the Thing: "Thing 2: Leadership / management?" ("Thing 2"
    /// while it has no title). The one place this label is spelt.
    public var label: String { title.isEmpty ? "Thing \(number)" : "Thing \(number): \(title)" }
}

extension Thing {
    /// The folder of the Thing's file, workspace-relative: what its relative links start from.
    public var folder: String { String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)]) }

    /// Feeds `hasher` what other Things' pages and checks show of this Thing (its outline): its id,
    /// file, number, title, status, badge and collections. The preview's kept checks and pages are
    /// keyed by it: changing any of these re-checks and re-renders what names the Thing.
    public func hashOutline(into hasher: inout Hasher) {
        hasher.combine(id)
        hasher.combine(file)
        hasher.combine(number)
        hasher.combine(title)
        hasher.combine(status)
        hasher.combine(badge?.id)
        hasher.combine(countsTowards.map(\.id))
    }
}
