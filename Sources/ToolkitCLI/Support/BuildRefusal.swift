import ArgumentParser
import CourseBuild
import CourseLoader
import CourseModel
import CourseValidator

/// A building command's refusal of a checked workspace with errors: they are printed as `toolkit
/// validate` prints them, and the command exits 1 (2 when a file could not be read).
enum BuildRefusal {
    /// Prints the errors of `checked` and throws the exit code when it cannot be built from.
    static func refuseUnlessBuildable(
        _ checked: CheckedWorkspace, in environment: CommandEnvironment, purpose: String
    ) throws {
        guard !checked.isBuildable else { return }
        let display = PathDisplay(workspaceRoot: checked.selection.root, currentDirectory: environment.currentDirectory)
        environment.standardError(
            TextReporter(useColor: environment.outputIsTerminal).render(
                display.rebase(checked.errors), filesChecked: checked.report.filesRead))
        environment.standardError("error: fix the errors above \(purpose)\n")
        throw ExitCode(checked.report.hadIOFailure ? ToolkitExitCode.usageOrIO : ToolkitExitCode.failure)
    }
}
