/// The rule reference, written from the rules' own descriptions so it cannot drift from the code.
public enum RuleDocumentation {
    /// A Markdown table: id, severity, summary.
    public static func markdownTable() -> String {
        var lines = ["| rule | severity | what it checks |", "| --- | --- | --- |"]
        for rule in RuleRegistry.all {
            let description = rule.description
            lines.append("| `\(description.id)` | \(description.severity.rawValue) | \(description.summary.replacingPipes()) |")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line per rule for a terminal.
    public static func plainList() -> String {
        let width = RuleRegistry.all.map { $0.description.id.count }.max() ?? 0
        return RuleRegistry.all.map { rule in
            let description = rule.description
            let padding = String(repeating: " ", count: width - description.id.count)
            return "\(description.id)\(padding)  \(description.severity.rawValue.padding(7))  \(description.summary)"
        }.joined(separator: "\n") + "\n"
    }
}

extension String {
    fileprivate func replacingPipes() -> String {
        split(separator: "|", omittingEmptySubsequences: false).joined(separator: "\\|")
    }

    fileprivate func padding(_ width: Int) -> String {
        self + String(repeating: " ", count: max(0, width - count))
    }
}
