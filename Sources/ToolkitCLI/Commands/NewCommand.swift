import ArgumentParser
import CourseLoader
import CourseModel
import CourseValidator
import FileAccess
import Foundation

/// `toolkit new …`: complete, commented starting files that validate on the first run.
struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract:
            "Create starting files: a new course, Thing or collection with its badge and artwork, or a Thing's missing badge.",
        subcommands: [Course.self, Thing.self, Badge.self, Collection.self])

    /// `toolkit new thing`.
    struct Thing: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add the next Thing to a course: its file (every field, an example of each activity type), its badge class and badge art, listed in course.yaml.",
            discussion: "Nothing is overwritten: if a file it would write exists, nothing is written.")

        @OptionGroup var courses: CourseSelectionOptions

        @Option(help: "The Thing's title.")
        var title: String

        @Option(help: "A collection of the course the Thing counts towards (its id).")
        var collection: String?

        func run() throws {
            let environment = CommandEnvironment.current
            let fileSystem = environment.fileSystem
            try StartingFiles.requireTitle(title)
            let (selection, report) = try courses.load(in: environment)
            let course = try CourseSelectionOptions.singleCourse(of: report, for: "new thing")
            if let collection, course.collection(id: collection) == nil {
                throw CommandFailure(
                    message: "course `\(course.id)` has no collection `\(collection)`", code: ToolkitExitCode.usageOrIO)
            }
            let layout = WorkspaceLayout.standard
            let number = max(course.things.map(\.number).max() ?? 0, course.thingOrder.count) + 1
            let id = String(format: "thing-%02d", number)
            var files = StartingFiles(root: selection.root)
            let badge = files.badgeID(
                forThing: id, ofCourse: course.id, badges: report.workspace.badges, fileSystem: fileSystem)
            let image = "images/\(badge).svg"
            files.created = [
                (
                    layout.thingFile(id: id, inCourseFolder: course.folder),
                    ThingTemplate.text(id: id, number: number, title: title, badge: badge, collection: collection)
                ),
                (
                    layout.badgeClassFile(id: badge),
                    ThingTemplate.badge(id: badge, number: number, title: title, courseTitle: course.title, image: image)
                ),
                (
                    layout.badgesFolder + "/" + image,
                    ScaffoldBadgeArt.svg(label: String(number), caption: ScaffoldBadgeArt.caption(for: title))
                ),
            ]
            // course.yaml gains the id (and the collection its member), edited as it is when the lock is held.
            let courseFile = layout.courseFile(inCourseFolder: course.folder)
            files.edited = [
                (
                    courseFile,
                    { text in
                        var editor = CourseFileEditor(text)
                        guard editor.appendThing(id) else {
                            throw CommandFailure(
                                message: "\(courseFile) has no `things:` list to add \(id) to", code: ToolkitExitCode.failure)
                        }
                        if let collection, !editor.appendThing(id, toCollection: collection) {
                            throw CommandFailure(
                                message: "\(courseFile): the collection `\(collection)` has no `things:` list",
                                code: ToolkitExitCode.failure)
                        }
                        return editor.text
                    }
                )
            ]
            try files.write(in: environment, advice: " (pick another title or remove it)")
            environment.standardOutput("next: write the Thing, then run `toolkit validate`\n")
        }
    }

    /// `toolkit new badge THING`: the badge class and art of a Thing that has none yet.
    struct Badge: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Write the badge class (Badges/badges/<id>.yaml) and badge art of a Thing whose badge does not exist yet.",
            discussion:
                "The badge id is the one the Thing's `badge:` field names, or the Thing's id when it names none. Nothing is overwritten."
        )

        @Argument(help: ArgumentHelp("The Thing's id.", valueName: "thing-id"))
        var thing: String

        @OptionGroup var courses: CourseSelectionOptions

        func run() throws {
            let environment = CommandEnvironment.current
            let (selection, report) = try courses.load(in: environment)
            let matches = report.workspace.courses.flatMap { course in
                course.things.filter { $0.id == thing }.map { (course: course, thing: $0) }
            }
            guard let match = matches.first else {
                throw CommandFailure(
                    message: "no Thing has the id `\(TerminalText.escaped(thing))` (validate lists the Things it reads)",
                    code: ToolkitExitCode.usageOrIO)
            }
            guard matches.count == 1 else {
                throw CommandFailure(
                    message: "\(matches.count) courses have a Thing `\(thing)`; pass the course folder (Courses/<id>)",
                    code: ToolkitExitCode.usageOrIO)
            }
            let layout = WorkspaceLayout.standard
            let id = match.thing.badge?.id ?? match.thing.id
            let title = match.thing.title.isEmpty ? "Thing \(match.thing.number)" : match.thing.title
            let image = "images/\(id).svg"
            var files = StartingFiles(root: selection.root)
            files.created = [
                (
                    layout.badgeClassFile(id: id),
                    ThingTemplate.badge(
                        id: id, number: match.thing.number, title: title, courseTitle: match.course.title, image: image)
                ),
                (
                    layout.badgesFolder + "/" + image,
                    ScaffoldBadgeArt.svg(label: String(match.thing.number), caption: ScaffoldBadgeArt.caption(for: title))
                ),
            ]
            try files.write(in: environment)
            let display = PathDisplay(workspaceRoot: selection.root, currentDirectory: environment.currentDirectory)
            if match.thing.badge == nil {
                environment.standardOutput("next: add `badge: \(id)` to \(display.display(match.thing.file))\n")
            }
        }
    }

    /// `toolkit new collection ID --title … --things …`: a collection of a course with its badge.
    struct Collection: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Add a collection to a course: its entry in course.yaml, `countsTowards` in each member Thing, its badge class and badge art.",
            discussion: "Nothing is overwritten: if the collection, its badge or its art exists, nothing is written.")

        @Argument(help: ArgumentHelp("The collection's id (lower-case letters, digits and hyphens).", valueName: "id"))
        var id: String

        @OptionGroup var courses: CourseSelectionOptions

        @Option(help: "The collection's title.")
        var title: String

        @Option(
            help: ArgumentHelp("The member Things' ids, separated by commas.", valueName: "thing-01,thing-02"),
            transform: { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } })
        var things: [String]

        func run() throws {
            let environment = CommandEnvironment.current
            try StartingFiles.requireID(id)
            try StartingFiles.requireTitle(title)
            let (selection, report) = try courses.load(in: environment)
            let course = try CourseSelectionOptions.singleCourse(of: report, for: "new collection")
            if course.collection(id: id) != nil || report.workspace.badges.badge(id: id) != nil {
                throw CommandFailure(
                    message: "`\(id)` is already a collection or badge; nothing was written", code: ToolkitExitCode.failure)
            }
            let members = try things.map { thingID -> CourseModel.Thing in
                guard let thing = course.thing(id: thingID) else {
                    throw CommandFailure(
                        message: "course `\(course.id)` has no Thing `\(TerminalText.escaped(thingID))`",
                        code: ToolkitExitCode.usageOrIO)
                }
                return thing
            }
            guard !members.isEmpty else {
                throw CommandFailure(message: "name the member Things with --things", code: ToolkitExitCode.usageOrIO)
            }
            let layout = WorkspaceLayout.standard
            let image = "images/\(id).svg"
            let initials = String(title.split(separator: " ").compactMap(\.first).filter(\.isLetter).prefix(3)).uppercased()
            var files = StartingFiles(root: selection.root)
            files.created = [
                (
                    layout.badgeClassFile(id: id),
                    ThingTemplate.collectionBadge(
                        id: id, title: title, courseTitle: course.title, image: image,
                        numbers: members.map(\.number).sorted())
                ),
                (
                    layout.badgesFolder + "/" + image,
                    ScaffoldBadgeArt.svg(label: initials.isEmpty ? "★" : initials, caption: ScaffoldBadgeArt.caption(for: title))
                ),
            ]
            // Every edit is made in memory first, so a file that cannot be edited leaves all of them unwritten.
            let courseFile = layout.courseFile(inCourseFolder: course.folder)
            let memberIDs = members.map(\.id)
            files.edited = [
                (
                    courseFile,
                    { text in
                        var editor = CourseFileEditor(text)
                        editor.appendCollection(id: id, title: title, badge: id, things: memberIDs)
                        return editor.text
                    }
                )
            ]
            for thing in members where !thing.countsTowards.contains(where: { $0.id == id }) {
                let file = thing.file
                files.edited.append(
                    (
                        file,
                        { text in
                            var editor = CourseFileEditor(text)
                            guard editor.appendToFrontMatterList("countsTowards", id, after: "badge") else {
                                throw CommandFailure(
                                    message: "\(file): its front matter could not be edited; nothing was written",
                                    code: ToolkitExitCode.failure)
                            }
                            return editor.text
                        }
                    ))
            }
            try files.write(in: environment)
        }
    }

    /// `toolkit new course ID --title …`: a course with its first Thing, in this workspace or a new one.
    struct Course: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract:
                "Start a course: Courses/<id>/course.yaml (every field, commented), its first Thing with badge and art, and the issuer file when the workspace has none.",
            discussion:
                "Run it in a workspace (a folder holding Courses/) or in an empty folder to start one. Nothing is overwritten.")

        @Argument(help: ArgumentHelp("The course's id (lower-case letters, digits and hyphens).", valueName: "id"))
        var id: String

        @Option(help: "The course's title.")
        var title: String

        func run() throws {
            let environment = CommandEnvironment.current
            let fileSystem = environment.fileSystem
            try StartingFiles.requireID(id)
            try StartingFiles.requireTitle(title)
            let root =
                (try? WorkspaceLocator.locate(nil, currentDirectory: environment.currentDirectory, fileSystem: fileSystem))?
                .root ?? environment.currentDirectory
            let badges = WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: root, courses: []).workspace.badges
            let layout = WorkspaceLayout.standard
            let folder = layout.courseFolder(named: id)
            if fileSystem.entryKind(at: WorkspaceLayout.absolute(folder, root: root)) != nil {
                throw CommandFailure(message: "\(folder) exists; nothing was written", code: ToolkitExitCode.failure)
            }
            let issuerID = badges.issuer?.id ?? "issuer"
            let badgeID = StartingFiles(root: root).badgeID(
                forThing: "thing-01", ofCourse: id, badges: badges, fileSystem: fileSystem)
            let thingTitle = "Getting started"
            var files = StartingFiles(root: root)
            files.created = [
                (layout.courseFile(inCourseFolder: folder), ThingTemplate.course(id: id, title: title, issuer: issuerID)),
                (
                    layout.thingFile(id: "thing-01", inCourseFolder: folder),
                    ThingTemplate.text(id: "thing-01", number: 1, title: thingTitle, badge: badgeID, collection: nil)
                ),
                (
                    layout.badgeClassFile(id: badgeID),
                    ThingTemplate.badge(
                        id: badgeID, number: 1, title: thingTitle, courseTitle: title, image: "images/\(badgeID).svg")
                ),
                (
                    layout.badgesFolder + "/images/\(badgeID).svg",
                    ScaffoldBadgeArt.svg(label: "1", caption: ScaffoldBadgeArt.caption(for: thingTitle))
                ),
            ]
            if badges.issuer == nil {
                files.created.append((layout.issuerFile, ThingTemplate.issuer(id: issuerID, image: "images/\(issuerID).svg")))
                files.created.append(
                    (layout.badgesFolder + "/images/\(issuerID).svg", ScaffoldBadgeArt.svg(label: "✓", caption: ["Issuer"])))
            }
            // A new workspace becomes a course repository: what not to commit, the editor's schemas, a CI
            // workflow (never over the author's own files).
            if badges.issuer == nil {
                files.created += RepositoryFiles.missing(in: root) { fileSystem.entryKind(at: $0) != nil }
            }
            try files.write(in: environment)
            environment.standardOutput("next: fill in the fields marked in each file, then run `toolkit validate`\n")
        }
    }
}

extension CourseSelectionOptions {
    /// The selected workspace, loaded (not validated: `new` writes files that `validate` then checks).
    fileprivate func load(in environment: CommandEnvironment) throws -> (selection: WorkspaceSelection, report: LoadReport) {
        let selection = try selection(in: environment)
        let report = WorkspaceLoader(fileSystem: environment.fileSystem).load(
            workspaceAt: selection.root, courses: selection.courseFolders)
        return (selection, report)
    }

    /// The one course a command that edits a course works on; an error naming `command` otherwise.
    fileprivate static func singleCourse(of report: LoadReport, for command: String) throws -> CourseModel.Course {
        guard report.workspace.courses.count == 1, let course = report.workspace.courses.first else {
            throw CommandFailure.io("`\(command)` needs one course: pass its folder (Courses/<id>)")
        }
        return course
    }
}
