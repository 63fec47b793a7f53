/// One problem found in a workspace: what rule saw it, where, and how to fix it.
public struct Finding: Hashable, Sendable {
    /// The stable id of the rule that produced it, such as `badge-reference-resolves`.
    public var ruleID: String
    /// How much it matters.
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// Where it is wrong.
    public var location: SourceLocation
    /// How to fix it, when a fix is known ("did you mean `countsTowards`?").
    public var hint: String?

    /// Creates a finding.
    public init(ruleID: String, severity: Severity, message: String, location: SourceLocation, hint: String? = nil) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.location = location
        self.hint = hint
    }
}

extension Finding: Comparable {
    /// Orders by location, then rule id, so output is stable.
    public static func < (lhs: Finding, rhs: Finding) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        if lhs.ruleID != rhs.ruleID { return lhs.ruleID < rhs.ruleID }
        return lhs.message < rhs.message
    }
}
