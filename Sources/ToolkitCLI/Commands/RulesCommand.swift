import ArgumentParser
import CourseValidator

/// `toolkit rules`: the rule reference, generated from the rules' own descriptions.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules", abstract: "List every validation rule with its id, severity and summary.")

    @Flag(help: "Print a Markdown table (the README's rule list).")
    var markdown = false

    func run() throws {
        let environment = CommandEnvironment.current
        environment.standardOutput(markdown ? RuleDocumentation.markdownTable() : RuleDocumentation.plainList())
    }
}
