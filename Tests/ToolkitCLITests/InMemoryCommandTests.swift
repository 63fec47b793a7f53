import CourseLoader
import CourseModel
import CoursePackager
import FileAccess
import Foundation
import OpenBadges
import Testing
import ToolkitSupport

/// The commands run against the in-memory file system: the bundled workspace is copied into memory,
/// and every read and every output goes through it, never the disk.
@Suite("Commands in memory")
struct InMemoryCommandTests {
    static let root = "/memory/workspace"

    /// The bundled workspace (Courses/ and Badges/) copied into memory under `root`.
    static func bundledWorkspace() throws -> InMemoryFileSystem {
        let memory = InMemoryFileSystem()
        let disk = DiskFileSystem()
        let layout = WorkspaceLayout.standard
        for folder in [layout.coursesFolder, layout.badgesFolder] {
            let source = CommandRunner.packageRoot.appendingPathComponent(folder).path
            for file in disk.filesBelow(source) {
                memory.write(bytes: try disk.readFile(joinPath(source, file)), to: joinPath(root, folder, file))
            }
        }
        return memory
    }

    @Test("package --scorm and --html write their outputs into memory, byte for byte what the disk build writes")
    func package() throws {
        let memory = try Self.bundledWorkspace()
        let zip = CommandRunner.run(["package", "--scorm"], fileSystem: memory, in: Self.root)
        #expect(zip.exitCode == 0, "\(zip.standardError)")
        let html = CommandRunner.run(["package", "--html"], fileSystem: memory, in: Self.root)
        #expect(html.exitCode == 0, "\(html.standardError)")
        #expect(!FileManager.default.fileExists(atPath: Self.root), "nothing may reach the disk")

        let output = OutputLayout.standard.defaultFolder(workspaceRoot: Self.root)
        let zipName = OutputLayout.standard.packageName(
            course: "sssc-23-things-leadership", thing: nil, formatSuffix: PackageFormat.scorm12.suffix, isArchive: true)
        let inMemory = try memory.readFile(joinPath(output, zipName))

        let copy = try WorkspaceCopy()
        // The same environment as the memory run (no schema folder from the test's own environment).
        #expect(CommandRunner.run(["package", "--scorm"], fileSystem: DiskFileSystem(), in: copy.root.path).exitCode == 0)
        let onDisk = try DiskFileSystem().readFile(
            joinPath(OutputLayout.standard.defaultFolder(workspaceRoot: copy.root.path), zipName))
        #expect(inMemory.count == onDisk.count && inMemory == onDisk, "the zips differ")

        let site = joinPath(output, "sssc-23-things-leadership-html")
        let pages = memory.filesBelow(site)
        let layout = PackageLayout.standard
        #expect(pages.contains(layout.indexPage))
        #expect(pages.contains(layout.thingPage(id: "thing-02")))
        #expect(pages.contains(layout.asset("course.css")))
        #expect(!memory.files.keys.contains { $0.contains(".tmp-") }, "no temporary litter is left")
    }

