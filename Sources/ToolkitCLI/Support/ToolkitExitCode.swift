import ArgumentParser

/// The toolkit's exit codes, the same for every command.
public enum ToolkitExitCode {
    /// Nothing wrong.
    public static let success: Int32 = 0
    /// Findings that block, or a build that failed.
    public static let failure: Int32 = 1
    /// Wrong arguments, or files and folders that cannot be read or written.
    public static let usageOrIO: Int32 = 2
}

/// An error that ends a command with a message and an exit code.
struct CommandFailure: Error, CustomStringConvertible {
    /// What to tell the user.
    var message: String
    /// The exit code.
    var code: Int32

    var description: String { message }

    /// A failure to read or write, or a bad path (exit 2).
    static func io(_ message: String) -> CommandFailure { CommandFailure(message: message, code: ToolkitExitCode.usageOrIO) }
}
