import CourseLoader
import FileAccess
import Foundation

/// What a command needs from the world: where it runs, where it writes, and whether a person is watching.
/// The executable uses the real process; tests pass their own to capture output.
public struct CommandEnvironment: Sendable {
    /// The folder relative paths start from.
    public var currentDirectory: String
    /// Writes to standard output.
    public var standardOutput: @Sendable (String) -> Void
    /// Writes to standard error.
    public var standardError: @Sendable (String) -> Void
    /// Whether standard output is a terminal (colour and progress only then).
    public var outputIsTerminal: Bool
    /// The file system the workspace is read from.
    public var fileSystem: any FileSystem
    /// The environment variables a command may read (`COURSE_TOOLKIT_SCHEMAS`).
    public var variables: [String: String]

    /// Creates an environment.
    public init(
        currentDirectory: String, standardOutput: @escaping @Sendable (String) -> Void,
        standardError: @escaping @Sendable (String) -> Void, outputIsTerminal: Bool, fileSystem: any FileSystem,
        variables: [String: String] = [:]
    ) {
        self.currentDirectory = currentDirectory
        self.standardOutput = standardOutput
        self.standardError = standardError
        self.outputIsTerminal = outputIsTerminal
        self.fileSystem = fileSystem
        self.variables = variables
    }

    /// The running process's environment.
    public static var process: CommandEnvironment {
        CommandEnvironment(
            currentDirectory: FileManager.default.currentDirectoryPath,
            standardOutput: { FileHandle.standardOutput.write(Data($0.utf8)) },
            standardError: { FileHandle.standardError.write(Data($0.utf8)) },
            outputIsTerminal: isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil,
            fileSystem: DiskFileSystem(), variables: ProcessInfo.processInfo.environment)
    }

    /// `path` made absolute against the current folder.
    public func absolutePath(_ path: String) -> String {
        URL(fileURLWithPath: path, relativeTo: URL(fileURLWithPath: currentDirectory, isDirectory: true)).standardizedFileURL.path
    }

    /// The environment commands run in; set by `ToolkitMain.run`.
    @TaskLocal public static var current: CommandEnvironment = .process
}
