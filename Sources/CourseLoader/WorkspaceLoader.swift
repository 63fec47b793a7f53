import CourseModel
import FileAccess
import ToolkitSupport

/// Turns the files of a workspace into the model, with every problem met on the way as a finding.
public struct WorkspaceLoader: Sendable {
    /// The largest course or badge file read, in bytes: far beyond any real Thing, small enough
    /// that a runaway file cannot exhaust memory.
    public static let maximumFileSize = 4 * 1024 * 1024

    /// Where files are read from.
    public let fileSystem: any FileSystem
    /// Where the files are in the workspace.
    public let layout: WorkspaceLayout
    /// Thing and badge-class files parsed by earlier loads, reused while their text is unchanged (nil: parse every file).
    public var thingCache: ParsedThingCache?

    /// Creates a loader reading from `fileSystem`.
    public init(fileSystem: any FileSystem = DiskFileSystem(), layout: WorkspaceLayout = .standard) {
        self.fileSystem = fileSystem
        self.layout = layout
    }

    /// Loads the workspace at `root`: the courses in `courseFolders` (names under `Courses/`),
    /// or every course when nil, and the whole badge catalogue.
    public func load(workspaceAt root: String, courses courseFolders: [String]? = nil) -> LoadReport {
        let sink = FindingSink()
        let coursesPath = joinPath(root, layout.coursesFolder)
        let folders: [String]
        if let courseFolders {
            folders = courseFolders
        } else if fileSystem.isDirectory(coursesPath) {
            let names = ((try? fileSystem.contentsOfDirectory(coursesPath)) ?? []).filter {
                fileSystem.isDirectory(joinPath(coursesPath, $0)) && !$0.hasPrefix(".")
            }
            // A name the file system could not give as UTF-8 comes back with replacement characters.
            folders = names.filter { !$0.contains(literal: "\u{FFFD}") }
            for name in names where name.contains(literal: "\u{FFFD}") {
                sink.error(
                    LoaderRuleID.pathSafety, "a course folder's name is not UTF-8 text",
                    at: SourceLocation(file: TerminalText.escaped(layout.courseFolder(named: name))),
                    hint: "rename the folder to its course id (a-z, 0-9 and hyphens)")
            }
            if names.isEmpty {
                sink.ioFailure(
                    "`\(layout.coursesFolder)/` holds no course; add `\(layout.courseFolder(named: "<id>"))/\(layout.courseFileName)`",
                    at: SourceLocation(file: layout.coursesFolder, line: 1, column: 1))
            }
        } else {
            sink.ioFailure(
                "there is no `\(layout.coursesFolder)/` folder",
                at: SourceLocation(file: layout.coursesFolder, line: 1, column: 1))
            folders = []
        }
        let reader = SourceReader(files: WorkspaceFiles(root: root, fileSystem: fileSystem))

        // Course files first (few), then every Thing and badge file, each independent, across the cores.
        var courses: [Course] = []
        var thingFiles: [(course: Int, file: String)] = []
        for folderName in folders {
            let folder = layout.courseFolder(named: folderName)
            guard fileSystem.isDirectory(joinPath(root, folder)) else {
                sink.ioFailure("there is no course folder `\(folder)`", at: SourceLocation(file: folder))
                continue
            }
            let courseFile = layout.courseFile(inCourseFolder: folder)
            guard let text = reader.read(courseFile, sink: sink),
                let course = CourseFileLoader.load(text, file: courseFile, folder: folder, sink: sink)
            else { continue }
            thingFiles += reader.files(
                in: layout.thingsFolder(inCourseFolder: folder), ending: layout.thingFileExtension, sink: sink
            ).map {
                (courses.count, $0)
            }
            courses.append(course)
        }
        let things = ParallelMap.map(thingFiles.map(\.file)) { file -> LoadedFile<Thing> in
            let local = FindingSink()
            let thing = reader.read(file, sink: local).flatMap { text in
                guard let cache = thingCache else { return ThingFileLoader.load(text, file: file, sink: local) }
                return cache.thing(text, file: file, sink: local) { ThingFileLoader.load(text, file: file, sink: $0) }
            }
            return LoadedFile(value: thing, sink: local)
        }
        // Each course's Things are assigned at once: a course indexes its Things whenever the list changes.
        var thingsByCourse = Array(repeating: [Thing](), count: courses.count)
        var unloaded = Set<String>()
        for (entry, loaded) in zip(thingFiles, things) {
            sink.merge(loaded.sink)
            if let thing = loaded.value { thingsByCourse[entry.course].append(thing) } else { unloaded.insert(entry.file) }
        }
        for index in courses.indices { courses[index].things = thingsByCourse[index] }
        thingCache?.keepOnly(Set(thingFiles.map(\.file)))

        var catalogue = BadgeCatalog()
        let issuerFile = layout.issuerFile
        if fileSystem.entryKind(at: joinPath(root, issuerFile)) != nil {
            catalogue.issuer = reader.read(issuerFile, sink: sink).flatMap {
                BadgeFileLoader.loadIssuer($0, file: issuerFile, sink: sink)
            }
        }
        let badgeFiles = reader.files(in: layout.badgeClassesFolder, ending: layout.badgeClassFileExtension, sink: sink)
        let badges = ParallelMap.map(badgeFiles) { file -> LoadedFile<BadgeClass> in
            let local = FindingSink()
            let badge = reader.read(file, sink: local).flatMap { text in
                guard let cache = thingCache else { return BadgeFileLoader.loadBadge(text, file: file, sink: local) }
                return cache.badge(text, file: file, sink: local) { BadgeFileLoader.loadBadge(text, file: file, sink: $0) }
            }
            return LoadedFile(value: badge, sink: local)
        }
        thingCache?.keepOnlyBadges(Set(badgeFiles))
        for (file, badge) in zip(badgeFiles, badges) where badge.value == nil { unloaded.insert(file) }
        for badge in badges { sink.merge(badge.sink) }
        catalogue.badges = badges.compactMap(\.value)

        var workspace = Workspace(rootPath: root, courses: courses, badges: catalogue)
        workspace.unloadedFiles = unloaded
        return LoadReport(
            workspace: workspace,
            findings: sink.findings, filesRead: sink.filesRead, hadIOFailure: sink.hadIOFailure)
    }
}

