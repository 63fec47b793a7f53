import ArgumentParser
import CourseLoader
import CourseModel
import CourseValidator

/// `toolkit validate`: every problem in the course files, reported like a compiler.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check course and badge files and report every problem with file, line, column and rule id.",
        discussion: """
            Exit status: 0 when there are no errors (warnings allowed unless --strict), 1 when there are errors, \
            2 when a folder or file cannot be read or the arguments are wrong.
            """)

    @OptionGroup var courses: CourseSelectionOptions

    @Option(help: "Output format: text (compiler style), json (one array), github (Actions annotations).")
    var format: ReportFormatArgument = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    func run() throws {
        let environment = CommandEnvironment.current
        let selection = try courses.selection(in: environment)
        let (report, findings) = Validator().validateWorkspace(
            at: selection.root, courses: selection.courseFolders, fileSystem: environment.fileSystem)
        let display = PathDisplay(workspaceRoot: selection.root, currentDirectory: environment.currentDirectory)
        let reporter = format.format.reporter(useColor: environment.outputIsTerminal && format == .text)
        environment.standardOutput(reporter.render(display.rebase(findings), filesChecked: report.filesRead))
        if report.hadIOFailure { throw ExitCode(ToolkitExitCode.usageOrIO) }
        let blocking = findings.filter { $0.severity == .error || strict }
        if !blocking.isEmpty { throw ExitCode(ToolkitExitCode.failure) }
    }
}

/// `--format` values.
enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text, json, github

    /// The reporter format.
    var format: ReportFormat { ReportFormat(rawValue: rawValue)! }
}
