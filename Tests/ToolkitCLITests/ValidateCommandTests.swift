import Foundation
import Testing

@Suite("toolkit validate")
struct ValidateCommandTests {
    static let course = "Courses/sssc-23-things-leadership"

    @Test(
        "the bundled course validates with warnings only: its drafts, and Thing 2's evidence step naming no form (the SSSC's is not known), exit 0"
    )
    func bundledCourse() {
        let outcome = CommandRunner.run(["validate", "--verbose"])
        #expect(outcome.exitCode == 0, "\(outcome.standardOutput)\(outcome.standardError)")
        let findings = outcome.standardOutput.split(separator: "\n").filter {
            $0.contains(": warning: ") || $0.contains(": error: ")
        }
        #expect(findings.count == 23)
        #expect(findings.filter { $0.hasSuffix("[draft-thing]") }.count == 22)
        #expect(findings.filter { $0.hasSuffix("[evidence-form-named]") }.count == 1)
        #expect(outcome.standardOutput.hasSuffix("0 errors, 23 warnings in 37 files\n"))
    }

    @Test("--strict turns the draft warnings into a failing exit")
    func strict() {
        #expect(CommandRunner.run(["validate", "--strict"]).exitCode == 1)
    }

    @Test("five mistakes in a copy each get their own finding at the right place, exit 1, JSON parses")
    func brokenCopy() throws {
        let copy = try WorkspaceCopy()
        let thing = "\(Self.course)/things/thing-02.md"
        var expected: [(String, String)] = []
        expected.append(
            (
                try copy.replace(
                    "countsTowards: [leadership-fundamentals]", with: "↓countTowards: [leadership-fundamentals]", in: thing)!,
                "unknown-key"
            ))
        expected.append(
            (try copy.replace("badge: thing-02", with: "badge: ↓thing-2", in: thing)!, "badge-reference-resolves"))
        expected.append(
            (
                try copy.replace("number: 3", with: "number: ↓2", in: "\(Self.course)/things/thing-03.md")!,
                "thing-number-sequence"
            ))
        expected.append(
            (
                try copy.replace(
                    "image: images/thing-04.png", with: "image: ↓images/thing-4.png", in: "Badges/badges/thing-04.yaml")!,
                "badge-image-exists"
            ))
        expected.append((try copy.replace("minWords: 200", with: "minWords: ↓-1", in: thing)!, "allowed-value"))

        let text = CommandRunner.run(["validate"], in: copy.root)
        #expect(text.exitCode == 1)
        for (location, rule) in expected {
            #expect(
                text.standardOutput.contains("\(location): error: ") && text.standardOutput.contains("[\(rule)]"),
                "expected \(rule) at \(location) in:\n\(text.standardOutput)")
            let line = text.standardOutput.split(separator: "\n").first { $0.hasPrefix(location + ": error: ") }
            #expect(line?.hasSuffix("[\(rule)]") == true, "\(location): \(String(describing: line))")
        }

        let json = CommandRunner.run(["validate", "--format", "json"], in: copy.root)
        #expect(json.exitCode == 1)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        let errors = array.filter { $0["severity"] as? String == "error" }
        // Only the five mistakes: the collection that lists the Thing whose `countsTowards` key is misspelt
        // is a knock-on of that key, and is not reported.
        #expect(Set(errors.compactMap { $0["rule"] as? String }) == Set(expected.map(\.1)))
        for entry in errors {
            #expect(entry["line"] is Int && entry["column"] is Int && entry["file"] is String && entry["message"] is String)
        }
    }

    @Test("a course folder path validates just that course; paths are shown from the current folder")
    func coursePath() {
        let outcome = CommandRunner.run(
            ["validate", "sssc-23-things-leadership"], in: CommandRunner.packageRoot.appendingPathComponent("Courses"))
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput.hasPrefix("sssc-23-things-leadership/things/thing-01.md:5:9: warning:"))
    }

    @Test("GitHub annotations for the bundled course")
    func github() {
        let outcome = CommandRunner.run(["validate", "--format", "github"])
        #expect(
            outcome.standardOutput.hasPrefix(
                "::warning file=Courses/sssc-23-things-leadership/things/thing-01.md,line=5,col=9,title=draft-thing::"))
    }

    @Test("a missing folder and an unreadable file exit 2; a bad option exits 2")
    func ioAndUsage() throws {
        let missing = CommandRunner.run(["validate", "no-such-folder"])
        #expect(missing.exitCode == 2)
        #expect(missing.standardError.contains("no-such-folder: no such folder"))
        #expect(CommandRunner.run(["validate", "--format", "xml"]).exitCode == 2)
        #expect(CommandRunner.run(["frobnicate"]).exitCode == 2)

        let copy = try WorkspaceCopy()
        try FileManager.default.removeItem(at: copy.root.appendingPathComponent("\(Self.course)/course.yaml"))
        let unreadable = CommandRunner.run(["validate"], in: copy.root)
        #expect(unreadable.exitCode == 2)
        #expect(unreadable.standardOutput.contains("course.yaml:1:1: error: missing file"))
    }

    @Test("a missing badge image points at the same art in the other format when it is there, else says what to add")
    func missingBadgeImage() throws {
        let memory = try InMemoryCommandTests.bundledWorkspace()
        let root = InMemoryCommandTests.root
        memory.remove(root + "/Badges/images/thing-02.png")
        let sibling = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(sibling.exitCode == 1)
        #expect(
            sibling.standardOutput.contains(
                "Badges/badges/thing-02.yaml:10:8: error: badge `thing-02` image: `Badges/images/thing-02.png` does not exist [badge-image-exists]\n    hint: `images/thing-02.svg` is there: write `image: images/thing-02.svg`"
            ), "\(sibling.standardOutput)")
        memory.remove(root + "/Badges/images/thing-02.svg")
        let neither = CommandRunner.run(["validate"], fileSystem: memory, in: root)
        #expect(neither.standardOutput.contains("hint: add a square PNG or SVG of at least 200 px at that path"))
    }

    @Test("--help exits 0")
    func help() {
        let outcome = CommandRunner.run(["validate", "--help"])
        #expect(outcome.exitCode == 0)
        #expect(outcome.standardOutput.contains("--strict"))
    }
}

