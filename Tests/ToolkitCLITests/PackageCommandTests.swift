import Foundation
import Testing

@Suite("toolkit package")
struct PackageCommandTests {
    @Test("builds SCORM 1.2, SCORM 2004 and HTML from the bundled course into build/ of the workspace")
    func builds() throws {
        let copy = try WorkspaceCopy()
        for (arguments, name) in [
            (["--scorm"], "sssc-23-things-leadership-scorm12.zip"),
            (["--scorm", "--scorm-version", "2004"], "sssc-23-things-leadership-scorm2004.zip"),
            (["--html"], "sssc-23-things-leadership-html"),
            (["--scorm", "--thing", "2"], "sssc-23-things-leadership-thing-02-scorm12.zip"),
        ] {
            let outcome = CommandRunner.run(["package"] + arguments, in: copy.root)
            #expect(outcome.exitCode == 0, "\(arguments): \(outcome.standardError)")
            #expect(outcome.standardOutput.contains("wrote build/\(name)"), "\(outcome.standardOutput)")
            #expect(FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("build/\(name)").path))
        }
    }

    @Test("--verbose lists the package's files, then the line saying where it was written")
    func verbose() throws {
        let copy = try WorkspaceCopy()
        let outcome = CommandRunner.run(["package", "--html", "--verbose"], in: copy.root)
        #expect(outcome.exitCode == 0)
        let lines = outcome.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains("  index.html"))
        #expect(lines.contains("  things/thing-02.html"))
        #expect(lines.contains("  assets/course.css"))
        #expect(lines.last?.hasPrefix("wrote build/sssc-23-things-leadership-html") == true)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("  ") })
    }

    @Test("refuses to build when validation finds errors, printing them; exit 1")
    func refusesOnErrors() throws {
        let copy = try WorkspaceCopy()
        try copy.replace("minWords: 200", with: "minWords: -1", in: "Courses/sssc-23-things-leadership/things/thing-02.md")
        let outcome = CommandRunner.run(["package", "--scorm"], in: copy.root)
        #expect(outcome.exitCode == 1)
        #expect(outcome.standardError.contains("[allowed-value]"))
        #expect(!FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("build").path))
    }

    @Test("usage errors exit 2: both or neither of --scorm and --html, a bad version, a bad schema folder")
    func usage() throws {
        let copy = try WorkspaceCopy()
        #expect(CommandRunner.run(["package"], in: copy.root).exitCode == 2)
        #expect(CommandRunner.run(["package", "--scorm", "--html"], in: copy.root).exitCode == 2)
        #expect(CommandRunner.run(["package", "--scorm", "--scorm-version", "3"], in: copy.root).exitCode == 2)
        #expect(CommandRunner.run(["package", "--scorm", "--schemas", "/nonexistent"], in: copy.root).exitCode == 2)
    }

    @Test("a draft Thing needs --include-drafts")
    func drafts() throws {
        let copy = try WorkspaceCopy()
        let refused = CommandRunner.run(["package", "--html", "--thing", "3"], in: copy.root)
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains("--include-drafts"))
        #expect(CommandRunner.run(["package", "--html", "--thing", "3", "--include-drafts"], in: copy.root).exitCode == 0)
    }

    @Test(
        "outputs inside Courses/ or Badges/ are refused, a workspace without a course is an error, and a write that fails exits 2"
    )
    func placementAndIO() throws {
        let copy = try WorkspaceCopy()
        let inside = CommandRunner.run(["package", "--scorm", "--output", "Courses/out"], in: copy.root)
        #expect(inside.exitCode == 2 && inside.standardError.contains("is inside Courses/"), "\(inside.standardError)")
        let badges = CommandRunner.run(
            ["badges", "export", "--base-url", "https://badges.example.org/x", "--output", "Badges/site"], in: copy.root)
        #expect(badges.exitCode == 2 && badges.standardError.contains("is inside Badges/"), "\(badges.standardError)")
        #expect(!FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("Courses/out").path))
        // The output folder's place is taken by a file: nothing can be written there.
        try Data("x".utf8).write(to: copy.root.appendingPathComponent("blocked"))
        let blocked = CommandRunner.run(["package", "--scorm", "--output", "blocked/sub"], in: copy.root)
        #expect(blocked.exitCode == 2, "\(blocked.standardError)")
        let empty = try WorkspaceCopy()
        try FileManager.default.removeItem(at: empty.root.appendingPathComponent("Courses"))
        try FileManager.default.createDirectory(
            at: empty.root.appendingPathComponent("Courses"), withIntermediateDirectories: true)
        let none = CommandRunner.run(["validate"], in: empty.root)
        #expect(none.exitCode == 2 && none.standardOutput.contains("holds no course"), "\(none.standardOutput)")
    }

    @Test("`--version` after a command is a usage error that points at --scorm-version; `toolkit --version` prints it")
    func versionOnlyOnRoot() throws {
        let copy = try WorkspaceCopy()
        let misplaced = CommandRunner.run(["package", "--scorm", "--version", "2004"], in: copy.root)
        #expect(misplaced.exitCode == 2 && misplaced.standardError.contains("--scorm-version 2004"), "\(misplaced)")
        #expect(!FileManager.default.fileExists(atPath: copy.root.appendingPathComponent("build").path))
        let root = CommandRunner.run(["--version"], in: copy.root)
        #expect(root.exitCode == 0 && root.standardOutput.hasPrefix("0."), "\(root)")
    }

    @Test("drafts in sight: package names the drafts it left out; with --include-drafts each draft page and card says Draft")
    func draftsInSight() throws {
        let copy = try WorkspaceCopy()
        let plain = CommandRunner.run(["package", "--html"], in: copy.root)
        #expect(plain.exitCode == 0, "\(plain.standardError)")
        #expect(
            plain.standardError.contains(
                "note: left out 22 draft Things (Things 1, 3, 4, 5, 6 and 17 more); --include-drafts adds them"),
            "\(plain.standardError)")
        let site = copy.root.appendingPathComponent("build/sssc-23-things-leadership-html")
        let published = try String(contentsOf: site.appendingPathComponent("things/thing-02.html"), encoding: .utf8)
        #expect(!published.contains("draft-label"))
        let all = CommandRunner.run(["package", "--html", "--include-drafts"], in: copy.root)
        #expect(all.exitCode == 0 && !all.standardError.contains("left out"), "\(all.standardError)")
        let draft = try String(contentsOf: site.appendingPathComponent("things/thing-03.html"), encoding: .utf8)
        #expect(draft.contains(#"<p class="draft-label">Draft: not in packages</p><h1>"#))
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        // Every draft card of the Things list says so, and so does every stop of the programme map above it.
        let parts = index.components(separatedBy: #"id="things-heading""#)
        let label = #"<span class="draft-label">Draft</span>"#
        #expect(parts.count == 2 && parts[1].components(separatedBy: label).count - 1 == 22)
        #expect(
            parts.first?.contains(#"<a href="things/thing-03.html">Thing 3: What&#39;s my leadership style?</a> "# + label)
                == true)
    }
}
