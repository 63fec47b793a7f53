import CourseLoader
import FileAccess
import Testing

@Suite("Workspace locator")
struct WorkspaceLocatorTests {
    let fileSystem = InMemoryFileSystem(files: [
        "/ws/Courses/a/course.yaml": "id: a\n",
        "/ws/Courses/a/things/thing-01.md": "",
        "/ws/Badges/issuer.yaml": "",
    ])

    @Test("no path finds the nearest workspace above the current folder")
    func nearest() throws {
        let selection = try WorkspaceLocator.locate(nil, currentDirectory: "/ws/Courses/a/things", fileSystem: fileSystem)
        #expect(selection == WorkspaceSelection(root: "/ws", courseFolders: nil))
    }

    @Test("a course folder selects that course of its workspace")
    func courseFolder() throws {
        let selection = try WorkspaceLocator.locate("Courses/a", currentDirectory: "/ws", fileSystem: fileSystem)
        #expect(selection == WorkspaceSelection(root: "/ws", courseFolders: ["a"]))
    }

    @Test("a folder that is neither is refused with a reason")
    func neither() {
        #expect(throws: FileSystemError.self) {
            try WorkspaceLocator.locate("Badges", currentDirectory: "/ws", fileSystem: fileSystem)
        }
        #expect(throws: FileSystemError.self) {
            try WorkspaceLocator.locate("missing", currentDirectory: "/ws", fileSystem: fileSystem)
        }
    }
}
