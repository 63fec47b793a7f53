import CourseModel

/// What a rule is: its stable id, what it checks, how much it matters, and examples that prove it.
public struct RuleDescription: Sendable {
    /// Stable kebab-case id, such as `badge-reference-resolves`.
    public var id: String
    /// Short human name.
    public var name: String
    /// One sentence saying what the rule checks.
    public var summary: String
    /// Severity of its findings.
    public var severity: Severity
    /// Workspaces the rule must flag, with `↓` marking each expected position.
    public var triggeringExamples: [RuleExample]
    /// Workspaces the rule must accept.
    public var nonTriggeringExamples: [RuleExample]
    /// How many warnings of this rule read as one line when folded ("22 Things are drafts…"); nil for
    /// the generic wording.
    public var foldedSummary: (@Sendable (Int) -> String)?

    /// Creates a description.
    public init(
        id: String, name: String, summary: String, severity: Severity = .error,
        triggeringExamples: [RuleExample], nonTriggeringExamples: [RuleExample] = [.unchanged],
        foldedSummary: (@Sendable (Int) -> String)? = nil
    ) {
        self.foldedSummary = foldedSummary
        self.id = id
        self.name = name
        self.summary = summary
        self.severity = severity
        self.triggeringExamples = triggeringExamples
        self.nonTriggeringExamples = nonTriggeringExamples
    }
}
