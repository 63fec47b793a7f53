import ArgumentParser
import CourseLoader
import CourseModel
import CourseValidator

/// The workspace a building command works on, loaded and validated first: a command that builds
/// refuses when validation finds errors, printing them as `toolkit validate` would.
struct ValidatedWorkspace {
    /// The workspace and courses selected.
    let selection: WorkspaceSelection
    /// What loading read.
    let report: LoadReport

    /// Loads and validates the selection; prints the errors and exits 1 (2 for I/O) when there are any.
    init(_ courses: CourseSelectionOptions, in environment: CommandEnvironment, purpose: String) throws {
        selection = try courses.selection(in: environment)
        let (report, findings) = Validator().validateWorkspace(
            at: selection.root, courses: selection.courseFolders, fileSystem: environment.fileSystem)
        let errors = findings.filter { $0.severity == .error }
        if report.hadIOFailure || !errors.isEmpty {
            let display = PathDisplay(workspaceRoot: selection.root, currentDirectory: environment.currentDirectory)
            environment.standardError(
                TextReporter(useColor: environment.outputIsTerminal).render(
                    display.rebase(errors), filesChecked: report.filesRead))
            environment.standardError("error: fix the errors above \(purpose)\n")
            throw ExitCode(report.hadIOFailure ? ToolkitExitCode.usageOrIO : ToolkitExitCode.failure)
        }
        self.report = report
    }
}
