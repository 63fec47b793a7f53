import CourseLoader
import CourseMarkdown
import CourseModel
import FileAccess
import ToolkitSupport

/// Runs every rule over a loaded workspace and merges the findings with the loader's.
public struct Validator: Sendable {
    /// The rules to run.
    public let rules: [any Rule.Type]

    /// Creates a validator running `rules` (every registered rule by default).
    public init(rules: [any Rule.Type] = RuleRegistry.all) {
        self.rules = rules
    }

    /// All findings for the loaded workspace, sorted by file, line and column, without repeats.
    public func validate(_ report: LoadReport, fileSystem: any FileSystem) -> [Finding] {
        check(report, fileSystem: fileSystem).findings
    }

    /// The findings for the loaded workspace, and the context the rules saw (each Thing's parsed body,
    /// the inspected media), which the steps after validation reuse instead of reading it all again.
    public func check(
        _ report: LoadReport, fileSystem: any FileSystem, markdown: ParsedMarkdownCache = ParsedMarkdownCache(),
        memory: ValidationMemory = .none
    ) -> (findings: [Finding], context: ValidationContext) {
        memory.beginCheck()
        let context = ValidationContext(
            workspace: report.workspace, fileSystem: fileSystem, loaderErrors: report.findings, markdown: markdown,
            memory: memory)
        // Rules are independent of each other: run them across the cores.
        let ruleFindings = ParallelMap.map(rules.map(RuleBox.init)) { box in box.rule.init().check(context) }
        // A rule's finding at the very place the loader already reported (a value of the wrong type,
        // read as its default) is a knock-on of that finding, as rustc and swiftc suppress theirs.
        let findings = report.findings + ruleFindings.flatMap { $0 }.filter { !context.isLoaderError(at: $0.location) }
        memory.keepOnly(thingFiles: Set(context.things.map(\.thing.file)))
        // The parsed documents are the largest thing a run builds; a process about to exit keeps them.
        ProcessLifetime.keep(context)
        var seen = Set<Finding>()
        return (findings.sorted().filter { seen.insert($0).inserted }, context)
    }
}

/// A rule type that can cross threads (rule types are immutable metadata).
private struct RuleBox: @unchecked Sendable {
    let rule: any Rule.Type
}
