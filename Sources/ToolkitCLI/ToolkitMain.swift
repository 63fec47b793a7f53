import ArgumentParser
import CourseModel

/// Runs the toolkit with arguments and returns the exit code; the executable is a call to this.
public enum ToolkitMain {
    /// Parses `arguments` (without the program name), runs the command in `environment`, and maps every
    /// outcome to the toolkit's exit codes: 0 clean, 1 findings or failure, 2 usage or I/O.
    public static func run(_ arguments: [String], environment: CommandEnvironment = .process) -> Int32 {
        CommandEnvironment.$current.withValue(environment) {
            do {
                // swift-argument-parser answers `--version` wherever it stands: `package --scorm
                // --version 2004` would print the toolkit's version and build nothing, exit 0.
                if arguments.count > 1, let position = arguments.firstIndex(of: "--version"), position > 0,
                    !arguments[..<position].contains("--")
                {
                    let hint = arguments.first == "package" ? " (for the SCORM version, `--scorm-version 2004`)" : ""
                    throw CommandFailure(
                        message: "`--version` belongs to `toolkit` itself (`toolkit --version`), not to a command\(hint)",
                        code: ToolkitExitCode.usageOrIO)
                }
                var command = try Toolkit.parseAsRoot(arguments)
                try command.run()
                return ToolkitExitCode.success
            } catch let failure as CommandFailure {
                environment.standardError("error: \(TerminalText.escaped(failure.message))\n")
                return failure.code
            } catch let exit as ExitCode {
                return exit.rawValue
            } catch {
                let code = Toolkit.exitCode(for: error)
                let message = Toolkit.fullMessage(for: error)
                if code == .success {
                    environment.standardOutput(message + "\n")
                    return ToolkitExitCode.success
                }
                environment.standardError(message + "\n")
                return code == .validationFailure ? ToolkitExitCode.usageOrIO : code.rawValue
            }
        }
    }
}
