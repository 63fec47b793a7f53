import CourseLoader
import CourseModel
import CourseValidator
import FileAccess
import Foundation
import Synchronization
import Testing

/// `toolkit new thing`: starting files that validate on the first run, listed where they belong, and
/// never written over anything.
@Suite("toolkit new")
struct NewCommandTests {
    /// Validation errors of the workspace, as lines.
    static func errors(_ fileSystem: any FileSystem) -> [Substring] {
        CommandRunner.run(["validate"], fileSystem: fileSystem, in: RuleFixture.root).standardOutput.split(separator: "\n")
            .filter { $0.contains(": error: ") }
    }

    @Test("in a course of 23 Things the 24th is added, counted towards its collection, and the workspace validates clean")
    func bundled() throws {
        let memory = try InMemoryCommandTests.bundledWorkspace()
        let course = InMemoryCommandTests.root + "/Courses/sssc-23-things-leadership"
        let result = CommandRunner.run(
            ["new", "thing", course, "--title", "Leading through change", "--collection", "leadership-fundamentals"],
            fileSystem: memory, in: InMemoryCommandTests.root)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(memory.isFile(course + "/things/thing-24.md"))
        #expect(memory.isFile(InMemoryCommandTests.root + "/Badges/badges/thing-24.yaml"))
        #expect(memory.isFile(InMemoryCommandTests.root + "/Badges/images/thing-24.svg"))
        let courseText = String(decoding: try memory.readFile(course + "/course.yaml"), as: UTF8.self)
        #expect(courseText.contains("  - thing-23\n  - thing-24\n"))
        #expect(courseText.contains("things: [thing-02, thing-04, thing-24]"))
        #expect(courseText.contains("# Things 2 and 4 are confirmed members"), "comments stay")
        let validation = CommandRunner.run(["validate"], fileSystem: memory, in: InMemoryCommandTests.root)
        #expect(validation.exitCode == 0, "\(validation.standardOutput)")
        #expect(!validation.standardOutput.contains(": error: "))
        // The next Thing's art is already there: nothing is written over it, and nothing else is written.
        memory.write("<svg/>", to: InMemoryCommandTests.root + "/Badges/images/thing-25.svg")
        let before = try memory.readFile(course + "/course.yaml")
        let again = CommandRunner.run(
            ["new", "thing", course, "--title", "Again"], fileSystem: memory, in: InMemoryCommandTests.root)
        #expect(again.exitCode == 1 && again.standardError.contains("exists; nothing was written"), "\(again.standardError)")
        #expect(!memory.isFile(course + "/things/thing-25.md"))
        #expect(try memory.readFile(course + "/course.yaml") == before)
    }

    @Test("in a course of one Thing the second is added and the workspace validates clean")
    func oneThing() throws {
        let single = RuleExample.removing(RuleFixture.secondThing).removingAlso(RuleFixture.secondBadge)
            .replacing("things: [thing-01, thing-02]\n", with: "things: [thing-01]\n", in: RuleFixture.course)
            .replacing("    things: [thing-01, thing-02]", with: "    things: [thing-01]", in: RuleFixture.course)
            .replacing("Body text with a [link to the next Thing](thing-02.md).", with: "Body text.")
        let (fileSystem, _) = try RuleFixture.materialise(single)
        #expect(Self.errors(fileSystem).isEmpty, "the starting workspace is clean")
        let result = CommandRunner.run(
            ["new", "thing", RuleFixture.root + "/" + RuleFixture.courseFolder, "--title", "The second one"],
            fileSystem: fileSystem,
            in: RuleFixture.root)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(fileSystem.isFile(RuleFixture.root + "/" + RuleFixture.courseFolder + "/things/thing-02.md"))
        #expect(Self.errors(fileSystem).isEmpty, "\(Self.errors(fileSystem))")
    }

    @Test(
        "a Thing naming a badge that does not exist: validate names `new badge`, which writes it, and the workspace validates clean"
    )
    func missingBadge() throws {
        let memory = try InMemoryCommandTests.bundledWorkspace()
        let root = InMemoryCommandTests.root
        let thingFile = root + "/Courses/sssc-23-things-leadership/things/thing-05.md"
        let text = String(decoding: try memory.readFile(thingFile), as: UTF8.self)
        memory.write(text.replacingOccurrences(of: "number: 5\n", with: "number: 5\nbadge: thing-05\n"), to: thingFile)
        let before = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(before.exitCode == 1)
        #expect(
            before.standardOutput.contains(
                "hint: create Badges/badges/thing-05.yaml and its art with `toolkit new badge thing-05`"),
            "\(before.standardOutput)")

