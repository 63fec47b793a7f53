import CourseModel
import FileAccess

/// The files one `toolkit new` run writes: new files, which must not exist yet, and edits of existing
/// ones. Everything happens holding the workspace's sources lock: the files to edit are read and
/// edited then (so two runs at once each keep the other's edit), every check runs before the first
/// write, and each file is written atomically, never through a link out of the workspace.
struct StartingFiles {
    /// One edit of an existing file: its text as it is now in, the new text out (or a failure, and
    /// nothing is written).
    typealias Edit = (String) throws -> String

    /// The workspace the paths are relative to (absolute).
    let root: String
    /// Files to create, by workspace-relative path.
    var created: [(path: String, text: String)] = []
    /// Existing files to edit, by workspace-relative path.
    var edited: [(path: String, edit: Edit)] = []
    /// Files written whether or not they exist (the caller's `check` decides, holding the lock), by
    /// workspace-relative path.
    var replaced: [(path: String, bytes: [UInt8])] = []
    /// A check run holding the lock before anything is written; it throws to write nothing.
    var check: (() throws -> Void)?
    /// Whether the replaced files go unlisted (a caller that prints its own summary).
    var quietReplacements = false
    /// How long a run waits for another one editing the same workspace.
    static let lockTimeout = 60.0

    /// Refuses a malformed id (exit 2) before anything is read.
    static func requireID(_ id: String) throws {
        guard Identifier.isWellFormed(id) else {
            throw CommandFailure(
                message: "`\(TerminalText.escaped(id))` is not an id: use lower-case letters, digits and single hyphens",
                code: ToolkitExitCode.usageOrIO)
        }
    }

    /// Refuses a title that is not one line of visible text (exit 2): a line break or a control
    /// character in a title is always a slip (a pasted paragraph), and would show as nothing on a page.
    static func requireTitle(_ title: String) throws {
        let trimmed = title.trimmingCharacters(in: .whitespaces)
        let invisible = title.unicodeScalars.contains { scalar in
            [.control, .lineSeparator, .paragraphSeparator, .format].contains(scalar.properties.generalCategory)
        }
        guard !trimmed.isEmpty, !invisible else {
            throw CommandFailure(
                message:
                    "the title `\(TerminalText.escaped(title))` is not one line of text: write it without line breaks or control characters",
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

    /// Writes every file, holding the sources lock, after checking that none to be created exists
    /// (exit 1, nothing written, when one does) and that none would be written through a link out of
    /// the workspace (exit 2); prints what was created and edited.
    func write(in environment: CommandEnvironment, advice: String = "") throws {
        let fileSystem = environment.fileSystem
        let lock = OutputLayout.standard.sourcesLock(workspaceRoot: root)
        do {
            try fileSystem.createDirectory(String(lock[..<(lock.lastIndex(of: "/") ?? lock.startIndex)]))
        } catch {
            throw CommandFailure.io("\(error)")
        }
        try fileSystem.withExclusiveLock(lock, timeout: Self.lockTimeout) {
            try writeHoldingLock(fileSystem, advice: advice)
        }
        let display = PathDisplay(workspaceRoot: root, currentDirectory: environment.currentDirectory)
        for file in created { environment.standardOutput("created \(TerminalText.escaped(display.display(file.path)))\n") }
        for file in edited { environment.standardOutput("edited \(TerminalText.escaped(display.display(file.path)))\n") }
        if !replaced.isEmpty, !quietReplacements {
            for file in replaced { environment.standardOutput("wrote \(TerminalText.escaped(display.display(file.path)))\n") }
        }
    }

    private func writeHoldingLock(_ fileSystem: any FileSystem, advice: String) throws {
        try check?()
        if let existing = created.first(where: { fileSystem.entryKind(at: absolute($0.path)) != nil }) {
            throw CommandFailure(
                message: "\(existing.path) exists; nothing was written\(advice)", code: ToolkitExitCode.failure)
        }
        let resolvedRoot = fileSystem.resolvedPath(root)
        for path in created.map(\.path) + edited.map(\.path) + replaced.map(\.path) {
            if let outside = linkOut(path, fileSystem: fileSystem, resolvedRoot: resolvedRoot) {
                throw CommandFailure.io(
                    "\(path): \(outside) is a link out of the workspace; nothing was written (new files are written inside the workspace only)"
                )
            }
        }
        var texts: [(path: String, text: String)] = created
        for file in edited { texts.append((file.path, try file.edit(try read(file.path, in: fileSystem)))) }
        let output = AtomicOutput(fileSystem: fileSystem)
        do {
            for file in texts { try output.writeFile(Array(file.text.utf8), to: absolute(file.path)) }
            for file in replaced { try output.writeFile(file.bytes, to: absolute(file.path)) }
        } catch {
            throw CommandFailure.io("\(error)")
        }
    }

    /// The first part of `path` (itself, or the nearest folder above it that exists) that resolves
    /// outside the workspace, if any.
    private func linkOut(_ path: String, fileSystem: any FileSystem, resolvedRoot: String) -> String? {
        var current = path
        while !current.isEmpty {
            let full = absolute(current)
            if fileSystem.entryKind(at: full) != nil || fileSystem.isSymbolicLink(full) {
                let resolved = fileSystem.resolvedPath(full)
                return resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") ? nil : current
            }
            current = String(current[..<(current.lastIndex(of: "/") ?? current.startIndex)])
        }
        return nil
    }
}
