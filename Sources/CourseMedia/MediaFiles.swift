import CourseModel
import Crypto
import FileAccess
import Foundation
import ToolkitSupport

/// Where a Thing's media references lead in the workspace, and what the files there are. Markdown in
/// a Thing file is written relative to that file (`../files/chart.png`, as GitHub shows it); a
/// resource's `file` relative to the course folder; either must stay inside the course folder.
/// Files are read and inspected once, however many Things use them; a large file's whole bytes are
/// not read to inspect it (its first bytes say what it is), so packaging, which streams it into the
/// package, is the one read of all of it.
public struct MediaFiles: Sendable {
    /// The safe way to the workspace's files.
    public let workspace: WorkspaceFiles
    private let inspected = LockedValue([String: MediaFile]())
    private let digests = LockedValue([String: [UInt8]]())

    /// How many bytes of a file tell what it is (the sniffer judges text on its first 64 KB, and one
    /// more byte tells whether the file goes on).
    static let headLength = MediaSniffer.textJudgedLength + 1

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
        return workspace.resolve(decoded, from: thing.folder, within: course.folder)
    }

    /// The file at a workspace path, read and inspected (once).
    public func file(at path: String) throws(WorkspaceFileError) -> MediaFile {
        if let known = inspected.withLock({ $0[path] }) { return known }
        let size = workspace.fileSystem.fileSize(at: workspace.absolute(path))
        if let size, size > MediaLimits.maximumFileSize {
            throw .unreadable(path, reason: "is larger than \(MediaFormat.sizeText(MediaLimits.maximumFileSize))")
        }
        let reader = try workspace.openForReading(path)
        let head = try read(from: reader, upTo: Self.headLength, path: path)
        let isWhole = head.count < Self.headLength
        let verdict = MediaSniffer.sniff(head, isWhole: isWhole)
        // Pictures are measured and SVGs checked for active content on their whole bytes; they are small.
        let file: MediaFile
        if !isWhole && MediaFile.needsWholeBytes(verdict, path: path) {
            file = MediaFile(path: path, bytes: head + (try read(from: reader, upTo: Int.max, path: path)))
        } else {
            file = MediaFile(path: path, head: head, size: isWhole ? head.count : size ?? head.count, verdict: verdict)
        }
        inspected.withLock { $0[path] = file }
        return file
    }

    /// The SHA-256 of the file at a workspace path, read for it (once): packaging asks only for files
    /// that may be copies of each other (the same size), so that one copy is carried.
    public func digest(at path: String) throws(WorkspaceFileError) -> [UInt8] {
        if let known = digests.withLock({ $0[path] }) { return known }
        let reader = try workspace.openForReading(path)
        var hasher = SHA256()
        while true {
            let piece = try read(from: reader, upTo: 1 << 20, path: path)
            if piece.isEmpty { break }
            hasher.update(data: piece)
        }
        let digest = Array(hasher.finalize())
        digests.withLock { $0[path] = digest }
        return digest
    }

    private func read(from reader: any FileReader, upTo count: Int, path: String) throws(WorkspaceFileError) -> [UInt8] {
        var bytes: [UInt8] = []
        while bytes.count < count {
            let piece: [UInt8]
            do {
                piece = try reader.read(upTo: min(count - bytes.count, 1 << 20))
            } catch {
                throw .unreadable(path, reason: error.reason)
            }
            if piece.isEmpty { break }
            bytes += piece
        }
        return bytes
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

    /// Reads what `bytes`, the whole file, are.
    public init(path: String, bytes: [UInt8]) {
        self.init(path: path, head: bytes, size: bytes.count)
    }

    /// Reads what the file is from its first bytes, `head` (all of them for a picture or an SVG),
    /// and its `size`; `verdict` is what the sniffer made of `head`, when it already looked.
    public init(path: String, head bytes: [UInt8], size: Int, verdict known: MediaSniffer.Verdict? = nil) {
        self.path = path
        self.size = size
        let verdict = known ?? MediaSniffer.sniff(bytes, isWhole: bytes.count == size)
        self.verdict = verdict
        self.fileExtension = MediaFormat.fileExtension(of: path)
        if case .format(let format) = verdict, format.category == .image {
            imageInfo = try? ImageInspector.inspect(bytes)
        } else {
            imageInfo = nil
        }
        svgProblems = verdict == .format(.svg) || fileExtension == "svg" ? SVGSafety.problems(in: bytes) : []
    }

    /// Whether a file whose first bytes the sniffer judged `verdict` is inspected on all its bytes:
    /// pictures (to read their size) and SVGs (checked for active content).
    static func needsWholeBytes(_ verdict: MediaSniffer.Verdict, path: String) -> Bool {
        if MediaFormat.fileExtension(of: path) == "svg" { return true }
        if case .format(let format) = verdict { return format.category == .image }
        return false
    }

    /// The format, when the bytes are one the toolkit carries.
    public var format: MediaFormat? {
        if case .format(let format) = verdict { return format }
        return nil
    }
}