        let created = CommandRunner.run(["new", "badge", "thing-05"], fileSystem: memory, in: root)
        #expect(created.exitCode == 0, "\(created.standardError)")
        #expect(created.standardOutput.contains("created Badges/badges/thing-05.yaml"), "\(created.standardOutput)")
        let badge = String(decoding: try memory.readFile(root + "/Badges/badges/thing-05.yaml"), as: UTF8.self)
        #expect(badge.contains("name: \"SSSC 23 Things Leadership – Thing 5: How do I show vision as a leader?\""), "\(badge)")
        #expect(memory.isFile(root + "/Badges/images/thing-05.svg"))
        let after = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(after.exitCode == 0 && !after.standardOutput.contains(": error: "), "\(after.standardOutput)")

        // Asked again, it writes nothing; an unknown Thing is a usage error; a Thing without `badge:` is told to add it.
        let again = CommandRunner.run(["new", "badge", "thing-05"], fileSystem: memory, in: root)
        #expect(again.exitCode == 1 && again.standardError.contains("exists; nothing was written"))
        #expect(CommandRunner.run(["new", "badge", "thing-99"], fileSystem: memory, in: root).exitCode == 2)
        let bare = CommandRunner.run(["new", "badge", "thing-06"], fileSystem: memory, in: root)
        #expect(bare.exitCode == 0, "\(bare.standardError)")
        #expect(
            bare.standardOutput.contains("next: add `badge: thing-06` to Courses/sssc-23-things-leadership/things/thing-06.md"))
    }

    @Test("a new collection is listed in course.yaml, counted towards by each member, given a badge and art; it validates clean")
    func newCollection() throws {
        let memory = try InMemoryCommandTests.bundledWorkspace()
        let root = InMemoryCommandTests.root
        let course = root + "/Courses/sssc-23-things-leadership"
        let result = CommandRunner.run(
            ["new", "collection", "leading-change", "--title", "Leading Change", "--things", "thing-02, thing-03"],
            fileSystem: memory, in: root)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let courseText = String(decoding: try memory.readFile(course + "/course.yaml"), as: UTF8.self)
        #expect(
            courseText.hasSuffix(
                "    things: [thing-21, thing-22]\n  - id: leading-change\n    title: \"Leading Change\"\n    badge: leading-change\n    things: [thing-02, thing-03]\n"
            ), "\(courseText.suffix(300))")
        #expect(courseText.contains("# Things 2 and 4 are confirmed members"), "comments stay")
        // A Thing that counts towards collections gains one more; a Thing without the key gets it.
        let thing2 = String(decoding: try memory.readFile(course + "/things/thing-02.md"), as: UTF8.self)
        #expect(thing2.contains("countsTowards: [leadership-fundamentals, leading-change]\n"))
        let thing3 = String(decoding: try memory.readFile(course + "/things/thing-03.md"), as: UTF8.self)
        #expect(thing3.contains("countsTowards: [leading-change]\n"), "\(thing3.prefix(300))")
        let badge = String(decoding: try memory.readFile(root + "/Badges/badges/leading-change.yaml"), as: UTF8.self)
        #expect(badge.contains("kind: collection\n") && badge.contains("(Things 2, 3)"))
        #expect(memory.isFile(root + "/Badges/images/leading-change.svg"))
        let validation = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(validation.exitCode == 0 && !validation.standardOutput.contains(": error: "), "\(validation.standardOutput)")

        // Refusals write nothing: an existing collection, an unknown Thing, a malformed id.
        let before = try memory.readFile(course + "/course.yaml")
        for arguments in [
            ["leading-change", "--things", "thing-02"], ["other", "--things", "thing-99"], ["Other One", "--things", "thing-02"],
        ] {
            let refused = CommandRunner.run(
                ["new", "collection"] + arguments + ["--title", "T"], fileSystem: memory, in: root)
            #expect(refused.exitCode != 0, "\(arguments)")
            #expect(!refused.standardError.isEmpty)
        }
        #expect(try memory.readFile(course + "/course.yaml") == before)
        #expect(!memory.isFile(root + "/Badges/badges/other.yaml"))
    }

    /// Replaces each placeholder the scaffolds wrote in `files` (workspace-relative) with real text.
    static func fillIn(_ files: [String], in memory: InMemoryFileSystem, root: String) throws {
        for file in files {
            var text = String(decoding: try memory.readFile(root + "/" + file), as: UTF8.self)
            for (index, sentence) in ScaffoldPlaceholder.sentences.enumerated() {
                text = text.replacingOccurrences(of: sentence, with: "Real text number \(index).")
            }
            text = text.replacingOccurrences(
                of: ScaffoldPlaceholder.issuerURL + "\n", with: "https://www.first-aid-trust.org.uk\n")
            text = text.replacingOccurrences(of: ScaffoldPlaceholder.issuerEmail, with: "badges@first-aid-trust.org.uk")
            memory.write(bytes: Array(text.utf8), to: root + "/" + file)
        }
    }

    @Test(
        "a new course in an empty folder validates with its placeholders as the only errors, clean once they are filled in, and grows with new thing"
    )
    func newCourseInEmptyFolder() throws {
        let memory = InMemoryFileSystem()
        let root = "/work/empty"
        try memory.createDirectory(root)
        let created = CommandRunner.run(
            ["new", "course", "first-aid", "--title", "First aid at work"], fileSystem: memory, in: root)
        #expect(created.exitCode == 0, "\(created.standardError)")
        for file in [
            "Courses/first-aid/course.yaml", "Courses/first-aid/things/thing-01.md", "Badges/badges/thing-01.yaml",
            "Badges/images/thing-01.svg", "Badges/issuer.yaml", "Badges/images/issuer.svg", ".gitignore",
            ".vscode/settings.json", ".github/workflows/course.yml", ".toolkit/schemas/course.schema.json",
            ".toolkit/schemas/thing.schema.json",
        ] {
            #expect(memory.isFile(root + "/" + file), "\(file)")
        }
        let ignored = String(decoding: try memory.readFile(root + "/.gitignore"), as: UTF8.self)
        #expect(ignored.contains("build/\n") && ignored.contains("*.ledger.json") && ignored.contains("*.pem"))
        let settings = try JSONSerialization.jsonObject(with: Data(try memory.readFile(root + "/.vscode/settings.json")))
        #expect((settings as? [String: Any])?["yaml.schemas"] != nil)
        // Every placeholder an author must replace is an error where it stands, and nothing else is.
        let placeholders = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        let errors = placeholders.standardOutput.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(
            placeholders.exitCode == 1 && errors.count == 6 && errors.allSatisfy { $0.hasSuffix("[placeholder-text]") },
            "\(errors)")
        #expect(errors.filter { $0.hasPrefix("Badges/issuer.yaml:") }.count == 4)
        // Packaging and issuing refuse it as it is.
        #expect(CommandRunner.run(["package", "--html"], fileSystem: memory, in: root).exitCode == 1)
        try Self.fillIn(["Courses/first-aid/course.yaml", "Badges/issuer.yaml"], in: memory, root: root)
        let validation = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(validation.exitCode == 0 && !validation.standardOutput.contains(": error: "), "\(validation.standardOutput)")
        // The draft Thing keeps its placeholders as warnings until it is published.
        #expect(
            validation.standardOutput.contains(
                "warning: 12 warnings like this one: “\(ScaffoldPlaceholder.thingAim)” is a placeholder"))
        let next = CommandRunner.run(
            ["new", "thing", root + "/Courses/first-aid", "--title", "Calling for help"], fileSystem: memory, in: root)
        #expect(next.exitCode == 0, "\(next.standardError)")
        let again = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(again.exitCode == 0 && !again.standardOutput.contains(": error: "), "\(again.standardOutput)")
        // The course exists now: nothing is written over it.
        let repeated = CommandRunner.run(["new", "course", "first-aid", "--title", "Again"], fileSystem: memory, in: root)
        #expect(repeated.exitCode == 1 && repeated.standardError.contains("exists; nothing was written"))
    }

    @Test("a second course beside the bundled one keeps the issuer and gives its first badge an id of its own")
    func newCourseBesideAnother() throws {
        let memory = try InMemoryCommandTests.bundledWorkspace()
        let root = InMemoryCommandTests.root
        let issuer = try memory.readFile(root + "/Badges/issuer.yaml")
        for course in ["first-aid", "moving-and-handling"] {
            let created = CommandRunner.run(["new", "course", course, "--title", "A course"], fileSystem: memory, in: root)
            #expect(created.exitCode == 0, "\(created.standardError)")
        }
        #expect(try memory.readFile(root + "/Badges/issuer.yaml") == issuer)
        #expect(memory.isFile(root + "/Badges/badges/thing-01.yaml"))
        #expect(memory.isFile(root + "/Badges/badges/moving-and-handling-thing-01.yaml"))
        let courseText = String(decoding: try memory.readFile(root + "/Courses/first-aid/course.yaml"), as: UTF8.self)
        #expect(courseText.contains("issuer: sssc\n"))
        // Its next Thing is thing-02, whose badge id the bundled course already uses: the badge gets the course's prefix.
        let next = CommandRunner.run(
            ["new", "thing", root + "/Courses/first-aid", "--title", "Calling for help"], fileSystem: memory, in: root)
        #expect(next.exitCode == 0, "\(next.standardError)")
        #expect(memory.isFile(root + "/Badges/badges/first-aid-thing-02.yaml"))
        let thing = String(decoding: try memory.readFile(root + "/Courses/first-aid/things/thing-02.md"), as: UTF8.self)
        #expect(thing.contains("badge: first-aid-thing-02\n"))
        try Self.fillIn(
            ["Courses/first-aid/course.yaml", "Courses/moving-and-handling/course.yaml"], in: memory, root: root)
        let validation = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(validation.exitCode == 0 && !validation.standardOutput.contains(": error: "), "\(validation.standardOutput)")
        let badID = CommandRunner.run(["new", "course", "First Aid", "--title", "T"], fileSystem: memory, in: root)
        #expect(badID.exitCode == 2)
    }

    @Test(
        "a title reads back exactly as given, whatever YAML would make of it unquoted",
        arguments: [
            "---", "a \"quoted\" word", "back\\slash", "# not a comment", "key: value", "'single'", "{flow: map}",
            "[a, list]", "*alias", "&anchor", "!tag", "%directive", "@at", "Ünïcödé – ½ ✓", "yes", "null", "0x1F",
            "a --- b", "ends with a colon:", "\u{00A0}non-breaking",
        ])
    func titleRoundTrip(title: String) throws {
        let memory = try InMemoryCommandTests.bundledWorkspace()
        let root = InMemoryCommandTests.root
        let course = root + "/Courses/sssc-23-things-leadership"
        // `--title=…`: a title such as `---` is otherwise read as an option.
        let result = CommandRunner.run(["new", "thing", course, "--title=" + title], fileSystem: memory, in: root)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let report = WorkspaceLoader(fileSystem: memory).load(workspaceAt: root)
        let thing = report.workspace.courses.first?.things.first { $0.id == "thing-24" }
        #expect(thing?.title == title)
        #expect(report.workspace.badges.badge(id: "thing-24")?.name.hasSuffix("Thing 24: \(title)") == true)
        #expect(!report.findings.contains { $0.ruleID == "yaml-syntax" }, "\(report.findings)")
    }

    @Test("a title with a line break or a control character is refused (exit 2) and nothing is written")
    func titleNotOneLine() throws {
        let memory = try InMemoryCommandTests.bundledWorkspace()
        let root = InMemoryCommandTests.root
        let course = root + "/Courses/sssc-23-things-leadership"
        let before = memory.files
        for title in ["First line\n---\nstatus: published", "tab\there", "bell\u{7}", "zero\u{200B}width", "  "] {
            let result = CommandRunner.run(["new", "thing", course, "--title", title], fileSystem: memory, in: root)
            #expect(result.exitCode == 2 && result.standardError.contains("not one line of text"), "\(result.standardError)")
        }
        #expect(memory.files == before)
    }

    @Test("new files are never written through a link out of the workspace")
    func noWriteThroughLinks() throws {
        let copy = try WorkspaceCopy()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let images = copy.root.appendingPathComponent("Badges/images")
        try FileManager.default.moveItem(at: images, to: outside.appendingPathComponent("images"))
        try FileManager.default.createSymbolicLink(at: images, withDestinationURL: outside.appendingPathComponent("images"))
        let course = copy.root.appendingPathComponent("Courses/sssc-23-things-leadership").path
        let result = CommandRunner.run(["new", "thing", course, "--title", "Linked"], in: copy.root)
        #expect(result.exitCode == 2 && result.standardError.contains("link out of the workspace"), "\(result.standardError)")
        #expect(!FileManager.default.fileExists(atPath: outside.appendingPathComponent("images/thing-24.svg").path))
        #expect(!FileManager.default.fileExists(atPath: course + "/things/thing-24.md"))
    }

    @Test("two runs at once each keep the other's edit of course.yaml")
    func concurrentRuns() throws {
        let copy = try WorkspaceCopy()
        let course = copy.root.appendingPathComponent("Courses/sssc-23-things-leadership").path
        let outcomes = ParallelRuns.run(
            [
                ["new", "thing", course, "--title", "Leading through change"],
                ["new", "collection", "leading-change", "--title", "Leading Change", "--things", "thing-02, thing-03"],
            ], in: copy.root)
        #expect(outcomes.allSatisfy { $0.exitCode == 0 }, "\(outcomes.map(\.standardError))")
        let text = try String(contentsOfFile: course + "/course.yaml", encoding: .utf8)
        #expect(text.contains("  - thing-24\n") && text.contains("  - id: leading-change\n"), "\(text.suffix(400))")
    }
}

/// Runs several commands at once, each on its own thread, and returns their outcomes in order.
enum ParallelRuns {
    static func run(_ commands: [[String]], in folder: URL) -> [CommandRunner.Outcome] {
        let results = Mutex([Int: CommandRunner.Outcome]())
        let group = DispatchGroup()
        for (index, arguments) in commands.enumerated() {
            group.enter()
            Thread.detachNewThread {
                let outcome = CommandRunner.run(arguments, in: folder)
                results.withLock { $0[index] = outcome }
                group.leave()
            }
        }
        group.wait()
        return results.withLock { results in commands.indices.map { results[$0]! } }
    }
}
