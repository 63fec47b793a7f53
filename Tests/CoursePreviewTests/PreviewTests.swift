import CourseModel
import CoursePackager
import FileAccess
import FileWatch
import Foundation
import Testing
import ToolkitSupport

@testable import CoursePreview

@Suite("Preview")
struct PreviewTests {
    /// A one-Thing workspace under `root` whose Thing file is `thing`.
    static func workspace(_ root: String, thing: String) -> InMemoryFileSystem {
        InMemoryFileSystem(files: [
            "\(root)/Courses/c/course.yaml":
                "id: c\ntitle: C\nlanguage: en\nissuer: org\nlicence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\nattribution: By us.\nthings: [thing-01]\n",
            "\(root)/Badges/issuer.yaml": issuer, "\(root)/Courses/c/things/thing-01.md": thing,
        ])
    }

    static let issuer = "id: org\nname: Org\nurl: https://org.example\nemail: badges@org.example\ndescription: Us.\n"

    @Test("request paths: only safe relative paths name a file; every escape is refused")
    func paths() {
        #expect(PreviewPaths.packagePath("/", index: "index.html") == "index.html")
        #expect(PreviewPaths.packagePath("/things/thing-02.html?x=1#top", index: "index.html") == "things/thing-02.html")
        #expect(PreviewPaths.packagePath("/media/a%20b.png", index: "index.html") == "media/a b.png")
        for hostile in [
            "/../../etc/passwd", "/things/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/things/%2E%2E/index.html",
            "/..%2f..%2fetc%2fpasswd", "//etc/passwd", "/things//thing-02.html", "/./index.html", "/a\\..\\b",
            "/index.html%00.png", "/%ZZ", "relative.html", "/things/",
        ] {
            #expect(PreviewPaths.packagePath(hostile, index: "index.html") == nil, "\(hostile) was accepted")
        }
    }

    @Test("only loopback host names are answered (no DNS rebinding)")
    func hosts() {
        for host in ["127.0.0.1:8080", "localhost:1", "LOCALHOST", "[::1]:9000", "127.0.0.1"] {
            #expect(PreviewResponder.isLoopbackHost(host), "\(host)")
        }
        for host in ["evil.example", "127.0.0.1.evil.example:80", "localhost.evil:80", "[::2]:80", "10.0.0.1:80"] {
            #expect(!PreviewResponder.isLoopbackHost(host), "\(host)")
        }
    }

    @Test("the preview script goes before </head>; a page without a head is left as it is")
    func clientTag() {
        let page = Array("<html><head><title>x</title></head><body></body></html>".utf8)
        #expect(
            String(decoding: PreviewResponder.withClient(page), as: UTF8.self).contains("\(PreviewResponder.clientTag)\n</head>"))
        #expect(PreviewResponder.withClient(Array("<p>no head</p>".utf8)) == Array("<p>no head</p>".utf8))
    }

    @Test("a burst of saves is one batch of changed files")
    func watcherCoalesces() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("watch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let batches = LockedValue([[String]]())
        let watcher = try DirectoryWatcher(roots: [folder.path], quietPeriod: 0.15) { batch in
            batches.withLock { $0.append(batch) }
        }
        defer { watcher.stop() }
        Thread.sleep(forTimeInterval: 0.1)
        let file = folder.appendingPathComponent("sub/thing.md")
        for index in 0..<5 {
            try Data("version \(index)\n".utf8).write(to: file, options: .atomic)
            Thread.sleep(forTimeInterval: 0.02)
        }
        // A folder made after the watch started is watched too.
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("new"), withIntermediateDirectories: true)
        Thread.sleep(forTimeInterval: 0.05)
        try Data("x".utf8).write(to: folder.appendingPathComponent("new/late.md"))
        var waited = 0.0
        while batches.current.flatMap({ $0 }).contains(where: { $0.hasSuffix("new/late.md") }) == false, waited < 5 {
            Thread.sleep(forTimeInterval: 0.05)
            waited += 0.05
        }
        let all = batches.current
        #expect(all.first?.contains(file.path) == true, "\(all)")
        #expect(all.count <= 2, "five saves and a new folder made \(all.count) batches: \(all)")
        #expect(all.flatMap { $0 }.contains(folder.appendingPathComponent("new/late.md").path))
    }

    @Test("a build with errors keeps the last good files and says what is wrong; fixing it builds again")
    func builderKeepsLastGoodBuild() throws {
        let root = "/ws"
        let memory = Self.workspace(root, thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\n---\nFirst text.\n")
        let builder = PreviewBuilder(workspaceRoot: root, courseFolders: nil, format: .html, fileSystem: memory)
        let first = builder.build(after: .empty)
        #expect(first.problems.isEmpty, "\(first.problems)")
        #expect(first.generation == 1)
        let page = try #require(first.files["things/thing-01.html"])
        #expect(String(decoding: page, as: UTF8.self).contains("First text."))
        #expect(!memory.files.keys.contains { !$0.hasPrefix(root + "/") }, "nothing is written beside the workspace")

        memory.write("---\nid: thing-01\nnumber: one\nstatus: draft\n---\nBroken.\n", to: "\(root)/Courses/c/things/thing-01.md")
        let second = builder.build(after: first)
        #expect(second.generation == 2)
        #expect(second.files == first.files, "the last good build stays")
        let problem = try #require(second.problems.first)
        #expect(problem.text.hasPrefix("Courses/c/things/thing-01.md:3:9: error: `number` must be a whole number"))

        memory.write(
            "---\nid: thing-01\nnumber: 1\nstatus: draft\n---\nFixed text.\n", to: "\(root)/Courses/c/things/thing-01.md")
        let third = builder.build(after: second)
        #expect(third.problems.isEmpty)
        #expect(String(decoding: third.files["things/thing-01.html"] ?? [], as: UTF8.self).contains("Fixed text."))
    }

    @Test("the SCORM run-time builds unzipped pages with their manifest for the inspector")
    func scormSnapshot() throws {
        let root = "/ws"
        let memory = Self.workspace(root, thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\n---\nText.\n")
        let snapshot = PreviewBuilder(workspaceRoot: root, courseFolders: nil, format: .scorm12, fileSystem: memory)
            .build(after: .empty)
        #expect(snapshot.files["imsmanifest.xml"] != nil)
        #expect(snapshot.files["things/thing-01.html"] != nil)
        let status = String(decoding: PreviewResponder.status(snapshot, format: .scorm12), as: UTF8.self)
        #expect(status.contains(#""suspendDataLimit":4096"#))
        #expect(status.contains(#""things":["things\/thing-01.html"]"#))
    }
}
