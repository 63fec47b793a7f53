import CourseValidator
import FileAccess
import Foundation
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

    @Test("a new course in an empty folder starts a workspace that validates clean, and grows with new thing")
    func newCourseInEmptyFolder() throws {
        let memory = InMemoryFileSystem()
        let root = "/work/empty"
        try memory.createDirectory(root)
        let created = CommandRunner.run(
            ["new", "course", "first-aid", "--title", "First aid at work"], fileSystem: memory, in: root)
        #expect(created.exitCode == 0, "\(created.standardError)")
        for file in [
            "Courses/first-aid/course.yaml", "Courses/first-aid/things/thing-01.md", "Badges/badges/thing-01.yaml",
            "Badges/images/thing-01.svg", "Badges/issuer.yaml", "Badges/images/issuer.svg",
        ] {
            #expect(memory.isFile(root + "/" + file), "\(file)")
        }
        let validation = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(validation.exitCode == 0 && !validation.standardOutput.contains(": error: "), "\(validation.standardOutput)")
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
        let validation = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(validation.exitCode == 0 && !validation.standardOutput.contains(": error: "), "\(validation.standardOutput)")
        let badID = CommandRunner.run(["new", "course", "First Aid", "--title", "T"], fileSystem: memory, in: root)
        #expect(badID.exitCode == 2)
    }
}