/// What loading one file gave, with the findings met on the way.
private struct LoadedFile<Value>: @unchecked Sendable {
    let value: Value?
    let sink: FindingSink
}

/// Reads workspace files safely: present, a file, inside the workspace, not too large, UTF-8.
struct SourceReader: Sendable {
    let files: WorkspaceFiles

    func read(_ relativePath: String, sink: FindingSink) -> SourceText? {
        let location = SourceLocation(file: relativePath, line: 1, column: 1)
        switch files.check(relativePath) {
        case .linksOut(_, let target)?:
            sink.error(
                LoaderRuleID.pathSafety, "`\(relativePath)` is a link to \(target), outside the workspace", at: location,
                hint: "copy the file into the workspace instead of linking to it")
            return nil
        case .missing?:
            sink.ioFailure("missing file `\(relativePath)`", at: location)
            return nil
        case .notAFile? where files.fileSystem.isDirectory(files.absolute(relativePath)):
            sink.ioFailure("`\(relativePath)` is a folder where a file is expected", at: location)
            return nil
        case .notAFile?:
            sink.ioFailure("cannot read \(relativePath): is not a regular file", at: location)
            return nil
        case let refusal?:
            sink.error(LoaderRuleID.pathSafety, refusal.message, at: location, hint: refusal.hint)
            return nil
        case nil:
            break
        }
        let path = files.absolute(relativePath)
        if let size = files.fileSystem.fileSize(at: path), size > WorkspaceLoader.maximumFileSize {
            sink.error(
                LoaderRuleID.fileSize,
                "`\(relativePath)` is \(size / 1024 / 1024) MB; course files may be at most \(WorkspaceLoader.maximumFileSize / 1024 / 1024) MB",
                at: location, hint: "split the content, or move large media to files/ and link to them")
            return nil
        }
        do {
            let bytes = try files.fileSystem.readFile(path)
            sink.filesRead += 1
            return SourceText(bytes: bytes, file: relativePath, sink: sink)
        } catch {
            sink.ioFailure("cannot read `\(relativePath)`: \(error)", at: location)
            return nil
        }
    }

    func files(in relativeFolder: String, ending suffix: String, sink: FindingSink) -> [String] {
        let path = files.absolute(relativeFolder)
        guard files.fileSystem.isDirectory(path) else { return [] }
        do {
            let listed = try files.fileSystem.contentsOfDirectory(path).filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }
            for name in listed where name.contains(literal: "\u{FFFD}") {
                sink.error(
                    LoaderRuleID.pathSafety, "a file's name is not UTF-8 text",
                    at: SourceLocation(file: TerminalText.escaped(joinPath(relativeFolder, name))), hint: "rename the file")
            }
            let names = listed.filter { !$0.contains(literal: "\u{FFFD}") }
            var seen: [String: String] = [:]
            var kept: [String] = []
            for name in names {
                if let other = seen[name.lowercased()] {
                    sink.error(
                        LoaderRuleID.pathSafety,
                        "`\(name)` and `\(other)` differ only by case; they clash on case-insensitive systems and in zips",
                        at: SourceLocation(file: joinPath(relativeFolder, name)), hint: "rename or remove one of them")
                    continue
                }
                seen[name.lowercased()] = name
                kept.append(joinPath(relativeFolder, name))
            }
            return kept
        } catch {
            sink.ioFailure("cannot list `\(relativeFolder)`", at: SourceLocation(file: relativeFolder))
            return []
        }
    }
}
