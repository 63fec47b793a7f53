import CourseModel

/// GitHub Actions workflow commands: each finding becomes an annotation on the pull request.
public struct GitHubReporter: FindingReporter {
    /// Creates a reporter.
    public init() {}

    /// One `::error file=…,line=…,col=…,title=…::message` line per finding, then a notice with the summary.
    public func render(_ findings: [Finding], filesChecked: Int) -> String {
        var lines = findings.map { finding in
            let command = finding.severity == .error ? "error" : "warning"
            let properties = [
                "file=\(Self.escapeProperty(TerminalText.escaped(finding.location.file)))", "line=\(finding.location.line)",
                "col=\(finding.location.column)", "title=\(Self.escapeProperty(finding.ruleID))",
            ].joined(separator: ",")
            var message = TerminalText.escaped(finding.message)
            if let hint = finding.hint { message += "\nhint: \(TerminalText.escaped(hint))" }
            return "::\(command) \(properties)::\(Self.escapeData(message))"
        }
        lines.append("::notice::\(Self.escapeData(TextReporter.summary(findings, filesChecked: filesChecked)))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// Escapes a message as the runner expects.
    static func escapeData(_ text: String) -> String {
        text.replacingAll("%", "%25").replacingAll("\r", "%0D").replacingAll("\n", "%0A")
    }

    /// Escapes a property value, which also may not hold `:` or `,`.
    static func escapeProperty(_ text: String) -> String {
        escapeData(text).replacingAll(":", "%3A").replacingAll(",", "%2C")
    }
}

extension String {
    fileprivate func replacingAll(_ target: String, _ replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
