import ArgumentParser

/// The root command: `toolkit <subcommand>`.
public struct Toolkit: ParsableCommand {
    /// Names the subcommands and the tool.
    public static let configuration = CommandConfiguration(
        commandName: "toolkit",
        abstract: "Write course content once as plain text; validate it and ship it to LMSs and badge platforms.",
        version: "0.1.0",
        subcommands: [
            ValidateCommand.self, PackageCommand.self, PreviewCommand.self, BadgesCommand.self, NewCommand.self,
            SchemaCommand.self,
            RulesCommand.self, ImportCommand.self,
        ])

    /// Creates the command.
    public init() {}
}
