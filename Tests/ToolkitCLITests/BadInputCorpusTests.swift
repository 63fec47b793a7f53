import CourseLoader
import CourseMedia
import CourseModel
import CourseValidator
import Foundation
import Testing
import ToolkitCLI

/// The bad-input corpus: broken workspaces of every kind an author produces, each with the rule id
/// and the exact position expected (`↓` markers, or a stated location). Every case goes through the
/// real command line (`toolkit package --scorm`): exit 1 (2 for I/O), a located message, no crash,
/// and no output written.
@Suite("Bad-input corpus")
struct BadInputCorpusTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        let rule: String
        let example: RuleExample
        var exitCode: Int32 = 1
        var testDescription: String { name }
    }

    static let thing = RuleFixture.firstThing
    static let course = RuleFixture.course

    static func replace(_ name: String, _ rule: String, _ old: String, _ new: String, in file: String = thing) -> Case {
        Case(name: name, rule: rule, example: .replacing(old, with: new, in: file))
    }

    /// A quiz activity for a case, inserted after `activities:`, with one question of two options.
    static func quiz(correct: String, mode: String) -> String {
        """
        activities:
          - id: check
            type: quiz
            title: Check
            questions:
              - text: Which is management?
                mode: \(mode)
                options:
                  - text: Budgeting
                    correct: \(correct)
                  - text: Setting a vision

        """
    }

    static let cases: [Case] = [
        // YAML syntax of every kind
        replace("tab indentation", "yaml-syntax", "aim: Learn the first thing.", "↓\taim: Learn the first thing."),
        replace("unclosed double quote", "yaml-syntax", "title: First thing\n", "title: ↓\"First thing\n"),
        replace("unclosed single quote", "yaml-syntax", "title: Demo course\n", "title: ↓'Demo course\n", in: course),
        replace("bad indentation", "yaml-syntax", "number: 1\n", "number: 1\n   ↓title: Oops\n"),
        replace("duplicate key in a Thing", "yaml-syntax", "number: 1\n", "number: 1\n↓number: 3\n"),
        replace("duplicate key in the course", "yaml-syntax", "version: 1.0.0\n", "version: 1.0.0\n↓version: 2\n", in: course),
        replace("colon inside an unquoted value", "yaml-syntax", "title: Demo course\n", "title: Demo↓: course\n", in: course),
        replace("unclosed flow sequence", "yaml-syntax", "countsTowards: [basics]\n", "countsTowards: ↓[basics\n"),
        replace("undefined alias", "yaml-syntax", "aim: Learn the first thing.", "aim: ↓*nothing"),
        replace(
            "duplicate key in a badge", "yaml-syntax", "kind: thing\n", "kind: thing\n↓kind: thing\n", in: RuleFixture.firstBadge),
        // front matter
        replace("no front matter", "front-matter", "---\nid: thing-01", "↓id: thing-01"),
        Case(
            name: "front matter not closed", rule: "front-matter",
            example: RuleExample.replacing("references: [guide]\n---\n", with: "references: [guide]\n")
                .replacing("---\nid: thing-01", with: "↓---\nid: thing-01")),
        Case(name: "empty Thing file", rule: "front-matter", example: RuleExample.writing("↓", to: thing)),
        Case(name: "empty front matter", rule: "required-field", example: RuleExample.writing("---\n↓---\nBody.\n", to: thing)),
        Case(name: "empty course file", rule: "required-field", example: RuleExample.writing("↓", to: course)),
        Case(name: "empty badge file", rule: "required-field", example: RuleExample.writing("↓", to: RuleFixture.firstBadge)),
        // encodings and line endings
        Case(
            name: "byte-order mark and CRLF keep positions", rule: "unknown-key",
            example: RuleExample.writing(
                "\u{FEFF}id: basics\r\nkind: collection\r\nname: B\r\n↓colour: red\r\nimage: images/badge.svg\r\n",
                to: RuleFixture.collectionBadge)),
        Case(
            name: "invalid UTF-8 in a Thing", rule: "text-encoding",
            example: RuleExample.writing(
                bytes: Array("---\nid: thing-01\ntitle: Caf".utf8) + [0xC3, 0x28] + Array("\n---\n".utf8), to: thing
            )
            .expecting(thing, line: 3)),
        Case(
            name: "invalid UTF-8 in the course file", rule: "text-encoding",
            example: RuleExample.writing(bytes: [0xFF, 0xFE, 0x00, 0x41], to: course).expecting(course)),
        // wrong types everywhere
        replace("number as text", "value-type", "number: 1", "number: ↓one"),
        replace("status as a list", "value-type", "status: published", "status: ↓[published]"),
        replace("minWords as words", "value-type", "minWords: 200", "minWords: ↓two hundred"),
        replace(
            "categories as text", "value-type",
            "    categories:\n      - id: left\n        label: Left\n      - id: right\n        label: Right\n",
            "    categories: ↓left, right\n"),
        replace("maybe is not a boolean", "value-type", "    minWords: 200\n", "    minWords: 200\n    badgeEvidence: ↓maybe\n"),
        replace("duration as a fraction", "value-type", "aim: Learn", "durationMinutes: ↓1.5\naim: Learn"),
        replace("tags as text", "value-type", "tags: [demo]", "tags: ↓demo", in: RuleFixture.firstBadge),
        replace(
            "licence as text", "value-type", "licence:\n  name: CC BY 4.0\n  url: https://creativecommons.org/licenses/by/4.0/\n",
            "licence: ↓CC BY 4.0\n", in: course),
        replace("activity as text", "value-type", "activities:\n  - id: sort", "activities:\n  - ↓just text\n  - id: sort"),
        replace("unknown status", "allowed-value", "status: published", "status: ↓done"),
        replace("unknown activity type", "allowed-value", "type: reflection", "type: ↓essay"),
        replace("misspelt key", "unknown-key", "countsTowards: [basics]", "↓countTowards: [basics]"),
        replace("missing required field", "required-field", "    declaration: This is my own work.\n", "").replacingExample(
            "  - id: submit", "  - ↓id: submit"),
        // ids
        // References to `thing-01` still mean the Thing in thing-01.md: only the malformed id is reported.
        replace("id with spaces", "id-format", "id: thing-01", "id: ↓thing 01"),
        replace("unicode id", "id-format", "  - id: sort\n", "  - id: ↓trié\n"),
        replace("uppercase id", "id-format", "  - id: guide", "  - id: ↓Guide").replacingExample(
            "references: [guide]", "references: [Guide]"
        ).replacingExample("guides: [guide]", "guides: [Guide]"),
        // duplicates and numbering
        replace("duplicate activity ids", "duplicate-id", "  - id: submit", "  - id: ↓sort"),
        replace("duplicate Thing number", "thing-number-sequence", "number: 2", "number: ↓1", in: RuleFixture.secondThing),
        replace("Thing number out of range", "thing-number-sequence", "number: 2", "number: ↓9", in: RuleFixture.secondThing),
        // references and cycles
        replace("unknown badge", "badge-reference-resolves", "badge: thing-01", "badge: ↓thing-1"),
        replace(
            "unknown collection", "collection-reference-resolves", "countsTowards: [basics]", "countsTowards: [↓basic]",
            in: RuleFixture.secondThing),
        replace("unknown resource", "resource-reference-resolves", "references: [guide]", "references: [↓guid]"),
        replace("evidence from a classification", "activity-reference-resolves", "evidenceFrom: reflect", "evidenceFrom: ↓sort"),
        replace(
            "self prerequisite", "prerequisite-resolves", "  - thing: thing-01", "  - thing: ↓thing-02",
            in: RuleFixture.secondThing),
        Case(
            name: "prerequisite cycle", rule: "prerequisite-cycle",
            example: RuleExample.replacing(
                "countsTowards: [basics]\naim", with: "countsTowards: [basics]\nprerequisites:\n  - thing: thing-02\naim"
            )
            .replacing("  - thing: thing-01", with: "  - thing: ↓thing-01", in: RuleFixture.secondThing)),
        replace(
            "listed Thing missing", "course-thing-listed", "things: [thing-01, thing-02]\ncollections",
            "things: [thing-01, thing-02, ↓thing-03]\ncollections", in: course),
        replace("classification item in no category", "classification-item-category", "category: right", "category: ↓rigth"),
        replace("minWords -1", "allowed-value", "minWords: 200", "minWords: ↓-1"),
        // paths and files
        replace("resource file missing", "local-file-exists", "    url: https://example.org/guide", "    file: ↓files/guide.pdf"),
        replace(
            "resource path climbing out", "local-file-exists", "    url: https://example.org/guide",
            "    file: ↓../../../etc/passwd"),
        replace("absolute resource path", "local-file-exists", "    url: https://example.org/guide", "    file: ↓/etc/passwd"),
        replace(
            "badge image missing", "badge-image-exists", "image: images/badge.svg", "image: ↓images/none.svg",
            in: RuleFixture.firstBadge),
        replace(
            "badge image climbing out", "badge-image-exists", "image: images/badge.svg", "image: ↓../../secret.png",
            in: RuleFixture.firstBadge),
        replace(
            "badge image written in the wrong case", "badge-image-exists", "image: images/badge.svg", "image: ↓images/Badge.svg",
            in: RuleFixture.firstBadge),
        Case(
            name: "resource file written in the wrong case", rule: "local-file-exists",
            example: RuleExample.replacing("    url: https://example.org/guide", with: "    file: ↓files/Guide.pdf")
                .writing("%PDF-1.4", to: RuleFixture.inFilesFolder("guide.pdf"))),
        Case(
            name: "badge image not an image", rule: "badge-image-format",
            example: RuleExample.writing("GIF89a", to: "Badges/images/x.gif")
                .replacing("image: images/badge.svg", with: "image: ↓images/x.gif", in: RuleFixture.firstBadge)),
        Case(
            name: "truncated PNG", rule: "badge-image-format",
            example: RuleExample.writing(
                bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], to: "Badges/images/t.png"
            )
            .replacing("image: images/badge.svg", with: "image: ↓images/t.png", in: RuleFixture.firstBadge)),
        Case(
            name: "SVG with a DOCTYPE and entities", rule: "badge-image-format",
            example: RuleExample.writing(
                "<?xml version=\"1.0\"?><!DOCTYPE svg [<!ENTITY a \"aaaa\"><!ENTITY b \"&a;&a;&a;&a;\">]><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\"><text>&b;</text></svg>",
                to: "Badges/images/lol.svg"
            )
            .replacing("image: images/badge.svg", with: "image: ↓images/lol.svg", in: RuleFixture.firstBadge)),
        Case(
            name: "SVG of huge dimensions", rule: "badge-image-format",
            example: RuleExample.writing(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"90000\" height=\"90000\"/>", to: "Badges/images/big.svg"
            )
            .replacing("image: images/badge.svg", with: "image: ↓images/big.svg", in: RuleFixture.firstBadge)),
        Case(
            name: "a 5 MB Markdown file", rule: "file-size",
            example: RuleExample.writing(
                "---\nid: thing-02\n---\n" + String(repeating: "word ", count: 1_100_000), to: RuleFixture.secondThing
            )
            .expecting(RuleFixture.secondThing)),
        Case(
            name: "names that differ only by case", rule: "path-safety",
            example: RuleExample.writing(RuleFixture.files[RuleFixture.firstThing]!, to: "Courses/demo/things/Thing-01.md")
                .expecting(thing)),
        // Markdown
        replace("heading skips a level", "heading-increment", "## Section\n", "## Section\n\n↓#### Deep\n"),
        replace("image without alt text", "image-alt-text", "Intro text.", "Intro ↓![](https://example.org/x.png)"),
        replace(
            "link to a missing Thing", "thing-link-resolves", "[link to the next Thing](thing-02.md)", "↓[link](thing-09.md)"),
        replace("http link", "https-url", "url: https://example.org/guide", "url: ↓http://example.org/guide"),
        replace("javascript link", "https-url", "Intro text.", "↓[click](javascript:alert(1))"),
        // media
        replace("picture file missing", "media-file-exists", "Intro text.", "↓![A chart](../files/none.png)"),
        replace("picture path outside the course", "media-file-exists", "Intro text.", "↓![A chart](../../../../etc/passwd.png)"),
        replace("absolute picture path", "media-file-exists", "Intro text.", "↓![A chart](/etc/chart.png)"),
        Case(
            name: "picture whose bytes are a PDF", rule: "media-type",
            example: RuleExample.replacing("Intro text.", with: "↓![A chart](../files/chart.png)")
                .writing(bytes: MediaSamples.pdf, to: RuleFixture.inFilesFolder("chart.png"))),
        Case(
            name: "a web page as a download", rule: "media-type",
            example: RuleExample.replacing("Intro text.", with: "See ↓[the page](../files/page.html).")
                .writing("<html><script>alert(1)</script></html>", to: RuleFixture.inFilesFolder("page.html"))),
        Case(
            name: "a program named as a PDF", rule: "media-type",
            example: RuleExample.replacing("Intro text.", with: "See ↓[the guide](../files/guide.pdf).")
                .writing(bytes: [0x7F, 0x45, 0x4C, 0x46, 2, 1, 1, 0], to: RuleFixture.inFilesFolder("guide.pdf"))),
        Case(
            name: "SVG picture with a script", rule: "media-type",
            example: RuleExample.replacing("Intro text.", with: "↓![A chart](../files/chart.svg)")
                .writing(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"9\" height=\"9\"><script>alert(1)</script></svg>",
                    to: RuleFixture.inFilesFolder("chart.svg"))),
        Case(
            name: "a picture over the size limit", rule: "media-size",
            example: RuleExample.replacing("Intro text.", with: "↓![A chart](../files/chart.png)")
                .writing("", repeating: "x", count: MediaLimits.maximumFileSize + 1, to: RuleFixture.inFilesFolder("chart.png"))),
        replace(
            "picture in a prompt without alt text", "media-accessible", "    prompt: Sort each item.",
            "    prompt: ↓Sort each item. ![](https://example.org/x.png)"),
        Case(
            name: "video without captions or transcript", rule: "media-accessible",
            example: RuleExample.replacing("Intro text.", with: "↓![A talk](../files/talk.mp4)")
                .writing(bytes: MediaSamples.mp4, to: RuleFixture.inFilesFolder("talk.mp4"))),
        Case(
            name: "captions that are not WebVTT", rule: "media-type",
            example: RuleExample.replacing("Intro text.", with: "↓![A talk](../files/talk.mp4 \"captions: talk.srt\")")
                .writing(bytes: MediaSamples.mp4, to: RuleFixture.inFilesFolder("talk.mp4"))
                .writing("1\n00:00:00,000 --> 00:00:01,000\nHi\n", to: RuleFixture.inFilesFolder("talk.srt"))),
        // hostile text and published images
        replace(
            "a control character written as a YAML escape", "text-encoding", "title: First thing\n",
            "title: ↓\"First\\x1b[2J thing\"\n"),
        replace("a raw control character in the body", "text-encoding", "Intro text.", "Intro ↓\u{0}text."),
        replace(
            "a bidirectional override in a title", "hidden-characters", "title: First thing\n", "title: ↓First \u{202E}gniht\n"),
        Case(
            name: "badge art with a script", rule: "badge-image-format",
            example: RuleExample.writing(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\"><rect width=\"9\" height=\"9\" onclick=\"alert(1)\"/></svg>",
                to: RuleFixture.inBadgesFolder("images/click.svg")
            ).replacing("image: images/badge.svg", with: "image: ↓images/click.svg", in: RuleFixture.firstBadge)),
        Case(
            name: "badge art PNG with a damaged chunk", rule: "badge-image-format",
            example: RuleExample.writing(
                bytes: Array(MediaSamples.png.dropLast(4)) + [0, 0, 0, 0] + [0, 0, 0, 0] + Array("IEND".utf8) + [
                    0xAE, 0x42, 0x60, 0x82,
                ],
                to: RuleFixture.inBadgesFolder("images/damaged.png")
            ).replacing("image: images/badge.svg", with: "image: ↓images/damaged.png", in: RuleFixture.firstBadge)),
        Case(
            name: "badge art that already carries a baked badge", rule: "badge-image-format",
            example: RuleExample.writing(
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:openbadges=\"http://openbadges.org\" width=\"256\" height=\"256\"><openbadges:assertion verify=\"https://x.example/a.json\"/></svg>",
                to: RuleFixture.inBadgesFolder("images/baked.svg")
            ).replacing("image: images/badge.svg", with: "image: ↓images/baked.svg", in: RuleFixture.firstBadge)),
        // slips an author trial found: each one finding, where it is, and nothing else
        replace("a required key misspelt", "unknown-key", "language: en-GB", "↓langauge: en-GB", in: course),
        replace("correct: yes", "value-type", "activities:\n", Self.quiz(correct: "↓yes", mode: "single")),
        replace("mode: multi", "allowed-value", "activities:\n", Self.quiz(correct: "true", mode: "↓multi")),
        replace(
            "a web address without https://", "media-file-exists", "Intro text.", "Intro text. See ↓[the site](www.example.org)."),
        Case(
            name: "a picture named almost as the file beside it", rule: "media-file-exists",
            example: RuleExample.replacing("Intro text.", with: "Intro text. ↓![A chart](../files/chrat.png)")
                .writing(bytes: MediaSamples.png, to: RuleFixture.inFilesFolder("chart.png"))),
        // missing files and folders (I/O: exit 2)
        Case(
            name: "course folder without course.yaml", rule: "file-readable",
            example: RuleExample.removing(course).expecting(course),
            exitCode: 2),
        Case(
            name: "a folder where course.yaml should be", rule: "file-readable",
            example: RuleExample.removing(course).writing("x", to: course + "/oops").expecting(course), exitCode: 2),
    ]

    static func run(_ testCase: Case) throws -> (CommandRunner.Outcome, [CourseModel.SourceLocation], URL) {
        let (fileSystem, markers) = try RuleFixture.materialise(testCase.example)
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("corpus-\(UUID().uuidString)")
        let outcome = CommandRunner.run(
            ["package", "--scorm", "--output", output.path], fileSystem: fileSystem, in: RuleFixture.root)
        return (outcome, markers, output)
    }

    @Test("each broken workspace is refused with a located finding and nothing is written", arguments: cases)
    func corpus(_ testCase: Case) throws {
        let (outcome, markers, output) = try Self.run(testCase)
        #expect(outcome.exitCode == testCase.exitCode, "\(outcome.standardError)")
        #expect(!markers.isEmpty)
        for marker in markers {
            let line = outcome.standardError.split(separator: "\n").first {
                $0.hasPrefix("\(marker): error: ") && $0.hasSuffix("[\(testCase.rule)]")
            }
            #expect(line != nil, "expected [\(testCase.rule)] at \(marker) in:\n\(outcome.standardError)")
        }
        let extra = outcome.standardError.split(separator: "\n").filter { line in
            line.contains(": error: ") && !markers.contains { line.hasPrefix("\($0): error: ") }
        }
        // The complete list: every error is one the case marks, so a slip never brings knock-on errors elsewhere.
        #expect(extra.isEmpty, "errors the case does not mark:\n\(extra.joined(separator: "\n"))")
        #expect(!FileManager.default.fileExists(atPath: output.path), "an output was written")
        #expect(!outcome.standardError.contains("Fatal error") && !outcome.standardError.contains("Stack dump"))
    }

    @Test("a slip in one file is reported in that file only, never with knock-on findings elsewhere, the same bytes on every run")
    func slipStaysInItsFile() throws {
        // thing-02 is listed by the course, a member of the collection, numbered 2, and linked from thing-01.
        for slip in [
            RuleExample.replacing("title: Second thing\n", with: "\ttitle: Second thing\n", in: RuleFixture.secondThing),
            RuleExample.replacing("---\nid: thing-02", with: "id: thing-02", in: RuleFixture.secondThing),
            RuleExample.replacing(
                "aim: Learn the second thing.", with: "aim: \"Learn the second thing.", in: RuleFixture.secondThing),
        ] {
            let (fileSystem, _) = try RuleFixture.materialise(slip)
            var outputs: [String] = []
            for _ in 0..<5 {
                outputs.append(
                    CommandRunner.run(["validate", "--format", "json"], fileSystem: fileSystem, in: RuleFixture.root)
                        .standardOutput)
            }
            #expect(Set(outputs).count == 1, "five runs print the same bytes")
            let findings = try JSONSerialization.jsonObject(with: Data(outputs[0].utf8)) as? [[String: Any]] ?? []
            let errors = findings.filter { $0["severity"] as? String == "error" }
            #expect(!errors.isEmpty)
            #expect(
                errors.allSatisfy { ($0["file"] as? String)?.hasSuffix("things/thing-02.md") == true },
                "\(errors.map { "\($0["file"] ?? ""): \($0["rule"] ?? "")" })")
        }
    }

    @Test("a value of the wrong type is reported once, not again by the rule that reads its default")
    func noKnockOnFromDefaults() throws {
        let (fileSystem, _) = try RuleFixture.materialise(.replacing("minWords: 200", with: "minWords: many"))
        let output = CommandRunner.run(["validate"], fileSystem: fileSystem, in: RuleFixture.root).standardOutput
        let errors = output.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(errors.count == 1 && errors[0].hasSuffix("[value-type]"), "\(output)")
    }

    @Test("the corpus holds at least 50 cases, every one different")
    func size() {
        #expect(Self.cases.count >= 50)
        #expect(Set(Self.cases.map(\.name)).count == Self.cases.count)
    }
}

extension BadInputCorpusTests.Case {
    /// The same case with one more replacement in the same file.
    func replacingExample(_ old: String, _ new: String) -> Self {
        var copy = self
        let file = {
            if case .replace(let file, _, _) = example.edits.first { return file }
            return RuleFixture.firstThing
        }()
        copy = .init(
            name: name, rule: rule, example: example.replacing(old, with: new, in: file), exitCode: exitCode)
        return copy
    }
}