@Suite("Paths on disk")
struct DiskPathTests {
    @Test("a Thing file that is a link out of the workspace is refused; unreadable files exit 2")
    func linksAndPermissions() throws {
        let copy = try WorkspaceCopy()
        let thing = copy.root.appendingPathComponent("Courses/sssc-23-things-leadership/things/thing-03.md")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString).md")
        try FileManager.default.copyItem(at: thing, to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.removeItem(at: thing)
        try FileManager.default.createSymbolicLink(at: thing, withDestinationURL: outside)
        let linked = CommandRunner.run(["validate"], in: copy.root)
        #expect(linked.exitCode == 1)
        #expect(
            linked.standardOutput.contains(
                "things/thing-03.md:1:1: error: `Courses/sssc-23-things-leadership/things/thing-03.md` is a link to"))
        #expect(linked.standardOutput.contains("[path-safety]"))

        if getuid() != 0 {  // root reads everything, so the permission case only means something for others
            try FileManager.default.removeItem(at: thing)
            try "x".write(to: thing, atomically: true, encoding: .utf8)
            try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: thing.path)
            #expect(CommandRunner.run(["validate"], in: copy.root).exitCode == 2)
        }
    }

    @Test("a things folder that links out of the workspace is refused for every file in it")
    func linkedFolder() throws {
        let copy = try WorkspaceCopy()
        let things = copy.root.appendingPathComponent("Courses/sssc-23-things-leadership/things")
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.moveItem(at: things, to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: things, withDestinationURL: outside)
        let result = CommandRunner.run(["validate"], in: copy.root)
        #expect(result.exitCode == 1)
        let refused = result.standardOutput.split(separator: "\n").filter { $0.contains("outside the workspace [path-safety]") }
        #expect(refused.count == 23)
    }

    @Test("a named pipe where a Thing file should be is refused at once instead of hanging the read; exit 2")
    func namedPipe() throws {
        let copy = try WorkspaceCopy()
        let thing = copy.root.appendingPathComponent("Courses/sssc-23-things-leadership/things/thing-05.md")
        try FileManager.default.removeItem(at: thing)
        #expect(mkfifo(thing.path, 0o644) == 0)
        let result = CommandRunner.run(["validate"], in: copy.root)
        #expect(result.exitCode == 2)
        #expect(result.standardOutput.contains("things/thing-05.md: is not a regular file [file-readable]"))
    }

    @Test("a picture that is a link out of the workspace is refused where the Markdown names it")
    func mediaLinkOut() throws {
        let copy = try WorkspaceCopy()
        let outside = FileManager.default.temporaryDirectory.appendingPathComponent("secret-\(UUID().uuidString).png")
        try Data([0x89, 0x50, 0x4E, 0x47]).write(to: outside)
        defer { try? FileManager.default.removeItem(at: outside) }
        let files = copy.root.appendingPathComponent("Courses/sssc-23-things-leadership/files")
        try FileManager.default.createSymbolicLink(at: files.appendingPathComponent("secret.png"), withDestinationURL: outside)
        let location = try copy.replace(
            "## Your turn", with: "↓![A secret](../files/secret.png)\n\n## Your turn",
            in: "Courses/sssc-23-things-leadership/things/thing-02.md")
        let result = CommandRunner.run(["validate"], in: copy.root)
        #expect(result.exitCode == 1)
        let line = result.standardOutput.split(separator: "\n").first { $0.hasPrefix("\(location!): error:") }
        #expect(line?.contains("outside the workspace [media-file-exists]") == true, "\(result.standardOutput)")
        let package = CommandRunner.run(["package", "--scorm"], in: copy.root)
        #expect(package.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("build").path))
    }

    @Test("a theme override that links to a file elsewhere on the machine is refused by validate, so no package carries it")
    func themeLinkOut() throws {
        let copy = try WorkspaceCopy()
        let theme = copy.root.appendingPathComponent("Courses/sssc-23-things-leadership/theme")
        try FileManager.default.createDirectory(at: theme, withIntermediateDirectories: true)
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("environ-\(UUID().uuidString)")
        try Data("SECRET_TOKEN=abc".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        try FileManager.default.createSymbolicLink(at: theme.appendingPathComponent("course.css"), withDestinationURL: secret)
        let result = CommandRunner.run(["validate"], in: copy.root)
        #expect(result.exitCode == 1)
        #expect(
            result.standardOutput.contains(
                "Courses/sssc-23-things-leadership/theme/course.css:1:1: error: theme file: `Courses/sssc-23-things-leadership/theme/course.css` is a link to"
            ),
            "\(result.standardOutput)")
        let package = CommandRunner.run(["package", "--html"], in: copy.root)
        #expect(package.exitCode == 1)
        #expect(!FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("build").path))
    }

    @Test("validate FILE reports that file only; --quiet shows errors only; --verbose lists every warning")
    func oneFileQuietVerbose() throws {
        let thing = "Courses/sssc-23-things-leadership/things/thing-05.md"
        let one = CommandRunner.run(["validate", thing])
        #expect(one.exitCode == 0)
        let lines = one.standardOutput.split(separator: "\n").filter { $0.contains(": warning: ") }
        #expect(lines.count == 1 && lines[0].hasPrefix(thing + ":"), "\(one.standardOutput)")
        let quiet = CommandRunner.run(["validate", "--quiet"])
        #expect(!quiet.standardOutput.contains(": warning: ") && quiet.standardOutput.contains("23 warnings"))
        let verbose = CommandRunner.run(["validate", "--verbose"])
        #expect(verbose.standardOutput.split(separator: "\n").filter { $0.contains("[draft-thing]") }.count == 22)
        let folded = CommandRunner.run(["validate"])
        #expect(folded.standardOutput.contains("22 Things are drafts and left out of packages; --verbose lists them"))
    }

    @Test(
        "a pass mark written as a percentage, and counts below their minimum, are errors where they are written; the hint gives the share",
        arguments: [
            ("passingScore: 0.75", "passingScore: 75", "`passingScore` must be between 0 and 1, not 75", "write `0.75`"),
            ("passingScore: 0.75", "passingScore: \"75%\"", "`passingScore` must be a number", "write `0.75`"),
            ("passingScore: 0.75", "passingScore: 1.5", "`passingScore` must be between 0 and 1, not 1.5", nil),
            ("revealAfterAttempts: 2", "revealAfterAttempts: 0", "`revealAfterAttempts` must be at least 1, not 0", nil),
            ("revealAfterAttempts: 2", "maxAttempts: 0", "`maxAttempts` must be at least 1, not 0", nil),
        ])
    func ranges(old: String, new: String, message: String, hint: String?) throws {
        let copy = try WorkspaceCopy()
        try copy.replace(old, with: new, in: "Courses/sssc-23-things-leadership/things/thing-02.md")
        let result = CommandRunner.run(["validate", "--format", "json"], in: copy.root)
        #expect(result.exitCode == 1)
        let findings = try #require(
            try JSONSerialization.jsonObject(with: Data(result.standardOutput.utf8)) as? [[String: Any]])
        let errors = findings.filter { $0["severity"] as? String == "error" }
        #expect(errors.count == 1, "\(errors)")
        #expect((errors.first?["message"] as? String)?.hasPrefix(message) == true, "\(errors)")
        if let hint { #expect((errors.first?["hint"] as? String)?.contains(hint) == true, "\(errors)") }
    }

    @Test("a web address without https:// and a picture named almost as its file get hints that say what to write")
    func authorsHints() throws {
        let copy = try WorkspaceCopy()
        try copy.replace(
            "\n## ",
            with: "\nSee [the SSSC site](www.sssc.uk.com).\n\n![A diagram](../files/leadership-and-managment.svg)\n\n## ",
            in: "Courses/sssc-23-things-leadership/things/thing-02.md")
        let result = CommandRunner.run(["validate", "--quiet"], in: copy.root)
        #expect(result.exitCode == 1)
        #expect(
            result.standardOutput.contains("`www.sssc.uk.com` is a web address without `https://`"), "\(result.standardOutput)")
        #expect(result.standardOutput.contains("hint: write `https://www.sssc.uk.com`"))
        #expect(result.standardOutput.contains("hint: did you mean `leadership-and-management.svg`"))
        #expect(!result.standardOutput.contains("[media-type]"), "one finding per slip")
    }
}
