import CourseModel
import FileAccess

/// The files one `toolkit new` run writes: new files, which must not exist yet, and edits of existing
/// ones. Every check runs before the first write; each file is then written atomically.
struct StartingFiles {
    /// The workspace the paths are relative to (absolute).
    let root: String
    /// Files to create, by workspace-relative path.
    var created: [(path: String, text: String)] = []
    /// Existing files to replace with edited text, by workspace-relative path.
    var edited: [(path: String, text: String)] = []

    /// Refuses a malformed id (exit 2) before anything is read.
    static func requireID(_ id: String) throws {
        guard Identifier.isWellFormed(id) else {
            throw CommandFailure(
                message: "`\(TerminalText.escaped(id))` is not an id: use lower-case letters, digits and single hyphens",
                code: ToolkitExitCode.usageOrIO)
        }
    }

    /// The badge id for a course's Thing: the Thing's id when no badge (loaded, or a file) has it yet,
    /// otherwise the course id before it (`first-aid-thing-02`), since badge ids are shared by every
    /// course of the workspace.
    func badgeID(forThing thing: String, ofCourse course: String, badges: BadgeCatalog, fileSystem: any FileSystem)
        -> String
    {
        let taken =
            badges.badge(id: thing) != nil
            || fileSystem.entryKind(at: absolute(WorkspaceLayout.standard.badgeClassFile(id: thing))) != nil
        return taken ? "\(course)-\(thing)" : thing
    }

    /// The absolute path of a workspace-relative one.
    func absolute(_ path: String) -> String { WorkspaceLayout.absolute(path, root: root) }

    /// The text of an existing workspace file, to edit.
    func read(_ path: String, in fileSystem: any FileSystem) throws -> String {
        String(decoding: try fileSystem.readFile(absolute(path)), as: UTF8.self)
    }

    /// Writes every file after checking that none to be created exists (exit 1, nothing written, when
    /// one does), and prints what was created and edited.
    func write(in environment: CommandEnvironment, advice: String = "") throws {
        let fileSystem = environment.fileSystem
        if let existing = created.first(where: { fileSystem.entryKind(at: absolute($0.path)) != nil }) {
            throw CommandFailure(
                message: "\(existing.path) exists; nothing was written\(advice)", code: ToolkitExitCode.failure)
        }
        let output = AtomicOutput(fileSystem: fileSystem)
        do {
            for file in created + edited { try output.writeFile(Array(file.text.utf8), to: absolute(file.path)) }
        } catch {
            throw CommandFailure.io("\(error)")
        }
        let display = PathDisplay(workspaceRoot: root, currentDirectory: environment.currentDirectory)
        for file in created { environment.standardOutput("created \(display.display(file.path))\n") }
        for file in edited { environment.standardOutput("edited \(display.display(file.path))\n") }
    }
}
