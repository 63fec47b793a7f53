import CourseModel
import FileAccess
import Foundation
import ToolkitSupport

/// Where a Thing's media references lead in the workspace, and what the files there are. Markdown in
/// a Thing file is written relative to that file (`../files/chart.png`, as GitHub shows it); a
/// resource's `file` relative to the course folder; either must stay inside the course folder.
/// Files are read and inspected once, however many Things use them.
public struct MediaFiles: Sendable {
    /// The safe way to the workspace's files.
    public let workspace: WorkspaceFiles
    private let inspected = LockedValue([String: MediaFile]())

    /// Reaches media through `workspace`.
    public init(workspace: WorkspaceFiles) {
        self.workspace = workspace
    }

    /// The workspace path of a local reference of `thing` (nil for a course cover), checked by the safe path rules.
    public func resolve(_ reference: MediaReference, in thing: Thing?, of course: Course) -> Result<
        String, WorkspaceFiles.Refusal
    > {
        resolve(reference.path, relativeTo: reference.origin, in: thing, of: course)
    }

    /// The workspace path of `written` (a reference's captions or transcript, say), read as `origin`'s paths are.
    public func resolve(
        _ written: String, relativeTo origin: MediaReference.Origin, in thing: Thing?, of course: Course
    ) -> Result<String, WorkspaceFiles.Refusal> {
        let decoded = written.removingPercentEncoding ?? written
        guard !origin.isRelativeToCourseFolder, let thing else { return workspace.resolve(decoded, under: course.folder) }
        let thingFolder = thing.file.split(separator: "/").dropLast().joined(separator: "/")
        return workspace.resolve(decoded, from: thingFolder, within: course.folder)
    }

    /// The file at a workspace path, read and inspected (once).
    public func file(at path: String) throws(WorkspaceFileError) -> MediaFile {
        if let known = inspected.withLock({ $0[path] }) { return known }
        if let size = workspace.fileSystem.fileSize(at: workspace.absolute(path)), size > MediaLimits.maximumFileSize {
            throw .unreadable(path, reason: "is larger than \(MediaFormat.sizeText(MediaLimits.maximumFileSize))")
        }
        let file = MediaFile(path: path, bytes: try workspace.read(path))
        inspected.withLock { $0[path] = file }
        return file
    }
}

/// What a media file of the workspace is, read once: its bytes are not kept (a course's videos would
/// fill the memory), only what validation and packaging need to know about them.
public struct MediaFile: Sendable, Hashable {
    /// Its workspace path.
    public let path: String
    /// Its size in bytes.
    public let size: Int
    /// What the bytes are.
    public let verdict: MediaSniffer.Verdict
    /// Its extension, lowercase.
    public let fileExtension: String
    /// The picture's size, for images whose size can be read.
    public let imageInfo: ImageInfo?
    /// Active content, for SVGs (empty for everything else).
    public let svgProblems: [SVGSafety.Problem]

    /// Reads what `bytes` are.
    public init(path: String, bytes: [UInt8]) {
        self.path = path
        self.size = bytes.count
        let verdict = MediaSniffer.sniff(bytes)
        self.verdict = verdict
        self.fileExtension = MediaFormat.fileExtension(of: path)
        if case .format(let format) = verdict, format.category == .image {
            imageInfo = try? ImageInspector.inspect(bytes)
        } else {
            imageInfo = nil
        }
        svgProblems = verdict == .format(.svg) || fileExtension == "svg" ? SVGSafety.problems(in: bytes) : []
    }

    /// The format, when the bytes are one the toolkit carries.
    public var format: MediaFormat? {
        if case .format(let format) = verdict { return format }
        return nil
    }
}
