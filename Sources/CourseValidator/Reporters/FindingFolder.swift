import CourseModel

/// Keeps a report short where it helps: many warnings of one rule become one line with a count
/// ("22 Things are drafts and left out of packages; --verbose lists them"), errors are never folded.
public enum FindingFolder {
    /// How many warnings of one rule are shown one by one; more are folded.
    public static let threshold = 3

    /// `findings` with each rule's warnings folded into one finding, at the first of them, when there
    /// are more than `threshold`.
    public static func fold(_ findings: [Finding]) -> [Finding] {
        var counts: [String: Int] = [:]
        for finding in findings where finding.severity == .warning { counts[finding.ruleID, default: 0] += 1 }
        var folded = Set<String>()
        return findings.compactMap { finding in
            guard finding.severity == .warning, let count = counts[finding.ruleID], count > threshold else { return finding }
            guard folded.insert(finding.ruleID).inserted else { return nil }
            let summary =
                RuleRegistry.rule(id: finding.ruleID)?.description.foldedSummary?(count)
                ?? "\(count) warnings like this one: \(finding.message)"
            return Finding(
                ruleID: finding.ruleID, severity: .warning, message: summary + "; --verbose lists them",
                location: finding.location,
                hint: finding.hint)
        }
    }
}
