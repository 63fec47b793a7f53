import ArgumentParser
import CourseLoader

/// The course argument every command shares: a course folder, a workspace, or nothing for the current workspace.
struct CourseSelectionOptions: ParsableArguments {
    @Argument(
        help: ArgumentHelp(
            "A course folder (Courses/<id>) or a workspace folder; default: every course of the workspace at or above the current folder.",
            valueName: "course-dir"))
    var path: String?

    /// The workspace and courses selected.
    func selection(in environment: CommandEnvironment) throws -> WorkspaceSelection {
        do {
            return try WorkspaceLocator.locate(
                path, currentDirectory: environment.currentDirectory, fileSystem: environment.fileSystem)
        } catch {
            throw CommandFailure.io(error.description)
        }
    }
}
