import CourseLoader
import CourseModel
import CoursePackager
import CourseValidator
import FileAccess
import Foundation
import ZIPFoundation

/// Builds what the preview serves: the workspace validated as `toolkit validate` does, then the
/// course packaged as `toolkit package` does, into memory (nothing is written to disk). SCORM
/// packages are unzipped in memory so their pages can be served one by one.
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

    /// The folder, outside the workspace and never on disk, that builds are written to in memory.
    static let scratchFolder = "/course-toolkit-preview"

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
        let (report, findings) = Validator().validateWorkspace(
            at: workspaceRoot, courses: courseFolders, fileSystem: fileSystem, thingCache: thingCache)
        let errors = findings.filter { $0.severity == .error }.sorted()
        func snapshot(files: [String: [UInt8]], problems: [PreviewProblem], course: String?) -> PreviewSnapshot {
            PreviewSnapshot(
                generation: previous.generation + 1, files: files, problems: problems, courseID: course,
                buildSeconds: Date().timeIntervalSince(started))
        }
        guard errors.isEmpty, let course = report.workspace.courses.first else {
            var problems = errors.map(PreviewProblem.init)
            if problems.isEmpty {
                problems = [
                    PreviewProblem(
                        Finding(
                            ruleID: "file-readable", severity: .error, message: "the workspace has no course to preview",
                            location: SourceLocation(file: WorkspaceLayout.standard.coursesFolder),
                            hint: "create one with `toolkit new course`"))
                ]
            }
            return snapshot(files: previous.files, problems: problems, course: previous.courseID)
        }
        let overlay = ScratchOverlayFileSystem(base: fileSystem, scratchFolder: Self.scratchFolder)
        let request = PackageRequest(
            course: course, badges: report.workspace.badges, workspaceRoot: workspaceRoot, format: format,
            includeDrafts: true, outputFolder: Self.scratchFolder, fileSystem: overlay)
        do {
            let result = try PackageBuilder().build(request)
            return snapshot(
                files: try Self.files(of: result, in: overlay.memory, format: format), problems: [], course: course.id)
        } catch {
            let problem = PreviewProblem(
                Finding(
                    ruleID: "package", severity: .error, message: "\(error)",
                    location: SourceLocation(file: WorkspaceLayout.standard.courseFolder(named: course.id))))
            return snapshot(files: previous.files, problems: [problem], course: course.id)
        }
    }

    /// The package's files by path: the site's folder, or the zip's entries.
    static func files(of result: PackageResult, in memory: InMemoryFileSystem, format: PackageFormat) throws -> [String: [UInt8]]
    {
        guard format.isArchive else {
            var files: [String: [UInt8]] = [:]
            for path in memory.filesBelow(result.output) { files[path] = try memory.readFile(joinPath(result.output, path)) }
            return files
        }
        let archive = try Archive(data: Data(try memory.readFile(result.output)), accessMode: .read)
        var files: [String: [UInt8]] = [:]
        for entry in archive where entry.type == .file {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = Array(data)
        }
        return files
    }
}
