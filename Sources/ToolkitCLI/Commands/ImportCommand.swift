import ArgumentParser
import CourseLoader
import CourseMedia
import CourseModel
import FileAccess
import Foundation
import WordPressImport

/// `toolkit import …`: bring existing content in, so nothing is typed twice.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Bring existing content into a course: a WordPress export becomes draft Things, badges and media.",
        subcommands: [WordPress.self])

    /// `toolkit import wordpress EXPORT.xml`.
    struct WordPress: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "wordpress",
            abstract:
                "Import a WordPress export (Tools › Export, WXR): one draft Thing per post or page titled “Thing N: …”, with its badge, collection, prerequisites, writing task, resources and media, and a report of every item.",
            discussion: """
                The export is read with no network access, no DTD and no entity expansion. Files are copied from \
                --uploads (a copy of the site's wp-content/uploads); nothing is downloaded unless --download is given. Every Thing is written as \
                a draft, and build/import-report.md lists what each item became and each place that needs your eye. \
                Running it again replaces only files the last import wrote and nobody has changed since.
                """)

        @Argument(help: ArgumentHelp("The WordPress export (WXR 1.2 .xml file).", valueName: "export.xml"))
        var export: String

        @Option(help: ArgumentHelp("A copy of the site's wp-content/uploads folder.", valueName: "dir"))
        var uploads: String?

        @Option(help: ArgumentHelp("Import into this existing course folder.", valueName: "course-dir"))
        var into: String?

        @Option(help: ArgumentHelp("Start a new course with this id (default: one made from the site's title).", valueName: "id"))
        var newCourse: String?

        @Option(
            help: ArgumentHelp(
                "Which posts and pages become Things: `all`, or their ids or slugs separated by commas (default: those titled “Thing N: …”).",
                valueName: "all|id,slug"))
        var select: String?

        @Flag(help: "Import posts and pages WordPress holds as drafts too.")
        var includeDrafts = false

        @Flag(
            help:
                "Download what the uploads folder lacks, and pictures shown from other sites (https only, each at most a course file's size limit, its bytes checked)."
        )
        var download = false

        func validate() throws {
            if into != nil && newCourse != nil {
                throw ValidationError("pass either --into or --new-course, not both")
            }
        }

        func run() throws {
            let environment = CommandEnvironment.current
            let fileSystem = environment.fileSystem
            let exportPath = environment.absolutePath(export)
            guard let size = fileSystem.fileSize(at: exportPath), fileSystem.isFile(exportPath) else {
                throw CommandFailure.io("\(export): no such file")
            }
            guard size <= WXRLimits.maximumExportBytes else {
                throw CommandFailure(
                    message:
                        "\(export): the export is \(MediaFormat.sizeText(size)), over the \(MediaFormat.sizeText(WXRLimits.maximumExportBytes)) an export may be: export a date range or one post type at a time",
                    code: ToolkitExitCode.failure)
            }
            let bytes: [UInt8]
            do { bytes = try fileSystem.readFile(exportPath) } catch { throw CommandFailure.io("\(error)") }
            let wxr: WXRExport
            do {
                wxr = try WXRReader.read(bytes)
            } catch {
                throw CommandFailure(
                    message: "\(export):\(max(error.line, 1)):\(max(error.column, 1)): \(error.message)",
                    code: ToolkitExitCode.failure)
            }
            let root =
                (try? WorkspaceLocator.locate(nil, currentDirectory: environment.currentDirectory, fileSystem: fileSystem))?
                .root ?? environment.currentDirectory
            let layout = WorkspaceLayout.standard
            let loaded = WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: root, courses: [])
            let courseFolder: String
            let courseID: String
            var existingCourse: CourseModel.Course?
            if let into {
                let absolute = environment.absolutePath(into)
                guard
                    let course = loaded.workspace.courses.first(where: {
                        WorkspaceLayout.absolute($0.folder, root: root) == absolute || $0.folder == into
                    })
                else {
                    throw CommandFailure.io(
                        "\(into) is not a course folder of the workspace at \(root) (it holds Courses/<id>/course.yaml)")
                }
                existingCourse = course
                courseFolder = course.folder
                courseID = course.id
            } else {
                courseID =
                    newCourse
                    ?? String(wxr.siteTitle.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
                    .split(separator: "-").joined(separator: "-").prefix(48).description
                try StartingFiles.requireID(courseID)
                courseFolder = layout.courseFolder(named: courseID)
                existingCourse = loaded.workspace.courses.first { $0.folder == courseFolder }
            }
            let manifestPath = courseFolder + "/" + ImportManifest.fileName
            let manifest = ImportManifest(
                bytes: (try? fileSystem.readFile(WorkspaceLayout.absolute(manifestPath, root: root))) ?? [])
            if newCourse != nil, existingCourse != nil, manifest.files.isEmpty {
                throw CommandFailure(
                    message:
                        "\(courseFolder) exists and was not made by an import; nothing was written (use --into \(courseFolder))",
                    code: ToolkitExitCode.failure)
            }

            var request = ImportRequest(export: wxr, exportName: export, courseID: courseID, courseFolder: courseFolder)
            request.includeDrafts = includeDrafts
            if let select {
                let keys = select.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                request.selection = keys == ["all"] ? .all : .items(keys)
            }
            if let course = existingCourse {
                for thing in course.things where manifest.files[thing.file] == nil {
                    request.existingThings[thing.number] = thing.id
                }
                for collection in course.collections {
                    request.existingCollections[collection.title.lowercased()] = collection.id
                }
            }
            request.takenBadgeIDs = Set(loaded.workspace.badges.badges.filter { manifest.files[$0.file] == nil }.map(\.id))
            if let uploads {
                let folder = environment.absolutePath(uploads)
                guard fileSystem.isDirectory(folder) else { throw CommandFailure.io("--uploads \(uploads): no such folder") }
                request.uploads = Self.uploadsReader(folder: folder, fileSystem: fileSystem)
            }
            if download {
                request.download = { address in
                    do {
                        return .bytes(try HTTPSDownload.fetch(address, maximumBytes: MediaLimits.maximumFileSize))
                    } catch {
                        return .failed("\(error)")
                    }
                }
            }
            let plan = WordPressImporter.plan(request)

            // What to write: the plan, the badge art that is missing, the course file, the issuer.
            var files = StartingFiles(root: root)
            var written: [(path: String, bytes: [UInt8])] =
                plan.things.map { ($0.path, Array($0.text.utf8)) } + plan.badges.map { ($0.path, Array($0.text.utf8)) }
                + plan.files
            for badge in plan.badges where fileSystem.entryKind(at: WorkspaceLayout.absolute(badge.imagePath, root: root)) == nil
            {
                files.created.append(
                    (
                        badge.imagePath,
                        ScaffoldBadgeArt.svg(label: badge.artLabel, caption: ScaffoldBadgeArt.caption(for: badge.artTitle))
                    ))
            }
            let courseFile = layout.courseFile(inCourseFolder: courseFolder)
            let issuerID = loaded.workspace.badges.issuer?.id ?? slugID(wxr.siteTitle, fallback: "issuer")
            if let course = existingCourse, manifest.files[courseFile] == nil {
                files.edited.append((courseFile, { text in Self.edit(text, course: course, plan: plan) }))
            } else {
                written.append(
                    (courseFile, Array(ImportedCourseFile.text(id: courseID, export: wxr, issuer: issuerID, plan: plan).utf8)))
            }
            if loaded.workspace.badges.issuer == nil {
                files.created.append((layout.issuerFile, ImportedCourseFile.issuer(id: issuerID, export: wxr)))
                files.created.append(
                    (layout.badgesFolder + "/images/\(issuerID).svg", ScaffoldBadgeArt.svg(label: "✓", caption: ["Issuer"])))
            }
            var newManifest = ImportManifest()
            for file in written { newManifest.files[file.path] = ImportManifest.digest(file.bytes) }
            written.append((manifestPath, Array(newManifest.text.utf8)))
            files.replaced = written
            files.quietReplacements = true
            let replaceable = written.map(\.path)
            files.check = {
                var changed: [String] = []
                for path in replaceable where path != manifestPath {
                    let absolute = WorkspaceLayout.absolute(path, root: root)
                    guard fileSystem.entryKind(at: absolute) != nil else { continue }
                    let current = (try? fileSystem.readFile(absolute)) ?? []
                    if !manifest.isUnchanged(path, bytes: current) { changed.append(path) }
                }
                guard changed.isEmpty else {
                    throw CommandFailure(
                        message:
                            "nothing was written: \(changed.joined(separator: ", ")) exist\(changed.count == 1 ? "s" : "") and \(changed.count == 1 ? "was" : "were") changed since the last import (or not made by one); move \(changed.count == 1 ? "it" : "them") aside, or import into another course with --new-course",
                        code: ToolkitExitCode.failure)
                }
            }
            try files.write(in: environment)

            // The report, beside the packages.
            let reportPath = OutputLayout.standard.defaultFolder(workspaceRoot: root) + "/import-report.md"
            do {
                try fileSystem.createDirectory(OutputLayout.standard.defaultFolder(workspaceRoot: root))
                try AtomicOutput(fileSystem: fileSystem).writeFile(Array(plan.report.markdown.utf8), to: reportPath)
            } catch {
                throw CommandFailure.io("\(error)")
            }
            let display = PathDisplay(workspaceRoot: root, currentDirectory: environment.currentDirectory)
            for finding in plan.report.findings where finding.kind == .attention {
                let place = finding.file.map { display.display($0) + (finding.line.map { ":\($0)" } ?? "") + ": " } ?? ""
                environment.standardOutput(TerminalText.escaped(place + "note: " + finding.message) + "\n")
            }
            let reportShown = display.display(OutputLayout.standard.buildFolder + "/import-report.md")
            environment.standardOutput(plan.report.summary + "; report: \(reportShown)\n")
            environment.standardOutput("next: read the report, then run `toolkit validate`\n")
        }

        private func slugID(_ text: String, fallback: String) -> String {
            let id = text.lowercased().map { $0.isLetter && $0.isASCII || $0.isNumber && $0.isASCII ? $0 : "-" }
            let joined = String(id).split(separator: "-").joined(separator: "-")
            return joined.isEmpty ? fallback : String(joined.prefix(40))
        }

        /// Reads uploads inside `folder` only: no link out of it, nothing over a course file's size limit.
        static func uploadsReader(folder: String, fileSystem: any FileSystem) -> @Sendable (String) -> UploadedFile {
            let resolvedFolder = fileSystem.resolvedPath(folder)
            let system = fileSystem
            return { path in
                let full = folder + "/" + path
                guard system.isFile(full) else { return .missing }
                let resolved = system.resolvedPath(full)
                guard resolved.hasPrefix(resolvedFolder + "/") else { return .missing }
                let size = system.fileSize(at: full) ?? 0
                guard size <= MediaLimits.maximumFileSize else { return .tooLarge(size) }
                return (try? system.readFile(full)).map(UploadedFile.bytes) ?? .missing
            }
        }

        /// An existing `course.yaml` with the imported Things and collections added (each once).
        static func edit(_ text: String, course: CourseModel.Course, plan: ImportPlan) -> String {
            var editor = CourseFileEditor(text)
            for thing in plan.things where course.thing(id: thing.id) == nil { _ = editor.appendThing(thing.id) }
            for collection in plan.collections {
                if let existing = course.collection(id: collection.id) {
                    for thing in collection.things where !existing.members.contains(where: { $0.id == thing }) {
                        _ = editor.appendThing(thing, toCollection: collection.id)
                    }
                } else {
                    editor.appendCollection(
                        id: collection.id, title: collection.title, badge: collection.badge, things: collection.things)
                }
            }
            return editor.text
        }
    }
}
