/// How much a finding matters: errors block packaging, warnings do not (unless `--strict`).
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    /// The course cannot be shipped as it is.
    case error
    /// Worth fixing; shipping still works.
    case warning

    /// Errors sort before warnings.
    public static func < (lhs: Severity, rhs: Severity) -> Bool {
        lhs == .error && rhs == .warning
    }
}
