import CourseModel

/// Turns findings into text for one audience; reporters never decide exit codes.
public protocol FindingReporter: Sendable {
    /// The whole report for `findings` over `filesChecked` files.
    func render(_ findings: [Finding], filesChecked: Int) -> String
}

/// The output formats `toolkit validate --format` offers.
public enum ReportFormat: String, CaseIterable, Sendable {
    /// Compiler-style lines for people.
    case text
    /// One JSON array, for tools.
    case json
    /// GitHub Actions workflow commands, which annotate pull requests.
    case github
    /// SARIF 2.1.0, for code-scanning tools.
    case sarif

    /// The reporter for this format.
    public func reporter(useColor: Bool = false) -> any FindingReporter {
        switch self {
        case .text: TextReporter(useColor: useColor)
        case .json: JSONReporter()
        case .github: GitHubReporter()
        case .sarif: SARIFReporter()
        }
    }
}

/// Counting words for summaries: "1 error", "2 errors".
func counted(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
}
