// View values the Mustache templates read. Text fields are plain text (the template escapes them);
// fields ending in `HTML` are already sanitised HTML.

/// A citation, ready to show.
struct CitationView: Sendable, Encodable {
    let id: String
    let html: String
    let notes: String?
}

/// A cover picture at the top of a page.
struct CoverView: Sendable, Encodable {
    let src: String
    let alt: String
    let width: Int?
    let height: Int?
}

/// A collection a badge counts towards.
struct CollectionView: Sendable, Encodable {
    let title: String
    let badgeName: String?
    let imagePath: String?
    let members: [ThingLinkView]
    /// Where each member Thing's status is kept in this browser, space-separated (the home page counts
    /// the members done).
    let memberStatusKeys: String
}

/// A Thing named on another page, linked when it is in the same package.
struct ThingLinkView: Sendable, Encodable {
    let label: String
    let href: String?
}

/// The Thing's badge.
struct BadgeView: Sendable, Encodable {
    let name: String
    let imagePath: String?
    let countsTowards: [CollectionView]
}

/// A prerequisite line.
struct PrerequisiteView: Sendable, Encodable {
    let label: String
    let href: String?
    let level: String
}

/// One classification category.
struct CategoryView: Sendable, Encodable {
    let activityID: String
    let id: String
    let label: String
    let index: Int
}

/// One item to sort.
struct ClassificationItemView: Sendable, Encodable {
    let activityID: String
    let id: String
    let text: String
    let index: Int
    let feedback: String?
    let expectedLabel: String
}

/// A classification activity.
struct ClassificationView: Sendable, Encodable {
    let categories: [CategoryView]
    let items: [ClassificationItemView]
    let resources: [CitationView]
}

/// A reflection activity.
struct ReflectionView: Sendable, Encodable {
    let guidingPoints: [String]
    let minWords: Int
}

/// An evidence step.
struct EvidenceView: Sendable, Encodable {
    let steps: [String]
    let applicationFormURL: String?
    let acceptsPortfolioLink: Bool
    let declaration: String
    let guides: [CitationView]
    let evidenceFrom: String?
}

/// One quiz option.
struct QuizOptionView: Sendable, Encodable {
    /// The radio or checkbox group's name, shared by a question's options.
    let groupName: String
    let index: Int
    let text: String
    let feedback: String?
}

/// One quiz question.
struct QuizQuestionView: Sendable, Encodable {
    let id: String
    let index: Int
    let text: String
    let inputType: String
    let options: [QuizOptionView]
}

/// A quiz activity.
struct QuizView: Sendable, Encodable {
    let questions: [QuizQuestionView]
    /// "To pass, answer at least 3 of the 4 questions correctly (75%)."
    let passMarkText: String
    /// What a static page (a Common Cartridge's), which scores nothing, says of the check.
    let selfCheckText: String
}

/// An explore activity.
struct ExploreView: Sendable, Encodable {
    let resources: [CitationView]
}

/// One choice of a scenario moment.
struct ScenarioChoiceView: Sendable, Encodable {
    let index: Int
    let text: String
    /// The title of the moment it leads to (for the cartridge's static version).
    let nextLabel: String
    let feedback: String?
}

/// One moment of a scenario.
struct ScenarioNodeView: Sendable, Encodable {
    let activityID: String
    let id: String
    let index: Int
    /// "Moment 1", … or "Ending 1", …
    let label: String
    let textHTML: String
    let isEnding: Bool
    let debriefHTML: String?
    let choices: [ScenarioChoiceView]
    /// Only the first moment shows before the script takes over.
    let isFirst: Bool
}

/// A scenario activity.
struct ScenarioView: Sendable, Encodable {
    let nodes: [ScenarioNodeView]
    /// "To pass, your path must earn at least 70% of the best path's points." when scored.
    let passMarkText: String?
}

/// One step of a sequence, where the page first shows it.
struct SequenceStepView: Sendable, Encodable {
    let activityID: String
    /// The step's index in the right order.
    let index: Int
    let text: String
    let feedback: String?
}

/// A sequence activity: its steps in the order the page first shows them.
struct SequenceView: Sendable, Encodable {
    let steps: [SequenceStepView]
    /// The steps in their right order (for the cartridge's static version).
    let rightOrder: [String]
}

