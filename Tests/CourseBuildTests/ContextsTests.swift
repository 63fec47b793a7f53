import CourseBuild
import CourseModel
import FileAccess
import Foundation
import LinkedData
import OpenBadges
import Testing

/// The JSON-LD contexts without `../shared`: installed once into the user's data folder, recognised by
/// their SHA-256 whatever the files are called, found by every command after.
@Suite("JSON-LD contexts")
struct ContextsTests {
    /// The official copies the tests are given (the product never reads this folder).
    static var shared: String {
        (ProcessInfo.processInfo.environment["COURSE_TOOLKIT_SCHEMAS"]
            ?? CheckedWorkspaceTests.packageRoot.appendingPathComponent("../shared/schemas").path) + "/openbadges/v3"
    }

    /// The four pinned files, under other names, in `folder` of `memory`.
    static func copyRenamed(into folder: String, _ memory: InMemoryFileSystem) throws {
        let disk = DiskFileSystem()
        for (index, name) in JSONLDContextsLayout.standard.fileNames.values.sorted().enumerated() {
            memory.write(bytes: try disk.readFile(shared + "/" + name), to: "\(folder)/copy-\(index).jsonld")
        }
        memory.write(bytes: Array("{\"@context\": {}}".utf8), to: "\(folder)/unrelated.json")
    }

    @Test("installed from a folder of differently named copies, then found with no --contexts and no COURSE_TOOLKIT_SCHEMAS")
    func installFromFolder() throws {
        let memory = InMemoryFileSystem()
        try Self.copyRenamed(into: "/downloads/contexts", memory)
        let variables = ["XDG_DATA_HOME": "/home/ann/.data", "HOME": "/home/ann"]
        #expect(throws: BadgeError.self) { try BadgeKeyring.pinnedContexts(nil, variables: variables, fileSystem: memory) }
        let written = try BadgeKeyring.installContexts(
            from: "/downloads/contexts", variables: variables, fileSystem: memory,
            download: { _ in
                Issue.record("nothing is downloaded when a folder is given")
                return []
            })
        #expect(written.count == 4)
        #expect(written.allSatisfy { $0.hasPrefix("/home/ann/.data/course-toolkit/contexts/") })
        _ = try BadgeKeyring.pinnedContexts(nil, variables: variables, fileSystem: memory)
        // The XDG default when the variable is unset.
        #expect(
            JSONLDContextsLayout.standard.installedFolder(environment: ["HOME": "/home/bob"])
                == "/home/bob/.local/share/course-toolkit/contexts")
    }

    @Test("a folder missing a context installs nothing and says which; the error of a missing context names all three ways")
    func incomplete() throws {
        let memory = InMemoryFileSystem()
        memory.write(
            bytes: try DiskFileSystem().readFile(Self.shared + "/credentials-v2.json"), to: "/partial/credentials-v2.json")
        let variables = ["HOME": "/home/ann"]
        do {
            _ = try BadgeKeyring.installContexts(
                from: "/partial", variables: variables, fileSystem: memory, download: { _ in [] })
            Issue.record("an incomplete folder was installed")
        } catch {
            #expect(error.message.contains(PinnedContexts.openBadgesV3), "\(error)")
        }
        #expect(!memory.isDirectory("/home/ann/.local/share/course-toolkit/contexts"))
        do {
            _ = try BadgeKeyring.pinnedContexts(nil, variables: variables, fileSystem: memory)
        } catch {
            for way in ["toolkit badges contexts install", "COURSE_TOOLKIT_SCHEMAS", "--contexts"] {
                #expect(error.message.contains(way), "\(error)")
            }
        }
    }

    @Test("downloaded contexts are checked against their pins: a changed document installs nothing")
    func download() throws {
        let disk = DiskFileSystem()
        let layout = JSONLDContextsLayout.standard
        let variables = ["HOME": "/home/ann"]
        let tampered = InMemoryFileSystem()
        #expect(throws: BadgeError.self) {
            try BadgeKeyring.installContexts(
                from: nil, variables: variables, fileSystem: tampered, download: { _ in Array("{\"@context\":{}}".utf8) })
        }
        #expect(tampered.files.isEmpty)
        let memory = InMemoryFileSystem()
        let written = try BadgeKeyring.installContexts(
            from: nil, variables: variables, fileSystem: memory,
            download: { url in try disk.readFile(Self.shared + "/" + layout.fileNames[url]!) })
        #expect(written.count == 4)
    }

    @Test("both published revisions of the 3.0.3 context are recognised (1EdTech revised it in place)")
    func revisions() throws {
        let ours = try DiskFileSystem().readFile(Self.shared + "/context-3.0.3.json")
        #expect(PinnedContexts.recognise(ours) == PinnedContexts.openBadgesV3)
        #expect(PinnedContexts.recognise(ours + [0x0A]) == nil, "one byte more is another document")
    }
}
