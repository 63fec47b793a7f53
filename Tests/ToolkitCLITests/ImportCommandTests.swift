import Foundation
import Testing

/// `toolkit import wordpress` on the WordPress exports in `../shared/fixtures`: WordPress's own theme
/// and block test exports and an export shaped like the SSSC's 23 Things sites. Each import lands in
/// an empty folder of its own and must validate with no error.
@Suite("toolkit import wordpress", .serialized)
struct ImportCommandTests {
    /// `../shared/fixtures/wordpress`, or the folder `COURSE_TOOLKIT_FIXTURES` names (+ `/wordpress`).
    static let fixtures: URL? = {
        let base =
            ProcessInfo.processInfo.environment["COURSE_TOOLKIT_FIXTURES"].map { URL(fileURLWithPath: $0) }
            ?? CommandRunner.packageRoot.appendingPathComponent("../shared/fixtures")
        let folder = base.appendingPathComponent("wordpress").standardizedFileURL
        return FileManager.default.fileExists(atPath: folder.path) ? folder : nil
    }()

    /// An empty folder, removed afterwards by the caller.
    static func emptyFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    static func read(_ folder: URL, _ path: String) throws -> String {
        try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file below `folder` with its bytes (the lock file aside).
    static func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])
        while let url = enumerator?.nextObject() as? URL {
            guard (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true, !url.path.hasSuffix(".lock")
            else { continue }
            files[String(url.path.dropFirst(folder.path.count))] = try Data(contentsOf: url)
        }
        return files
    }

    @Test(
        "the 23 Things-shaped export becomes Things 5, 6 and 7 with badges, collection, prerequisites, word counts, picture, player and report",
        .enabled(if: fixtures != nil, "../shared/fixtures is absent"))
    func sssc() throws {
        let fixtures = try #require(Self.fixtures)
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = fixtures.appendingPathComponent("sssc-shaped/sites-23things-sample.wordpress.xml").path
        let arguments = [
            "import", "wordpress", export, "--uploads", fixtures.appendingPathComponent("sssc-shaped/uploads").path,
            "--new-course", "sample",
        ]
        let result = CommandRunner.run(arguments, in: folder)
        #expect(result.exitCode == 0, "\(result.standardError)")
        #expect(result.standardOutput.contains("imported 3 Things from 7 items; 2 files copied, 1 missing"))
        let five = try Self.read(folder, "Courses/sample/things/thing-05.md")
        #expect(five.contains("title: \"Vision\"\nstatus: draft\nbadge: thing-05\ncountsTowards: [six-leadership-capabilities]"))
        #expect(five.contains("  - thing: thing-04\n    level: recommended"))
        #expect(five.contains("minWords: 200"))
        #expect(
            five.contains(
                "![A map with a road leading from today's service to a picture of the service the team wants](<../files/vision-map.png>)\n\n*From today's service to the one we want*"
            ), "alt text from the attachment, caption under the picture")
        #expect(five.contains("url: \"https://www.example.org/guides/shared-vision\""), "helpful resources became resources")
        #expect(!five.contains("Open Badge Information") && !five.contains("helpful to complete"))
        let six = try Self.read(folder, "Courses/sample/things/thing-06.md")
        #expect(six.contains("  - thing: thing-05\n    level: recommended"))
        #expect(six.contains("minWords: 300"))
        #expect(six.contains("![Embedded video](<https://www.youtube.com/watch?v=dQw4w9WgXcQ>"))
        #expect(six.contains("| rush decisions | a two-minute pause before replying |"))
        let seven = try Self.read(folder, "Courses/sample/things/thing-07.md")
        #expect(seven.contains("badge: thing-07") && seven.contains("minWords: 150"))
        #expect(seven.contains("](<../files/listening-circle.png>)"), "the resized variant led to the original")
        #expect(seven.contains("[Self-leadership Thing](thing-06.md)"))
        #expect(seven.contains("meeting.mp4 is not in the uploads folder"))
        let course = try Self.read(folder, "Courses/sample/course.yaml")
        #expect(course.contains("  - id: six-leadership-capabilities\n    title: \"Six Leadership Capabilities\""))
        #expect(course.contains("things: [thing-05, thing-06, thing-07]"))
        let report = try Self.read(folder, "build/import-report.md")
        #expect(report.contains("| 14 | post | draft | Thing 8: Draft notes | not imported: a WordPress draft"))
        #expect(report.contains("[contact-form-7 id=\"42\" title=\"Badge question\"] has no equivalent here"))
        #expect(report.contains("- **missing**: the video meeting.mp4"))
        #expect(report.contains("things/thing-06.md:"), "places are given as file:line")
        let validation = CommandRunner.run(["validate"], in: folder)
        #expect(validation.exitCode == 0 && !validation.standardOutput.contains(": error: "), "\(validation.standardOutput)")

        // The same export imports to the same bytes; an author's edit is never written over.
        let before = try Self.snapshot(folder)
        let again = CommandRunner.run(arguments, in: folder)
        #expect(again.exitCode == 0, "\(again.standardError)")
        #expect(try Self.snapshot(folder) == before)
        let edited = folder.appendingPathComponent("Courses/sample/things/thing-06.md")
        try (six + "\nMy own words.\n").write(to: edited, atomically: true, encoding: .utf8)
        let afterEdit = try Self.snapshot(folder)
        let refused = CommandRunner.run(arguments, in: folder)
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains("Courses/sample/things/thing-06.md exists and was changed since the last import"))
        #expect(try Self.snapshot(folder) == afterEdit, "nothing was written")

        // Thing 5 needs nothing more to be published: its page shows the picture, caption and resources.
        try five.replacingOccurrences(of: "status: draft", with: "status: published").write(
            to: folder.appendingPathComponent("Courses/sample/things/thing-05.md"), atomically: true, encoding: .utf8)
        let package = CommandRunner.run(["package", "--html"], in: folder)
        #expect(package.exitCode == 0, "\(package.standardError)")
        let page = try Self.read(folder, "build/sample-html/things/thing-05.html")
        #expect(
            page.contains("From today’s service to the one we want") || page.contains("From today's service to the one we want"))
        #expect(page.contains("A short guide to shared vision") && page.contains("vision-map"))
        #expect(!page.contains("Import note"))
    }

    @Test(
        "WordPress's theme and block test exports: every post and page accounted for, and the result validates with no error",
        .enabled(if: fixtures != nil, "../shared/fixtures is absent"),
        arguments: ["themeunittestdata.wordpress.xml", "64-block-test-data.xml"])
    func wordpressTestData(_ name: String) throws {
        let fixtures = try #require(Self.fixtures)
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let export = fixtures.appendingPathComponent(name)
        let result = CommandRunner.run(["import", "wordpress", export.path, "--select", "all"], in: folder)
        #expect(result.exitCode == 0, "\(result.standardError)")
        let items = try String(contentsOf: export, encoding: .utf8).components(separatedBy: "<item>").count - 1
        let report = try Self.read(folder, "build/import-report.md")
        let rows = report.split(separator: "\n").filter {
            $0.hasPrefix("| ") && !$0.hasPrefix("| item ") && !$0.hasPrefix("| --- ")
        }
        #expect(rows.count == items, "one row per item of the export")
        let posts = rows.filter { $0.contains("| post |") || $0.contains("| page |") }
        #expect(!posts.isEmpty && posts.allSatisfy { $0.contains("Thing ") || $0.contains("not imported") })
        let validation = CommandRunner.run(["validate"], in: folder)
        #expect(validation.exitCode == 0, "\(validation.standardOutput.suffix(2000))")
        #expect(!validation.standardOutput.contains(": error: "))
    }

    @Test("an export over the size limit, or not an export at all, is refused with the file named and nothing written")
    func refusals() throws {
        let folder = try Self.emptyFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("big.xml")
        FileManager.default.createFile(atPath: big.path, contents: nil)
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let tooBig = CommandRunner.run(["import", "wordpress", "big.xml"], in: folder)
        #expect(tooBig.exitCode == 1 && tooBig.standardError.contains("big.xml: the export is 100 MB, over the 64 MB"))
        try "<!DOCTYPE x [<!ENTITY a SYSTEM \"file:///etc/passwd\">]><rss><channel/></rss>".write(
            to: folder.appendingPathComponent("xxe.xml"), atomically: true, encoding: .utf8)
        let xxe = CommandRunner.run(["import", "wordpress", "xxe.xml"], in: folder)
        #expect(
            xxe.exitCode == 1 && xxe.standardError.contains("error: xxe.xml:1:1: not a readable WordPress export"),
            "\(xxe.standardError)")
        let missing = CommandRunner.run(["import", "wordpress", "nothing.xml"], in: folder)
        #expect(missing.exitCode == 2)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("Courses").path))
    }
}
