import CourseModel

/// Compiler-style output: `path:line:col: error: message [rule-id]`, a hint line, and a summary.
public struct TextReporter: FindingReporter {
    /// Whether to colour severities (only on a terminal).
    public var useColor: Bool
    /// The findings the summary line counts, when the lines shown are fewer (folded or quiet); nil to
    /// count the lines shown.
    public var summarising: [Finding]?

    /// Creates a reporter.
    public init(useColor: Bool = false, summarising: [Finding]? = nil) {
        self.useColor = useColor
        self.summarising = summarising
    }

    /// The findings, one per line with an optional hint line, then the summary line.
    public func render(_ findings: [Finding], filesChecked: Int) -> String {
        var lines: [String] = []
        for finding in findings {
            let severity = paint(finding.severity.rawValue, finding.severity == .error ? "1;31" : "1;35")
            // What a file says is printed escaped: no input can recolour the terminal or forge a line.
            let location = TerminalText.escaped(finding.location.description)
            lines.append("\(location): \(severity): \(TerminalText.escaped(finding.message)) [\(finding.ruleID)]")
            if let hint = finding.hint { lines.append("    hint: \(TerminalText.escaped(hint))") }
        }
        lines.append(Self.summary(summarising ?? findings, filesChecked: filesChecked))
        return lines.joined(separator: "\n") + "\n"
    }

    /// "2 errors, 5 warnings in 24 files", or "no problems in 24 files".
    public static func summary(_ findings: [Finding], filesChecked: Int) -> String {
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        let files = counted(filesChecked, "file")
        if findings.isEmpty { return "no problems in \(files)" }
        return "\(counted(errors, "error")), \(counted(warnings, "warning")) in \(files)"
    }

    private func paint(_ text: String, _ code: String) -> String {
        useColor ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
    }
}