/// One card.
struct RevealCardView: Sendable, Encodable {
    let activityID: String
    let index: Int
    let front: String
    let backHTML: String
    let selfCheck: Bool
}

/// A set of cards.
struct RevealView: Sendable, Encodable {
    let cards: [RevealCardView]
}

/// Any activity, with exactly one of the kind fields set.
struct ActivityView: Sendable, Encodable {
    let id: String
    let position: Int
    let title: String
    let kind: String
    let promptHTML: String
    let required: Bool
    let classification: ClassificationView?
    let reflection: ReflectionView?
    let evidence: EvidenceView?
    let quiz: QuizView?
    let explore: ExploreView?
    let scenario: ScenarioView?
    let sequence: SequenceView?
    let reveal: RevealView?
}

/// The licence line of the footer.
struct LicenceView: Sendable, Encodable {
    let name: String
    let url: String?
}

/// Everything the Thing page template shows.
struct ThingPageView: Sendable, Encodable {
    let language: String
    let courseTitle: String
    let indexHref: String?
    let assetsHref: String
    let number: Int
    let title: String
    let cover: CoverView?
    let aim: String
    let durationText: String?
    let outcomes: [String]
    let prerequisites: [PrerequisiteView]
    let badge: BadgeView?
    let bodyHTML: String
    let activities: [ActivityView]
    let hasRequiredActivities: Bool
    let resources: [CitationView]
    let references: [CitationView]
    let licence: LicenceView?
    let attribution: String
    let configJSON: String
    let generator: String
    /// The page in the hosted HTML site (a cartridge's pages link to it when a site URL is given).
    let onlineHref: String?
    /// The Things before and after this one in the package (the HTML site links them).
    let previous: ThingLinkView?
    let next: ThingLinkView?
    /// Whether there is a previous or a next Thing to link.
    let hasNeighbours: Bool
    /// The course colour, when the course sets one (validated as #RRGGBB).
    let accentColour: String?
    /// The organisation's logo in the header, when the course gives one.
    let logo: CoverView?
    /// Whether the Thing is a draft (only in a preview or a package built with `--include-drafts`).
    let isDraft: Bool
}

/// One Thing on the index page.
struct IndexThingView: Sendable, Encodable {
    let number: Int
    let title: String
    let href: String
    let aim: String
    let durationText: String?
    /// Where the page keeps the Thing's status in this browser (the home page shows it).
    let statusKey: String
    let badgeName: String?
    let badgeImagePath: String?
    let collections: [String]
    /// Whether the Thing is a draft (only in a preview or a package built with `--include-drafts`).
    let isDraft: Bool
}

/// A Thing on the programme map: where it leads, how long it takes, and where its status is kept.
struct MapStopView: Sendable, Encodable {
    let number: Int
    /// "Thing 2: Leadership / management?" (or "Thing 5" for an untitled draft).
    let label: String
    /// The Thing's page; nil when the Thing is not in this package.
    let href: String?
    let statusKey: String
    let durationText: String?
    let isDraft: Bool
    let cover: CoverView?
}

/// A part of the programme map: where to start, a pathway (a collection, with its progress and
/// badge), the Things in no pathway, or where to finish.
struct MapSectionView: Sendable, Encodable {
    /// Unique on the page, for the heading's id.
    let id: String
    let heading: String
    let intro: String?
    let stops: [MapStopView]
    /// A pathway's badge.
    let badgeName: String?
    let imagePath: String?
    /// A pathway's members' status keys, space-separated (the home page counts those done).
    let memberStatusKeys: String?
}

/// Everything the index template shows.
struct IndexPageView: Sendable, Encodable {
    let language: String
    let courseTitle: String
    let description: String
    let cover: CoverView?
    let things: [IndexThingView]
    let collections: [CollectionView]
    /// The programme map: where to start, the pathways, the Things in no pathway, where to finish
    /// (empty when the course has neither a start nor collections).
    let mapSections: [MapSectionView]
    let hasMap: Bool
    let licence: LicenceView?
    let attribution: String
    let assetsHref: String
    let generator: String
    /// The course colour, when the course sets one (validated as #RRGGBB).
    let accentColour: String?
    /// The organisation's logo in the header, when the course gives one.
    let logo: CoverView?
}
