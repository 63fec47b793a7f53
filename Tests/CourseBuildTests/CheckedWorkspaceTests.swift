import CourseBuild
import CourseLoader
import CourseModel
import CoursePackager
import FileAccess
import Foundation
import Testing
import ToolkitSupport
import ZIPFoundation

/// One check of the workspace feeds every job: Markdown is parsed once, media read once, and the
/// package streamed to its target.
@Suite("Checked workspace and package job")
struct CheckedWorkspaceTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let root = "/memory/workspace"

    /// The workspace at `source` (Courses/ and Badges/) copied into memory under `root`.
    static func workspace(from source: URL) throws -> InMemoryFileSystem {
        let memory = InMemoryFileSystem()
        let disk = DiskFileSystem()
        for folder in [WorkspaceLayout.standard.coursesFolder, WorkspaceLayout.standard.badgesFolder] {
            let from = source.appendingPathComponent(folder).path
            for file in disk.filesBelow(from) {
                memory.write(bytes: try disk.readFile(joinPath(from, file)), to: joinPath(root, folder, file))
            }
        }
        return memory
    }

    static var bundled: URL { packageRoot }
    static var mediaFixture: URL { packageRoot.appendingPathComponent("Tests/Fixtures/media-workspace") }

    static func job(_ format: PackageFormat, target: PackageTarget = .outputFolder, drafts: Bool = true) -> PackageJob {
        PackageJob(
            options: PackageOptions(
                format: format, includeDrafts: drafts, outputFolder: joinPath(root, "build"), target: target))
    }

    @Test("packaging after the check parses no Thing body again", arguments: PackageFormat.allCases)
    func oneParse(format: PackageFormat) throws {
        let memory = try Self.workspace(from: Self.bundled)
        let checked = CheckedWorkspace.check(WorkspaceSelection(root: Self.root, courseFolders: nil), fileSystem: memory)
        #expect(checked.isBuildable, "\(checked.errors)")
        let things = checked.workspace.courses.flatMap(\.things).count
        #expect(checked.markdown.parseCount == things, "the check parses each body once")
        for (_, outcome) in Self.job(format).build(checked, fileSystem: memory) { _ = try outcome.get() }
        #expect(checked.markdown.parseCount == things, "packaging reuses the check's documents")
    }

    @Test("each media file is read once by the check and once by the package, in every format", arguments: PackageFormat.allCases)
    func mediaReadOnce(format: PackageFormat) throws {
        let memory = try Self.workspace(from: Self.mediaFixture)
        let checked = CheckedWorkspace.check(WorkspaceSelection(root: Self.root, courseFolders: nil), fileSystem: memory)
        #expect(checked.isBuildable, "\(checked.errors)")
        let mediaFolder = joinPath(Self.root, "Courses/media-demo/files") + "/"
        let media = memory.files.keys.filter { $0.hasPrefix(mediaFolder) }
        #expect(media.count >= 5)
        for path in media {
            #expect(
                memory.readCounts[path, default: 0] <= 1, "the check read \(path) \(memory.readCounts[path, default: 0]) times")
        }
        memory.resetReadCounts()
        for (_, outcome) in Self.job(format).build(checked, fileSystem: memory) { _ = try outcome.get() }
        let counts = memory.readCounts
        let carried = media.filter { counts[$0, default: 0] > 0 }
        #expect(!carried.isEmpty)
        for path in carried {
            // Two files with the same bytes are each read once more, to tell they are copies.
            // The HTML site also writes a video's captions into its page (so they show opened from disk).
            let inlined = format == .html && path.hasSuffix(".vtt") ? 1 : 0
            let limit = (Self.sameSizeAsAnother(path, in: memory, among: media) ? 2 : 1) + inlined
            #expect(counts[path, default: 0] <= limit, "the package read \(path) \(counts[path, default: 0]) times: \(counts)")
        }
    }

    static func sameSizeAsAnother(_ path: String, in memory: InMemoryFileSystem, among paths: [String]) -> Bool {
        let size = memory.fileSize(at: path)
        return paths.contains { $0 != path && memory.fileSize(at: $0) == size }
    }

    @Test("the memory target holds exactly the zip's entries", arguments: [PackageFormat.scorm12, .cmi5, .commonCartridge])
    func memoryTargetEqualsZip(format: PackageFormat) throws {
        let memory = try Self.workspace(from: Self.mediaFixture)
        let checked = CheckedWorkspace.check(WorkspaceSelection(root: Self.root, courseFolders: nil), fileSystem: memory)
        let zipped = try Self.job(format).build(checked, fileSystem: memory)[0].outcome.get()
        let kept = try Self.job(format, target: .memory).build(checked, fileSystem: memory)[0].outcome.get()
        let archive = try Archive(data: Data(try memory.readFile(zipped.output)), accessMode: .read)
        var entries: [String: [UInt8]] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            entries[entry.path] = Array(data)
        }
        #expect(kept.memoryFiles == entries)
        #expect(kept.files == zipped.files)
    }

    @Test("a zip streamed to the disk is byte for byte the zip built in memory")
    func streamedZipIsIdentical() throws {
        let memory = try Self.workspace(from: Self.mediaFixture)
        let checked = CheckedWorkspace.check(WorkspaceSelection(root: Self.root, courseFolders: nil), fileSystem: memory)
        let inMemory = try Self.job(.scorm2004).build(checked, fileSystem: memory)[0].outcome.get()

        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("streamed-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let disk = DiskFileSystem()
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (path, bytes) in memory.files where path.hasPrefix(Self.root + "/Courses") || path.hasPrefix(Self.root + "/Badges") {
            let target = folder.path + path.dropFirst(Self.root.count)
            try disk.createDirectory(String(target[..<target.lastIndex(of: "/")!]))
            try disk.writeNewFile(bytes, at: target)
        }
        let onDiskCheck = CheckedWorkspace.check(WorkspaceSelection(root: folder.path, courseFolders: nil), fileSystem: disk)
        var options = Self.job(.scorm2004).options
        options.outputFolder = folder.appendingPathComponent("build").path
        let onDisk = try PackageJob(options: options).build(onDiskCheck, fileSystem: disk)[0].outcome.get()
        #expect(try disk.readFile(onDisk.output) == memory.readFile(inMemory.output))
    }

    @Test("steps are numbered through the whole job and a failure names its step")
    func stepsAndFailure() throws {
        let memory = try Self.workspace(from: Self.bundled)
        let job = Self.job(.scorm12)
        let heard = LockedValue([String]())
        let checked = PackageJob.check(
            WorkspaceSelection(root: Self.root, courseFolders: nil), fileSystem: memory, total: job.stepCount,
            onStep: { step in heard.withLock { $0.append(step.description) } })
        for (_, outcome) in job.build(
            checked, fileSystem: memory, onStep: { step in heard.withLock { $0.append(step.description) } })
        {
            _ = try outcome.get()
        }
        #expect(
            heard.current == [
                "[1/8] Check workspace", "[2/8] Select Things", "[3/8] Load theme", "[4/8] Lay out pages",
                "[5/8] Copy badge images and assets", "[6/8] Write imsmanifest.xml", "[7/8] Check manifest",
                "[8/8] Render pages and write zip",
            ])

        struct Broken: Error {}
        var count = 0
        #expect(throws: StepFailure.self) {
            try StepRunner().run(
                [Step<Int>("Count") { $0 += 1 }, Step<Int>("Break") { _ in throw Broken() }, Step<Int>("Never") { $0 += 10 }],
                on: &count)
        }
        do {
            try StepRunner().run([Step<Int>("Break") { _ in throw Broken() }], on: &count)
        } catch {
            #expect(error.step == "Break")
        }
        #expect(count == 1, "no step runs after the one that failed")
    }
}