    @Test("badges export, issue, verify and revoke run in memory")
    func badges() throws {
        let memory = try Self.bundledWorkspace()
        let base = "https://badges.example.org/sssc"
        let export = CommandRunner.run(["badges", "export", "--base-url", base], fileSystem: memory, in: Self.root)
        #expect(export.exitCode == 0, "\(export.standardError)")
        memory.write("email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\n", to: joinPath(Self.root, "earners.csv"))
        let issue = CommandRunner.run(
            ["badges", "issue", "--earners", "earners.csv", "--base-url", base], fileSystem: memory, in: Self.root)
        #expect(issue.exitCode == 0, "\(issue.standardError)")
        #expect(!FileManager.default.fileExists(atPath: Self.root), "nothing may reach the disk")

        let folder = BadgeFolder.defaultPath(course: "sssc-23-things-leadership", workspaceRoot: Self.root)
        let published = PublishedBadgesLayout.standard
        let files = memory.filesBelow(folder)
        #expect(files.contains(published.issuerProfile))
        #expect(files.contains(published.badgeClass(id: "thing-02")))
        let png = try #require(files.first { $0.hasPrefix(published.assertionsFolder + "/") && $0.hasSuffix(".png") })
        #expect(memory.isFile(OutputLayout.standard.ledger(ofBadgesFolder: folder)), "the ledger sits beside the folder")
        #expect(!files.contains { $0.contains("ledger") }, "and never inside it")

        let baked = joinPath(folder, png)
        let verified = CommandRunner.run(
            ["badges", "verify", baked, "--email", "ann@example.org"], fileSystem: memory, in: Self.root)
        #expect(verified.exitCode == 0, "\(verified.standardError)")
        let id = String(png.split(separator: "/").last!.dropLast(4))
        #expect(
            CommandRunner.run(["badges", "revoke", id, "--reason", "Duplicate"], fileSystem: memory, in: Self.root).exitCode == 0)
        let revoked = CommandRunner.run(["badges", "verify", baked], fileSystem: memory, in: Self.root)
        #expect(revoked.exitCode == 1 && revoked.standardError.contains("revoked: Duplicate"))
    }

    @Test("SVG-only badge art still bakes into a PNG: drawn by librsvg, baked, unbaked and verified")
    func svgOnlyArtBakesPNG() throws {
        let memory = try Self.bundledWorkspace()
        let pngArt = joinPath(Self.root, WorkspaceLayout.standard.badgesFolder, "images/thing-02.png")
        #expect(memory.isFile(pngArt))
        memory.remove(pngArt)
        let badgeFile = joinPath(Self.root, WorkspaceLayout.standard.badgeClassFile(id: "thing-02"))
        let yaml = String(decoding: try memory.readFile(badgeFile), as: UTF8.self)
        #expect(yaml.contains("images/thing-02.png"))
        memory.write(yaml.replacingOccurrences(of: "images/thing-02.png", with: "images/thing-02.svg"), to: badgeFile)
        memory.write("email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\n", to: joinPath(Self.root, "earners.csv"))
        let base = "https://badges.example.org/sssc"
        let issue = CommandRunner.run(
            ["badges", "issue", "--earners", "earners.csv", "--base-url", base], fileSystem: memory, in: Self.root)
        #expect(issue.exitCode == 0, "\(issue.standardError)")

        let folder = BadgeFolder.defaultPath(course: "sssc-23-things-leadership", workspaceRoot: Self.root)
        let files = memory.filesBelow(folder).filter { $0.hasPrefix(PublishedBadgesLayout.standard.assertionsFolder + "/") }
        let png = try #require(files.first { $0.hasSuffix(".png") }, "no baked PNG among \(files)")
        #expect(files.contains { $0.hasSuffix(".svg") }, "the SVG is baked too")
        let bytes = try memory.readFile(joinPath(folder, png))
        // IHDR: the width and height (big-endian) follow the signature, the length and the chunk type.
        let width = bytes[16..<20].reduce(0) { $0 << 8 | Int($1) }
        let height = bytes[20..<24].reduce(0) { $0 << 8 | Int($1) }
        #expect(width == 512 && height == 512)
        let assertion = try JSONSerialization.jsonObject(with: Data(PNGBaker.unbake(bytes).utf8)) as? [String: Any]
        #expect((assertion?["id"] as? String)?.hasSuffix(String(png.split(separator: "/").last!.dropLast(4)) + ".json") == true)
        let verified = CommandRunner.run(
            ["badges", "verify", joinPath(folder, png), "--email", "ann@example.org"], fileSystem: memory, in: Self.root)
        #expect(verified.exitCode == 0, "\(verified.standardError)")
    }

    @Test("toolkit schema writes the four JSON Schemas into build/schemas, the same bytes every run")
    func schema() throws {
        let memory = try Self.bundledWorkspace()
        let first = CommandRunner.run(["schema"], fileSystem: memory, in: Self.root + "/Courses")
        #expect(first.exitCode == 0, "\(first.standardError)")
        let folder = OutputLayout.standard.schemasFolder(
            outputFolder: OutputLayout.standard.defaultFolder(workspaceRoot: Self.root))
        #expect(memory.filesBelow(folder).sorted() == JSONSchemaDocument.files().map(\.name).sorted())
        let thing = try memory.readFile(joinPath(folder, "thing.schema.json"))
        let parsed = try JSONSerialization.jsonObject(with: Data(thing)) as? [String: Any]
        #expect(parsed?["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
        #expect((parsed?["required"] as? [String]) == ["id", "number", "status"])
        #expect(first.standardOutput.contains("$schema=../../build/schemas/course.schema.json"))
        #expect(CommandRunner.run(["schema"], fileSystem: memory, in: Self.root).exitCode == 0)
        #expect(try memory.readFile(joinPath(folder, "thing.schema.json")) == thing)

        let inside = CommandRunner.run(["schema", "--output", "Courses/schemas"], fileSystem: memory, in: Self.root)
        #expect(inside.exitCode == 2 && inside.standardError.contains("inside Courses/"))
    }

    @Test("moving the Thing pages in the package layout moves the pages, their links and the badge criteria together")
    func pageLayoutIsOnePlace() throws {
        let memory = try Self.bundledWorkspace()
        let report = WorkspaceLoader(fileSystem: memory).load(workspaceAt: Self.root)
        let course = try #require(report.workspace.courses.first)
        var layout = PackageLayout.standard
        layout.thingsFolder = "units"

        let request = PackageRequest(
            course: course, badges: report.workspace.badges, workspaceRoot: Self.root, format: .html,
            outputFolder: "/memory/out", fileSystem: memory, packageLayout: layout)
        let result = try PackageBuilder().build(request)
        #expect(result.files.contains("units/thing-02.html"))
        #expect(!result.files.contains { $0.hasPrefix("things/") })
        let index = String(decoding: try memory.readFile(joinPath(result.output, layout.indexPage)), as: UTF8.self)
        #expect(index.contains("href=\"units/thing-02.html\""))
        let page = String(decoding: try memory.readFile(joinPath(result.output, "units/thing-02.html")), as: UTF8.self)
        #expect(page.contains("href=\"../assets/course.css\""))
        #expect(page.contains("href=\"../index.html\""))

        let export = try BadgeExport(
            course: course, badges: report.workspace.badges, workspace: WorkspaceFiles(root: Self.root, fileSystem: memory),
            urls: try BadgeURLs(base: "https://badges.example.org/sssc"), pageBaseURL: "https://learn.example.org/sssc",
            pageLayout: layout)
        let badgeClass = try #require(export.files.first { $0.path == PublishedBadgesLayout.standard.badgeClass(id: "thing-02") })
        let criteria = try JSONValue.parse(badgeClass.bytes)["criteria"]?["id"]?.stringValue
        #expect(criteria == "https://learn.example.org/sssc/units/thing-02.html")
    }

    @Test("a media file named with spaces or accents is carried under a plain name every LMS takes, and linked by it")
    func plainMediaNames() throws {
        let memory = try Self.bundledWorkspace()
        let thing = joinPath(Self.root, "Courses/sssc-23-things-leadership/things/thing-02.md")
        let text = String(decoding: try memory.readFile(thing), as: UTF8.self)
        memory.write(
            text.replacingOccurrences(
                of: "## Your turn", with: "See [the notes](<../files/Notes für Team (v2).pdf>).\n\n## Your turn"),
            to: thing)
        memory.write(
            bytes: Array("%PDF-1.4\n".utf8),
            to: joinPath(Self.root, "Courses/sssc-23-things-leadership/files/Notes für Team (v2).pdf"))
        let result = CommandRunner.run(["package", "--html"], fileSystem: memory, in: Self.root)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let site = joinPath(OutputLayout.standard.defaultFolder(workspaceRoot: Self.root), "sssc-23-things-leadership-html")
        #expect(memory.isFile(joinPath(site, "media/Notes-f-r-Team--v2-.pdf")))
        let page = String(decoding: try memory.readFile(joinPath(site, "things/thing-02.html")), as: UTF8.self)
        #expect(page.contains(#"<a href="../media/Notes-f-r-Team--v2-.pdf" download>the notes</a>"#))
    }
}
