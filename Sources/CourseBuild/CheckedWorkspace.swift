import CourseLoader
import CourseMarkdown
import CourseMedia
import CourseModel
import CourseValidator
import FileAccess
import ToolkitSupport

/// A workspace loaded and validated once per run, with what the check learnt that the jobs after it
/// reuse: the model, every finding, each Thing's parsed Markdown and the inspected media. `package`,
/// `badges` and the preview all start from one of these; none reads or parses the workspace again.
public struct CheckedWorkspace: Sendable {
    /// The workspace and the courses selected.
    public let selection: WorkspaceSelection
    /// What loading read.
    public let report: LoadReport
    /// Every finding of the loader and the rules, sorted, without repeats.
    public let findings: [Finding]
    /// Each Thing's body, parsed once.
    public let markdown: ParsedMarkdownCache
    /// The media Things name, each inspected once.
    public let media: MediaFiles

    /// Loads the selected courses of the workspace from `fileSystem` and validates them. `thingCache`
    /// and `markdown` (a long-running preview keeps them between edits) skip the files and bodies
    /// whose text has not changed; `memory` skips the checks of Things whose file and outline have not.
    public static func check(
        _ selection: WorkspaceSelection, fileSystem: any FileSystem, thingCache: ParsedThingCache? = nil,
        markdown: ParsedMarkdownCache = ParsedMarkdownCache(), memory: ValidationMemory = .none
    ) -> CheckedWorkspace {
        var loader = WorkspaceLoader(fileSystem: fileSystem)
        loader.thingCache = thingCache
        let report = loader.load(workspaceAt: selection.root, courses: selection.courseFolders)
        ProcessLifetime.keep(report)
        let (findings, context) = Validator().check(report, fileSystem: fileSystem, markdown: markdown, memory: memory)
        return CheckedWorkspace(
            selection: selection, report: report, findings: findings, markdown: context.markdown, media: context.media)
    }

    /// The loaded workspace.
    public var workspace: Workspace { report.workspace }

    /// The findings that stop a build.
    public var errors: [Finding] { findings.filter { $0.severity == .error } }

    /// Whether a build may go on: every file could be read and nothing is wrong.
    public var isBuildable: Bool { !report.hadIOFailure && errors.isEmpty }
}
