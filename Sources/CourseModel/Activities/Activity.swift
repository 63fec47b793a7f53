/// Something the learner does on a Thing's page, as structured data.
public struct Activity: Hashable, Sendable {
    /// The activity's kind and the data that kind needs.
    public enum Content: Hashable, Sendable {
        /// Sort items into categories.
        case classification(Classification)
        /// Write a reflective statement.
        case reflection(Reflection)
        /// Submit evidence for the badge.
        case evidence(EvidenceSubmission)
        /// Answer questions with feedback and a score.
        case quiz(Quiz)
        /// Use one or more resources with a prompt.
        case explore(Exploration)
        /// Find a way through a branching situation.
        case scenario(Scenario)
        /// Put steps in order.
        case sequence(OrderedSteps)
        /// Turn cards to see their backs.
        case reveal(Reveal)
    }

    /// Id unique within its Thing, such as `sort-activities`.
    public var id: String
    /// Heading shown above the activity.
    public var title: String
    /// What the learner is asked to do (Markdown).
    public var prompt: String
    /// Whether the Thing counts as complete only once this activity is done.
    public var isRequired: Bool
    /// The kind-specific data.
    public var content: Content
    /// Where it was written.
    public var fields: FieldLocations

    /// Creates an activity.
    public init(id: String, title: String, prompt: String, isRequired: Bool = true, content: Content, fields: FieldLocations) {
        self.id = id
        self.title = title
        self.prompt = prompt
        self.isRequired = isRequired
        self.content = content
        self.fields = fields
    }

    /// The kind's name as written in files: `classification`, `reflection`, `evidence`, `quiz`, `explore`, `scenario`, `sequence`, `reveal`.
    public var kindName: String {
        switch content {
        case .classification: "classification"
        case .reflection: "reflection"
        case .evidence: "evidence"
        case .quiz: "quiz"
        case .explore: "explore"
        case .scenario: "scenario"
        case .sequence: "sequence"
        case .reveal: "reveal"
        }
    }

    /// Resources the activity points at, whatever its kind.
    public var resourceReferences: [Reference] {
        switch content {
        case .classification(let classification): classification.resources
        case .explore(let exploration): exploration.resources
        default: []
        }
    }
}
