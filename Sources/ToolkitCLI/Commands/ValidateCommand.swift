import ArgumentParser
import CourseBuild
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

    @Option(help: "Output format: text (compiler style), json (one array), github (Actions annotations), sarif (code scanning).")
    var format: ReportFormatArgument = .text

    @Flag(help: "Treat warnings as errors for the exit status.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Report errors only.")
    var quiet = false

    @Flag(name: .shortAndLong, help: "List every warning (text output folds more than 3 of one rule into one line).")
    var verbose = false

    func run() throws {
        let environment = CommandEnvironment.current
        // A file selects its workspace and is the only file reported on (the workspace is still checked whole,
        // since references cross files).
        var onlyFile: String?
        var selection: WorkspaceSelection
        if let path = courses.path, environment.fileSystem.isFile(environment.absolutePath(path)) {
            let file = environment.absolutePath(path)
            let folder = String(file[..<(file.lastIndex(of: "/") ?? file.startIndex)])
            do {
                selection = try WorkspaceLocator.locate(nil, currentDirectory: folder, fileSystem: environment.fileSystem)
            } catch {
                throw CommandFailure.io(error.description)
            }
            selection.courseFolders = nil
            onlyFile = String(file.dropFirst(selection.root.count + 1))
        } else {
            selection = try courses.selection(in: environment)
        }
        let checked = CheckedWorkspace.check(selection, fileSystem: environment.fileSystem)
        let (report, all) = (checked.report, checked.findings)
        let selected = onlyFile.map { file in all.filter { $0.location.file == file } } ?? all
        let blocking = selected.filter { $0.severity == .error || strict }
        var shown = quiet ? selected.filter { $0.severity == .error } : selected
        if format == .text && !verbose { shown = FindingFolder.fold(shown) }
        let display = PathDisplay(workspaceRoot: selection.root, currentDirectory: environment.currentDirectory)
        let reporter: any FindingReporter =
            format == .text
            ? TextReporter(useColor: environment.outputIsTerminal, summarising: display.rebase(selected))
            : format.format.reporter()
        environment.standardOutput(reporter.render(display.rebase(shown), filesChecked: report.filesRead))
        if report.hadIOFailure { throw ExitCode(ToolkitExitCode.usageOrIO) }
        if !blocking.isEmpty { throw ExitCode(ToolkitExitCode.failure) }
    }
}

/// `--format` values.
enum ReportFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case text, json, github, sarif

    /// The reporter format.
    var format: ReportFormat { ReportFormat(rawValue: rawValue)! }
}
