/// How the learner submits evidence for the badge.
public struct EvidenceSubmission: Hashable, Sendable {
    /// The steps, in order.
    public var steps: [String]
    /// The badge application form, when one is configured.
    public var applicationFormURL: String?
    /// Whether a link to the learner's own blog or ePortfolio entry is accepted.
    public var acceptsPortfolioLink: Bool
    /// How many days the issuer may take to assess an application, when the course says.
    public var assessmentDays: Int?
    /// The declaration the applicant signs.
    public var declaration: String
    /// The activity whose output is the evidence (usually the reflection).
    public var evidenceFrom: Reference?
    /// Supporting guides, by resource id.
    public var guides: [Reference]

    /// Creates an evidence step.
    public init(
        steps: [String], applicationFormURL: String? = nil, acceptsPortfolioLink: Bool = true, assessmentDays: Int? = nil,
        declaration: String, evidenceFrom: Reference? = nil, guides: [Reference] = []
    ) {
        self.assessmentDays = assessmentDays
        self.steps = steps
        self.applicationFormURL = applicationFormURL
        self.acceptsPortfolioLink = acceptsPortfolioLink
        self.declaration = declaration
        self.evidenceFrom = evidenceFrom
        self.guides = guides
    }
}
