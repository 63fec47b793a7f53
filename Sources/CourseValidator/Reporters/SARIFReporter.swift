import CourseModel
import Foundation

/// SARIF 2.1.0, the format code-scanning tools (GitHub code scanning among them) read: one run, the
/// rules it used with their summaries, and a result per finding with its file, line and column.
public struct SARIFReporter: FindingReporter {
    /// Creates a reporter.
    public init() {}

    /// The SARIF log as pretty-printed JSON.
    public func render(_ findings: [Finding], filesChecked: Int) -> String {
        let ruleIDs = Array(Set(findings.map(\.ruleID))).sorted()
        let rules: [[String: Any]] = ruleIDs.map { id in
            var rule: [String: Any] = ["id": id]
            if let description = RuleRegistry.rule(id: id)?.description {
                rule["name"] = description.name
                rule["shortDescription"] = ["text": description.summary]
                rule["defaultConfiguration"] = ["level": description.severity == .error ? "error" : "warning"]
            }
            return rule
        }
        let results: [[String: Any]] = findings.map { finding in
            var message = finding.message
            if let hint = finding.hint { message += " (hint: \(hint))" }
            return [
                "ruleId": finding.ruleID, "ruleIndex": ruleIDs.firstIndex(of: finding.ruleID) ?? 0,
                "level": finding.severity == .error ? "error" : "warning", "message": ["text": message],
                "locations": [
                    [
                        "physicalLocation": [
                            "artifactLocation": ["uri": finding.location.file],
                            "region": [
                                "startLine": max(finding.location.line, 1), "startColumn": max(finding.location.column, 1),
                            ],
                        ]
                    ]
                ],
            ]
        }
        let log: [String: Any] = [
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json", "version": "2.1.0",
            "runs": [
                [
                    "tool": ["driver": ["name": "Course Toolkit", "rules": rules]],
                    "results": results,
                ]
            ],
        ]
        let data = (try? JSONSerialization.data(withJSONObject: log, options: [.prettyPrinted, .sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
