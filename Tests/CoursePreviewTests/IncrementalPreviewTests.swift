import CourseModel
import CoursePackager
import FileAccess
import Foundation
import Testing

@testable import CoursePreview

/// The preview renders again only what an edit changed, and what it serves is byte for byte what a
/// full build makes.
@Suite("Incremental preview")
struct IncrementalPreviewTests {
    static let root = "/ws"
    static let thing02 = root + "/Courses/sssc-23-things-leadership/things/thing-02.md"

    /// The bundled workspace, copied into memory.
    static func bundled() throws -> InMemoryFileSystem {
        let memory = InMemoryFileSystem()
        let disk = DiskFileSystem()
        let package = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        for folder in ["Courses", "Badges"] {
            let source = package.appendingPathComponent(folder).path
            for file in disk.filesBelow(source) {
                memory.write(bytes: try disk.readFile(joinPath(source, file)), to: joinPath(root, folder, file))
            }
        }
        return memory
    }

    /// What a fresh preview, with nothing kept, serves for the workspace as it is now.
    static func fullBuild(_ memory: InMemoryFileSystem, format: PackageFormat) -> PreviewSnapshot {
        PreviewBuilder(workspaceRoot: root, courseFolders: nil, format: format, fileSystem: memory).build(after: .empty)
    }

    static func edit(_ memory: InMemoryFileSystem, _ old: String, _ new: String) throws {
        let text = String(decoding: try memory.readFile(thing02), as: UTF8.self)
        #expect(text.contains(old))
        memory.write(text.replacingOccurrences(of: old, with: new), to: thing02)
    }

    @Test(
        "an edit to one Thing's body renders that page and the home only, and equals a full build",
        arguments: [
            PackageFormat.html, .scorm2004,
        ])
    func bodyEdit(format: PackageFormat) throws {
        let memory = try Self.bundled()
        let builder = PreviewBuilder(workspaceRoot: Self.root, courseFolders: nil, format: format, fileSystem: memory)
        let first = builder.build(after: .empty)
        #expect(first.problems.isEmpty, "\(first.problems)")
        let thingPages = first.files.keys.filter { $0.hasPrefix("things/") && $0.hasSuffix(".html") }
        #expect(thingPages.count == 23)
        #expect(builder.renderedPages.renderedByLastBuild.count == thingPages.count + (format == .html ? 1 : 0))

        try Self.edit(memory, "You do not need to manage anyone", "You need not manage anyone")
        let second = builder.build(after: first)
        #expect(second.problems.isEmpty)
        let expected = format == .html ? ["index.html", "things/thing-02.html"] : ["things/thing-02.html"]
        #expect(builder.renderedPages.renderedByLastBuild == expected)
        #expect(
            String(decoding: second.files["things/thing-02.html"] ?? [], as: UTF8.self).contains("You need not manage anyone"))
        #expect(second.files == Self.fullBuild(memory, format: format).files, "byte for byte what a full build makes")

        // Nothing changed: nothing is rendered.
        let third = builder.build(after: second)
        #expect(builder.renderedPages.renderedByLastBuild.isEmpty)
        #expect(third.files == second.files)
    }

    @Test("an edit other pages show (a Thing's title) renders every page, and still equals a full build")
    func titleEdit() throws {
        let memory = try Self.bundled()
        let builder = PreviewBuilder(workspaceRoot: Self.root, courseFolders: nil, format: .html, fileSystem: memory)
        let first = builder.build(after: .empty)
        try Self.edit(memory, "title: Leadership / management?", "title: Leadership and management")
        let second = builder.build(after: first)
        #expect(builder.renderedPages.renderedByLastBuild.count == 24)
        #expect(
            String(decoding: second.files["things/thing-03.html"] ?? [], as: UTF8.self).contains("Leadership and management"),
            "its neighbour names it")
        #expect(second.files == Self.fullBuild(memory, format: .html).files)
        // The course file too: its title is on every page.
        let courseFile = Self.root + "/Courses/sssc-23-things-leadership/course.yaml"
        let course = String(decoding: try memory.readFile(courseFile), as: UTF8.self)
        memory.write(
            course.replacingOccurrences(of: "title: SSSC 23 Things Leadership", with: "title: SSSC 23 Things"), to: courseFile)
        let third = builder.build(after: second)
        #expect(builder.renderedPages.renderedByLastBuild.count == 24)
        #expect(third.files == Self.fullBuild(memory, format: .html).files)
    }

    @Test("a badge the pages name, renamed, renders its pages again; a badge no page names renders nothing")
    func badgeEdits() throws {
        let memory = try Self.bundled()
        let builder = PreviewBuilder(workspaceRoot: Self.root, courseFolders: nil, format: .html, fileSystem: memory)
        let first = builder.build(after: .empty)
        let badgeFile = Self.root + "/Badges/badges/thing-02.yaml"
        let badge = String(decoding: try memory.readFile(badgeFile), as: UTF8.self)
        let name = try #require(badge.split(separator: "\n").first { $0.hasPrefix("name: ") })
        memory.write(badge.replacingOccurrences(of: String(name), with: "name: A renamed badge"), to: badgeFile)
        let second = builder.build(after: first)
        #expect(second.problems.isEmpty, "\(second.problems)")
        #expect(builder.renderedPages.renderedByLastBuild.contains("things/thing-02.html"))
        #expect(String(decoding: second.files["things/thing-02.html"] ?? [], as: UTF8.self).contains("A renamed badge"))
        #expect(second.files == Self.fullBuild(memory, format: .html).files)

        // A badge class no Thing, collection or prerequisite of the course names.
        memory.write(
            "id: unrelated\nkind: thing\nname: Unrelated\ndescription: Named by no page.\nimage: images/thing-02.png\n",
            to: Self.root + "/Badges/badges/unrelated.yaml")
        let third = builder.build(after: second)
        #expect(third.problems.isEmpty, "\(third.problems)")
        #expect(builder.renderedPages.renderedByLastBuild.isEmpty)
        #expect(third.files == Self.fullBuild(memory, format: .html).files)
    }
}
