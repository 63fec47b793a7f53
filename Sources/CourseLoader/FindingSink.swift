import CourseModel

/// Collects findings while files are read. One sink per thread of work; sinks are merged after.
final class FindingSink {
    /// Findings so far, in the order they were found.
    private(set) var findings: [Finding] = []
    /// Whether a file or folder could not be read at all.
    private(set) var hadIOFailure = false
    /// How many files were read.
    var filesRead = 0

    /// Takes over everything another sink collected.
    func merge(_ other: FindingSink) {
        findings += other.findings
        hadIOFailure = hadIOFailure || other.hadIOFailure
        filesRead += other.filesRead
    }

    /// Records an error.
    func error(_ ruleID: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        findings.append(Finding(ruleID: ruleID, severity: .error, message: message, location: location, hint: hint))
    }

    /// Records a warning.
    func warning(_ ruleID: String, _ message: String, at location: SourceLocation, hint: String? = nil) {
        findings.append(Finding(ruleID: ruleID, severity: .warning, message: message, location: location, hint: hint))
    }

    /// Records a finding already made (from a cache).
    func record(_ finding: Finding) {
        findings.append(finding)
    }

    /// Records a failure to read a file or folder.
    func ioFailure(_ message: String, at location: SourceLocation, hint: String? = nil) {
        hadIOFailure = true
        error(LoaderRuleID.fileReadable, message, at: location, hint: hint)
    }
}
