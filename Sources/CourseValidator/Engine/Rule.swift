import CourseModel

/// A validation rule: a small type that describes itself and turns a workspace into findings.
public protocol Rule: Sendable {
    /// The rule's id, summary, severity and examples.
    static var description: RuleDescription { get }
    /// Creates the rule.
    init()
    /// The findings for the workspace in `context`. Rules never print.
    func check(_ context: ValidationContext) -> [Finding]
}

/// A rule the loader enforces while it reads files; it is described and tested like any other.
public protocol LoaderEnforcedRule: Rule {}

extension LoaderEnforcedRule {
    /// Loader rules find nothing after loading: their findings come from the loader.
    public func check(_ context: ValidationContext) -> [Finding] { [] }
}

extension Rule {
    /// A finding of this rule at its default severity.
    public func finding(_ message: String, at location: SourceLocation, hint: String? = nil) -> Finding {
        Finding(
            ruleID: Self.description.id, severity: Self.description.severity, message: message, location: location, hint: hint)
    }
}
