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
        var filesRead = 0
        let coursesPath = joinPath(root, Self.coursesFolder)
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

        func read(_ relativePath: String) -> SourceText? {
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
                let resolvedRoot = fileSystem.resolvedPath(root)
                let resolved = fileSystem.resolvedPath(path)
                guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot + "/") else {
                    sink.error(
                        LoaderRuleID.pathSafety, "`\(relativePath)` is a link to \(resolved), outside the workspace", at: location,
                        hint: "copy the file into the workspace instead of linking to it")
                    return nil
                }
                if let size = fileSystem.fileSize(at: path), size > Self.maximumFileSize {
                    sink.error(
                        LoaderRuleID.fileSize,
                        "`\(relativePath)` is \(size / 1024 / 1024) MB; course files may be at most \(Self.maximumFileSize / 1024 / 1024) MB",
                        at: location, hint: "split the content, or move large media to files/ and link to them")
                    return nil
                }
                do {
                    let bytes = try fileSystem.readFile(path)
                    filesRead += 1
                    return SourceText(bytes: bytes, file: relativePath, sink: sink)
                } catch {
                    sink.ioFailure("cannot read `\(relativePath)`: \(error)", at: location)
                    return nil
                }
            }
        }

        func files(in relativeFolder: String, ending suffix: String) -> [String] {
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

        var courses: [Course] = []
        for folderName in folders {
            let folder = joinPath(Self.coursesFolder, folderName)
            guard fileSystem.isDirectory(joinPath(root, folder)) else {
                sink.ioFailure("there is no course folder `\(folder)`", at: SourceLocation(file: folder))
                continue
            }
            guard let text = read(joinPath(folder, Self.courseFile)),
                var course = CourseFileLoader.load(
                    text, file: joinPath(folder, Self.courseFile), folder: folder, sink: sink)
            else { continue }
            course.things = files(in: joinPath(folder, Self.thingsFolder), ending: ".md").compactMap { file in
                read(file).flatMap { ThingFileLoader.load($0, file: file, sink: sink) }
            }
            courses.append(course)
        }

        var catalogue = BadgeCatalog()
        let issuerFile = joinPath(Self.badgesFolder, "issuer.yaml")
        if fileSystem.entryKind(at: joinPath(root, issuerFile)) != nil {
            catalogue.issuer = read(issuerFile).flatMap { BadgeFileLoader.loadIssuer($0, file: issuerFile, sink: sink) }
        }
        catalogue.badges = files(in: joinPath(Self.badgesFolder, "badges"), ending: ".yaml").compactMap { file in
            read(file).flatMap { BadgeFileLoader.loadBadge($0, file: file, sink: sink) }
        }

        return LoadReport(
            workspace: Workspace(rootPath: root, courses: courses, badges: catalogue),
            findings: sink.findings, filesRead: filesRead, hadIOFailure: sink.hadIOFailure)
    }
}
