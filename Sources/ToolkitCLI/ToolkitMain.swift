import ArgumentParser
import CourseModel

/// Runs the toolkit with arguments and returns the exit code; the executable is a call to this.
public enum ToolkitMain {
    /// Parses `arguments` (without the program name), runs the command in `environment`, and maps every
    /// outcome to the toolkit's exit codes: 0 clean, 1 findings or failure, 2 usage or I/O.
    public static func run(_ arguments: [String], environment: CommandEnvironment = .process) -> Int32 {
        CommandEnvironment.$current.withValue(environment) {
            do {
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
