import CourseModel

/// What loading a workspace produced: the model, the problems met while reading, and how much was read.
public struct LoadReport: Sendable {
    /// The workspace as far as it could be read.
    public var workspace: Workspace
    /// Problems found while reading files.
    public var findings: [Finding]
    /// How many files were read.
    public var filesRead: Int
    /// Whether some file or folder could not be read at all (exit code 2).
    public var hadIOFailure: Bool

    /// Creates a report.
    public init(workspace: Workspace, findings: [Finding], filesRead: Int, hadIOFailure: Bool) {
        self.workspace = workspace
        self.findings = findings
        self.filesRead = filesRead
        self.hadIOFailure = hadIOFailure
    }
}
