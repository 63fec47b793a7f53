import FileAccess
import Foundation
import Testing

/// Private outputs (the badge ledger, the issue summary) are never readable by other accounts, not
/// even while they are being written.
@Suite("Private files")
struct PrivateFileTests {
    static func mode(_ path: String) throws -> Int {
        try #require(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }

    @Test("a new file asked for as 600 is created 600: its temporary copy is never 644 for a moment")
    func createdPrivate() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("private-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let disk = DiskFileSystem()
        try disk.writeNewFile(Array("secret".utf8), at: folder + "/direct", permissions: 0o600)
        #expect(try Self.mode(folder + "/direct") == 0o600)
        try AtomicOutput(fileSystem: disk).writeFile(Array("secret".utf8), to: folder + "/ledger.json", permissions: 0o600)
        #expect(try Self.mode(folder + "/ledger.json") == 0o600)
        try AtomicOutput(fileSystem: disk).writeFile(Array("public".utf8), to: folder + "/page.html")
        #expect(try Self.mode(folder + "/page.html") & 0o044 != 0, "ordinary outputs stay readable")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == ["direct", "ledger.json", "page.html"])
    }

    @Test("a new file is not created through a symbolic link planted at its temporary name")
    func noFollow() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("private-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.createSymbolicLink(atPath: folder + "/link", withDestinationPath: folder + "/elsewhere")
        #expect(throws: FileSystemError.self) {
            try DiskFileSystem().writeNewFile(Array("x".utf8), at: folder + "/link", permissions: 0o600)
        }
        #expect(!FileManager.default.fileExists(atPath: folder + "/elsewhere"))
    }
}
