import CourseModel

/// Turns the files of a workspace into the model, with every problem met on the way as a finding.
public struct WorkspaceLoader: Sendable {
    /// Name of the folder holding the courses.
    public static let coursesFolder = "Courses"
    /// Name of the folder holding the issuer and badge classes.
    public static let badgesFolder = "Badges"
    /// Name of a course's own file.
    public static let courseFile = "course.yaml"
    /// Name of the folder of Thing files inside a course.
    public static let thingsFolder = "things"

    /// The largest course or badge file read, in bytes: far beyond any real Thing, small enough
    /// that a runaway file cannot exhaust memory.
    public static let maximumFileSize = 4 * 1024 * 1024

    /// Where files are read from.
    public let fileSystem: any FileSystem

    /// Creates a loader reading from `fileSystem`.
    public init(fileSystem: any FileSystem = DiskFileSystem()) {
        self.fileSystem = fileSystem
    }

    /// Loads the workspace at `root`: the courses in `courseFolders` (names under `Courses/`),
    /// or every course when nil, and the whole badge catalogue.
    public func load(workspaceAt root: String, courses courseFolders: [String]? = nil) -> LoadReport {
        let sink = FindingSink()
        let coursesPath = joinPath(root, Self.coursesFolder)
        let resolvedRoot = fileSystem.resolvedPath(root)
        let folders: [String]
        if let courseFolders {
            folders = courseFolders
        } else if fileSystem.isDirectory(coursesPath) {
            folders = ((try? fileSystem.contentsOfDirectory(coursesPath)) ?? []).filter {
                fileSystem.isDirectory(joinPath(coursesPath, $0)) && !$0.hasPrefix(".")
            }
        } else {
            sink.ioFailure(
                "there is no `\(Self.coursesFolder)/` folder", at: SourceLocation(file: Self.coursesFolder, line: 1, column: 1))
            folders = []
        }
        let reader = SourceReader(fileSystem: fileSystem, root: root, resolvedRoot: resolvedRoot)

        // Course files first (few), then every Thing and badge file, each independent, across the cores.
        var courses: [Course] = []
        var thingFiles: [(course: Int, file: String)] = []
        for folderName in folders {
            let folder = joinPath(Self.coursesFolder, folderName)
            guard fileSystem.isDirectory(joinPath(root, folder)) else {
                sink.ioFailure("there is no course folder `\(folder)`", at: SourceLocation(file: folder))
                continue
            }
            guard let text = reader.read(joinPath(folder, Self.courseFile), sink: sink),
                let course = CourseFileLoader.load(
                    text, file: joinPath(folder, Self.courseFile), folder: folder, sink: sink)
            else { continue }
            thingFiles += reader.files(in: joinPath(folder, Self.thingsFolder), ending: ".md", sink: sink).map {
                (courses.count, $0)
            }
            courses.append(course)
        }
        let things = ParallelMap.map(thingFiles.map(\.file)) { file -> LoadedFile<Thing> in
            let local = FindingSink()
            let thing = reader.read(file, sink: local).flatMap { ThingFileLoader.load($0, file: file, sink: local) }
            return LoadedFile(value: thing, sink: local)
        }
        // Each course's Things are assigned at once: a course indexes its Things whenever the list changes.
        var thingsByCourse = Array(repeating: [Thing](), count: courses.count)
        for (entry, loaded) in zip(thingFiles, things) {
            sink.merge(loaded.sink)
            if let thing = loaded.value { thingsByCourse[entry.course].append(thing) }
        }
        for index in courses.indices { courses[index].things = thingsByCourse[index] }

        var catalogue = BadgeCatalog()
        let issuerFile = joinPath(Self.badgesFolder, "issuer.yaml")
        if fileSystem.entryKind(at: joinPath(root, issuerFile)) != nil {
            catalogue.issuer = reader.read(issuerFile, sink: sink).flatMap {
                BadgeFileLoader.loadIssuer($0, file: issuerFile, sink: sink)
            }
        }
        let badgeFiles = reader.files(in: joinPath(Self.badgesFolder, "badges"), ending: ".yaml", sink: sink)
        let badges = ParallelMap.map(badgeFiles) { file -> LoadedFile<BadgeClass> in
            let local = FindingSink()
            let badge = reader.read(file, sink: local).flatMap { BadgeFileLoader.loadBadge($0, file: file, sink: local) }
            return LoadedFile(value: badge, sink: local)
        }
        badges.forEach { sink.merge($0.sink) }
        catalogue.badges = badges.compactMap(\.value)

        return LoadReport(
            workspace: Workspace(rootPath: root, courses: courses, badges: catalogue),
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
    let fileSystem: any FileSystem
    let root: String
    let resolvedRoot: String

    func read(_ relativePath: String, sink: FindingSink) -> SourceText? {
        let location = SourceLocation(file: relativePath, line: 1, column: 1)
        let path = joinPath(root, relativePath)
        switch fileSystem.entryKind(at: path) {
        case nil:
            sink.ioFailure("missing file `\(relativePath)`", at: location)
            return nil
        case .directory:
            sink.ioFailure("`\(relativePath)` is a folder where a file is expected", at: location)
            return nil
        case .file:
            let resolved = fileSystem.resolvedPath(path)
            guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") else {
                sink.error(
                    LoaderRuleID.pathSafety, "`\(relativePath)` is a link to \(resolved), outside the workspace", at: location,
                    hint: "copy the file into the workspace instead of linking to it")
                return nil
            }
            if let size = fileSystem.fileSize(at: path), size > WorkspaceLoader.maximumFileSize {
                sink.error(
                    LoaderRuleID.fileSize,
                    "`\(relativePath)` is \(size / 1024 / 1024) MB; course files may be at most \(WorkspaceLoader.maximumFileSize / 1024 / 1024) MB",
                    at: location, hint: "split the content, or move large media to files/ and link to them")
                return nil
            }
            do {
                let bytes = try fileSystem.readFile(path)
                sink.filesRead += 1
                return SourceText(bytes: bytes, file: relativePath, sink: sink)
            } catch {
                sink.ioFailure("cannot read `\(relativePath)`: \(error)", at: location)
                return nil
            }
        }
    }

    func files(in relativeFolder: String, ending suffix: String, sink: FindingSink) -> [String] {
        let path = joinPath(root, relativeFolder)
        guard fileSystem.isDirectory(path) else { return [] }
        do {
            let names = try fileSystem.contentsOfDirectory(path).filter { $0.hasSuffix(suffix) && !$0.hasPrefix(".") }
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
