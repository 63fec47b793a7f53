import CourseBuild
import CourseLoader
import CourseMarkdown
import CourseModel
import CoursePackager
import CourseValidator
import FileAccess
import Foundation

/// Builds what the preview serves: the workspace validated as `toolkit validate` does, then the
/// course packaged as `toolkit package` does, into memory (nothing is written to disk, nothing is
/// zipped): the pages are served from the package's files as the build made them.
public struct PreviewBuilder: Sendable {
    /// The workspace folder, absolute.
    public let workspaceRoot: String
    /// The course folders to consider (nil: every course; the first is previewed).
    public let courseFolders: [String]?
    /// What the pages run in: `html` (the site), `scorm12` or `scorm2004` (inside the LMS inspector).
    public let format: PackageFormat
    /// Where the workspace is read from.
    public let fileSystem: any FileSystem
    /// Thing files parsed by earlier builds: an edit re-parses only the files it changed.
    let thingCache = ParsedThingCache()
    /// Thing bodies parsed by earlier builds: an edit re-parses only the bodies it changed.
    let markdown = ParsedMarkdownCache()
    /// What earlier checks worked out: an edit re-checks only the Things it changed.
    public let validationMemory = ValidationMemory()
    /// Pages rendered by earlier builds: an edit renders only the pages whose inputs it changed.
    public let renderedPages = RenderedPages()

    /// A builder for the workspace at `workspaceRoot`.
    public init(workspaceRoot: String, courseFolders: [String]?, format: PackageFormat, fileSystem: any FileSystem) {
        self.workspaceRoot = workspaceRoot
        self.courseFolders = courseFolders
        self.format = format
        self.fileSystem = fileSystem
    }

    /// The next snapshot after `previous`: new files when the course builds, the previous files with
    /// the new errors when it does not.
    public func build(after previous: PreviewSnapshot) -> PreviewSnapshot {
        let started = Date()
        // The path policy is applied afresh each time: nothing resolved by an earlier build (a folder
        // since swapped for a link out of the workspace) is trusted.
        let fileSystem = fileSystem.freshView()
        let checked = CheckedWorkspace.check(
            WorkspaceSelection(root: workspaceRoot, courseFolders: courseFolders), fileSystem: fileSystem,
            thingCache: thingCache, markdown: markdown, memory: validationMemory)
        let errors = checked.errors
        func snapshot(files: [String: [UInt8]], problems: [PreviewProblem], course: String?) -> PreviewSnapshot {
            PreviewSnapshot(
                generation: previous.generation + 1, files: files, problems: problems, courseID: course,
                buildSeconds: Date().timeIntervalSince(started))
        }
        guard errors.isEmpty, let course = checked.workspace.courses.first else {
            var problems = errors.map(PreviewProblem.init)
            if problems.isEmpty {
                problems = [
                    PreviewProblem(
                        Finding(
                            ruleID: LoaderRuleID.fileReadable, severity: .error,
                            message: "the workspace has no course to preview",
                            location: SourceLocation(file: WorkspaceLayout.standard.coursesFolder),
                            hint: "create one with `toolkit new course`"))
                ]
            }
            return snapshot(files: previous.files, problems: problems, course: previous.courseID)
        }
        let job = PackageJob(
            options: PackageOptions(format: format, includeDrafts: true, outputFolder: "", target: .memory))
        do {
            var request = job.request(for: course, in: checked, fileSystem: fileSystem)
            request.renderedPages = renderedPages
            let result = try PackageBuilder().build(request)
            return snapshot(files: result.memoryFiles ?? [:], problems: [], course: course.id)
        } catch {
            let problem = PreviewProblem(
                Finding(
                    ruleID: "package", severity: .error, message: "\(error)",
                    location: SourceLocation(file: WorkspaceLayout.standard.courseFolder(named: course.id))))
            return snapshot(files: previous.files, problems: [problem], course: course.id)
        }
    }
}
