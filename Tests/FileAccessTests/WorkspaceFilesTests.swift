import FileAccess
import Foundation
import Testing

/// The one resolver every module reaches authored paths through.
@Suite("Workspace files")
struct WorkspaceFilesTests {
    static let root = "/ws"

    static func workspace() -> WorkspaceFiles {
        let memory = InMemoryFileSystem(files: [
            "/ws/Badges/images/Thing-02.png": "png",
            "/ws/Badges/issuer.yaml": "id: x",
            "/ws/Courses/demo/files/guide.pdf": "%PDF",
            "/outside/secret.txt": "secret",
        ])
        try? memory.createDirectory("/ws/Badges/empty")
        return WorkspaceFiles(root: root, fileSystem: memory)
    }

    @Test("mayExist answers from the folder's listing: listed in any case yes, absent or in a missing folder no")
    func mayExist() {
        let files = Self.workspace()
        #expect(files.mayExist("Badges/images/Thing-02.png"))
        #expect(files.mayExist("Badges/images/thing-02.png"), "another case is still worth the check that says so")
        #expect(!files.mayExist("Badges/images/thing-02.svg"))
        #expect(!files.mayExist("Badges/nowhere/thing-02.png"))
        #expect(files.mayExist("Badges/issuer.yaml") && !files.mayExist("issuer.yaml"))
    }

    @Test("a relative path inside its folder resolves to its workspace path, `.` and inner `..` folded")
    func resolves() {
        let files = Self.workspace()
        #expect(files.resolve("files/guide.pdf", under: "Courses/demo") == .success("Courses/demo/files/guide.pdf"))
        #expect(files.resolve("./files/../files/guide.pdf", under: "Courses/demo") == .success("Courses/demo/files/guide.pdf"))
    }

    @Test(
        "every way out or wrong is refused, each with its own reason",
        arguments: [
            ("", WorkspaceFiles.Refusal.notRelative("")),
            ("/etc/passwd", .notRelative("/etc/passwd")),
            ("images\\x.png", .notRelative("images\\x.png")),
            ("../issuer.yaml", .escapes("../issuer.yaml", folder: "Badges/images")),
            ("../../../../outside/secret.txt", .escapes("../../../../outside/secret.txt", folder: "Badges/images")),
            ("none.png", .missing("Badges/images/none.png")),
            ("../images", .escapes("../images", folder: "Badges/images")),
            ("thing-02.png", .wrongCase("thing-02.png", actual: "Thing-02.png")),
        ])
    func refuses(written: String, refusal: WorkspaceFiles.Refusal) {
        #expect(Self.workspace().resolve(written, under: "Badges/images") == .failure(refusal))
    }

    @Test("a folder where a file is expected is refused")
    func folder() {
        #expect(Self.workspace().resolve("empty", under: "Badges") == .failure(.notAFile("Badges/empty")))
    }

    @Test("a file that is a link out of the workspace is refused; a link inside it is followed")
    func links() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("workspace-files-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let root = folder.appendingPathComponent("ws")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Badges"), withIntermediateDirectories: true)
        try "secret".write(to: folder.appendingPathComponent("secret.txt"), atomically: true, encoding: .utf8)
        try "art".write(to: root.appendingPathComponent("Badges/art.svg"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Badges/out.svg").path,
            withDestinationPath: folder.appendingPathComponent("secret.txt").path)
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Badges/in.svg").path, withDestinationPath: "art.svg")
        let files = WorkspaceFiles(root: root.path, fileSystem: DiskFileSystem())
        guard case .failure(.linksOut(let path, _)) = files.resolve("out.svg", under: "Badges") else {
            Issue.record("a link out of the workspace was not refused")
            return
        }
        #expect(path == "Badges/out.svg")
        #expect(throws: WorkspaceFileError.self) { try files.read("Badges/out.svg") }
        #expect(files.resolve("in.svg", under: "Badges") == .success("Badges/in.svg"))
        #expect(try files.read("Badges/in.svg") == Array("art".utf8))
    }
}

/// The in-memory file system behaves as the disk does where commands rely on it.
@Suite("In-memory file system")
struct InMemoryFileSystemTests {
    @Test("atomic outputs: a folder replaces a folder, a file replaces a file, and no temporary path is left")
    func atomicOutput() throws {
        let memory = InMemoryFileSystem()
        let output = AtomicOutput(fileSystem: memory)
        for version in ["one", "two"] {
            try output.produce("/out/site") { temporary in
                try memory.createDirectory(temporary + "/pages")
                try memory.writeNewFile(Array(version.utf8), at: temporary + "/pages/index.html")
            }
            try output.writeFile(Array(version.utf8), to: "/out/ledger.json")
        }
        #expect(try memory.readFile("/out/site/pages/index.html") == Array("two".utf8))
        #expect(try memory.readFile("/out/ledger.json") == Array("two".utf8))
        #expect(try memory.contentsOfDirectory("/out") == ["ledger.json", "site"])
    }

    @Test("a file is created only once, and only in a folder that exists")
    func writeNew() throws {
        let memory = InMemoryFileSystem()
        #expect(throws: FileSystemError.self) { try memory.writeNewFile([1], at: "/missing/file") }
        try memory.createDirectory("/folder")
        try memory.writeNewFile([1], at: "/folder/file")
        #expect(throws: FileSystemError.self) { try memory.writeNewFile([2], at: "/folder/file") }
        #expect(memory.entryKind(at: "/folder") == .directory)
    }
}
