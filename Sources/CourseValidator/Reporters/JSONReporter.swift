import CourseModel
import Foundation

/// One JSON array of findings: file, line, column, severity, rule, message, hint.
public struct JSONReporter: FindingReporter {
    private struct Entry: Encodable {
        var file: String
        var line: Int
        var column: Int
        var severity: String
        var rule: String
        var message: String
        var hint: String?
    }

    /// Creates a reporter.
    public init() {}

    /// The findings as a pretty-printed JSON array with sorted keys.
    public func render(_ findings: [Finding], filesChecked: Int) -> String {
        let entries = findings.map {
            Entry(
                file: $0.location.file, line: $0.location.line, column: $0.location.column, severity: $0.severity.rawValue,
                rule: $0.ruleID, message: $0.message, hint: $0.hint)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(entries)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
