import CourseLoader
import CourseModel
import FileAccess
import Testing

/// Positions the loader reports, checked against `↓` markers in the fixture text (no column counted by hand).
@Suite("Loader positions")
struct LoaderPositionTests {
    static let root = "/ws"
    static let thingPath = "Courses/c/things/thing-01.md"

    /// A one-Thing workspace whose Thing file is `thing` with its markers removed; returns findings and markers.
    func load(thing: String) -> (findings: [Finding], markers: [CourseModel.SourceLocation], report: LoadReport) {
        var clean = ""
        var markers: [CourseModel.SourceLocation] = []
        var line = 1
        var column = 1
        for character in thing {
            if character == "↓" {
                markers.append(CourseModel.SourceLocation(file: Self.thingPath, line: line, column: column))
                continue
            }
            clean.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        let fileSystem = InMemoryFileSystem(files: [
            "\(Self.root)/Courses/c/course.yaml": "id: c\ntitle: C\nlanguage: en\nthings: [thing-01]\n",
            "\(Self.root)/\(Self.thingPath)": clean,
        ])
        let report = WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: Self.root)
        return (report.findings, markers, report)
    }

    @Test("an unknown key is reported at the key, with a did-you-mean hint")
    func unknownKey() {
        let (findings, markers, _) = load(thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\n↓countTowards: [x]\n---\n")
        #expect(findings.map(\.location) == markers)
        #expect(findings.first?.ruleID == "unknown-key")
        #expect(findings.first?.hint == "did you mean `countsTowards`?")
    }

    @Test("a nested unknown key is reported at its own line and column")
    func nestedUnknownKey() {
        let thing = """
            ---
            id: thing-01
            number: 1
            status: draft
            activities:
              - id: r
                type: reflection
                title: R
                ↓minword: 200
            ---

            """
        let (findings, markers, _) = load(thing: thing)
        let unknown = findings.filter { $0.ruleID == "unknown-key" }
        #expect(unknown.map(\.location) == markers)
        #expect(unknown.first?.hint == "did you mean `minWords`?")
    }

    @Test("a wrong value type is reported at the value")
    func valueType() {
        let (findings, markers, _) = load(thing: "---\nid: thing-01\nnumber: ↓two\nstatus: draft\n---\n")
        #expect(findings.map(\.location) == markers)
        #expect(findings.map(\.ruleID) == ["value-type"])
    }

    @Test("a YAML syntax error is reported where the parser stopped, in file lines")
    func syntaxError() {
        let (findings, markers, _) = load(thing: "---\nid: thing-01\nnumber: 1\n↓\tstatus: draft\n---\n")
        #expect(findings.map(\.location) == markers)
        #expect(findings.first?.ruleID == "yaml-syntax")
        #expect(findings.first?.hint?.contains("tabs") == true)
    }

    @Test(
        "YAML slips authors make are explained in their words, at the place to fix, with the fix",
        arguments: [
            // A colon and space inside a plain value: the quoted line is offered.
            (
                "---\nid: thing-01\nnumber: 1\nstatus: draft\ntitle: Leadership↓: or management?\n---\n",
                "this value holds `: `", "put the value in quotes: `title: \"Leadership: or management?\"`"
            ),
            // A field indented under a field that already has a value on its line.
            (
                "---\nid: thing-01\nnumber: 1\n  ↓status: draft\n---\n",
                "indented further than the field on line 3", "start it at column 1, like the field above"
            ),
            // A continuation line of a list entry that lines up with neither the dash nor the entry.
            (
                "---\nid: thing-01\nnumber: 1\nstatus: draft\nprerequisites:\n  - thing: thing-02\n   ↓level: required\n---\n",
                "not lined up with the list that starts on line 6",
                "indent it to column 5 to belong to the entry above, or start a new entry with `- ` at column 3"
            ),
            // A field whose colon was forgotten: reported on its own line, not the next.
            (
                "---\nid: thing-01\nnumber: 1\n↓status draft\naim: Lead.\n---\n",
                "neither `key: value` nor the continuation", "write `key: value`"
            ),
        ])
    func authorWords(text: String, message: String, hint: String) {
        let (findings, markers, _) = load(thing: text)
        #expect(findings.map(\.ruleID) == ["yaml-syntax"])
        #expect(findings.map(\.location) == markers)
        #expect(findings.first?.message.contains(message) == true, "\(findings.first?.message ?? "none")")
        #expect(findings.first?.hint?.contains(hint) == true, "\(findings.first?.hint ?? "none")")
    }

    @Test("a repeated key is reported at its second occurrence")
    func duplicateKey() {
        let (findings, markers, _) = load(thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\n↓number: 2\n---\n")
        #expect(findings.map(\.location) == markers)
        #expect(findings.first?.message.contains("duplicate key `number`") == true)
    }

    @Test("a key repeated in a nested mapping is reported there, with the first occurrence in the hint")
    func nestedDuplicateKey() {
        let (findings, markers, _) = load(
            thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\nresources:\n  - id: r\n    title: T\n    ↓title: U\n---\n")
        #expect(findings.map(\.location) == markers)
        #expect(findings.first?.hint == "remove one of the two `title` entries (the first is on line 7)")
    }

    @Test("a key repeated in a mapping of thousands of keys is found there too (the indexed path)")
    func duplicateKeyInLargeMapping() {
        let keys = (0..<5_000).map { "    k\($0): v\n" }.joined()
        let (findings, markers, _) = load(
            thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\nresources:\n  - id: r\n    title: T\n" + keys
                + "    ↓k40: again\n---\n")
        #expect(findings.map(\.location) == markers)
        #expect(findings.first?.hint == "remove one of the two `k40` entries (the first is on line 48)")
    }

    @Test("an alias reads as the anchored value; an undefined alias is reported where it is used")
    func aliases() {
        let (good, _, report) = load(
            thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\naim: &aim Lead well.\noutcomes: [*aim, *aim]\n---\n")
        #expect(good.isEmpty)
        #expect(report.workspace.courses.first?.things.first?.outcomes == ["Lead well.", "Lead well."])
        let (bad, markers, _) = load(thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\noutcomes: [↓*nowhere]\n---\n")
        #expect(bad.map(\.location) == markers)
        #expect(bad.first?.message == "YAML syntax error: found undefined alias")
    }

    @Test("aliases that expand a document past its budget (a billion laughs) are refused at the alias that crosses it")
    func aliasExpansion() {
        // Each level doubles the one before: 2^30 values from a few hundred bytes.
        var levels = ["a0: &a0 [x, x]"]
        for level in 1..<30 { levels.append("a\(level): &a\(level) [*a\(level - 1), *a\(level - 1)]") }
        let text = "---\nid: thing-01\nnumber: 1\nstatus: draft\n" + levels.joined(separator: "\n") + "\n---\n"
        let (findings, _, _) = load(thing: text)
        #expect(findings.map(\.ruleID) == ["yaml-syntax"])
        #expect(findings.first?.message.contains("aliases expand the document") == true)
        // Found at an alias on the level where the expanded values first pass 20,000, long before the last.
        let line = findings.first?.location.line ?? 0
        #expect(line > 5 && line < 5 + 29, "line \(line)")
        // A few honest aliases stay well inside the budget.
        let (fine, _, _) = load(
            thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\naim: &aim Lead well.\noutcomes: [*aim, *aim, *aim]\n---\n")
        #expect(fine.isEmpty)
    }

    @Test("one long scalar aliased thousands of times (a gigabyte of text in few values) is refused by the byte budget")
    func aliasExpansionInBytes() {
        // 100 KB written once, aliased 10,000 times: 1 GB of text but only 10,000 values.
        let long = String(repeating: "x", count: 100_000)
        let aliases = Array(repeating: "*long", count: 10_000).joined(separator: ", ")
        let text = "---\nid: thing-01\nnumber: 1\nstatus: draft\naim: &long \(long)\noutcomes: [\(aliases)]\n---\n"
        let (findings, _, _) = load(thing: text)
        #expect(findings.map(\.ruleID) == ["yaml-syntax"])
        #expect(findings.first?.message.contains("KB of text") == true, "\(findings)")
        #expect(findings.first?.location.line == 6)
    }

    @Test("lists and mappings nested past the depth limit are refused, flow or block, not by a crash")
    func nestingDepth() {
        let flow = String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000)
        let block = (0..<150).map { String(repeating: "  ", count: $0) + "- \n" }.joined()
        for nested in [flow, "\n" + block] {
            let (findings, _, _) = load(thing: "---\nid: thing-01\nnumber: 1\nstatus: draft\noutcomes: \(nested)\n---\n")
            #expect(findings.map(\.ruleID) == ["yaml-syntax"])
            #expect(findings.first?.message == "YAML syntax error: lists and mappings nest more than 100 levels deep")
        }
    }

    @Test("a second YAML document in a YAML file is refused where it starts")
    func secondDocument() {
        let fileSystem = InMemoryFileSystem(files: [
            "\(Self.root)/Courses/c/course.yaml": "id: c\ntitle: C\nlanguage: en\n---\nid: d\n"
        ])
        let findings = WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: Self.root).findings
        #expect(findings.map(\.ruleID) == ["yaml-syntax"])
        #expect(findings.first?.location == CourseModel.SourceLocation(file: "Courses/c/course.yaml", line: 4, column: 1))
    }

    @Test("quoted numbers stay text")
    func quotedNumber() {
        let (typed, typedMarkers, _) = load(thing: "---\nid: thing-01\nnumber: ↓\"1\"\nstatus: draft\n---\n")
        #expect(typed.map(\.location) == typedMarkers)
        #expect(typed.first?.message == "`number` must be a whole number, not the text `1`")
    }

    @Test("unclosed front matter is reported at the opening line")
    func unclosedFrontMatter() {
        let (findings, markers, _) = load(thing: "↓---\nid: thing-01\nnumber: 1\n")
        #expect(findings.map(\.location) == markers)
        #expect(findings.map(\.ruleID) == ["front-matter"])
    }

    @Test("a byte-order mark and CRLF line endings do not shift positions")
    func crlfAndBOM() {
        let (findings, markers, _) = load(
            thing: "\u{FEFF}---\r\nid: thing-01\r\nnumber: 1\r\nstatus: draft\r\n↓colour: red\r\n---\r\n")
        #expect(findings.map(\.location) == markers)
    }

    @Test("the body is the whole Markdown after the front matter, positioned at its first line")
    func body() {
        let thing =
            "---\nid: thing-01\nnumber: 1\nstatus: draft\n---\nIntro.\n\n## One\n\nText\n\n```\n## not a heading\n```\n\n## Two\n\nMore.\n"
        let (findings, _, report) = load(thing: thing)
        #expect(findings.isEmpty)
        let loaded = report.workspace.courses.first?.things.first
        #expect(loaded?.body.source.hasPrefix("Intro.\n\n## One") == true)
        #expect(loaded?.body.source.hasSuffix("## Two\n\nMore.\n") == true)
        #expect(loaded?.body.start.line == 6)
    }

    @Test("a missing course folder is an I/O failure")
    func missingCourses() {
        let report = WorkspaceLoader(fileSystem: InMemoryFileSystem(files: ["/ws/Badges/issuer.yaml": "id: x\nname: X\n"]))
            .load(workspaceAt: "/ws")
        #expect(report.hadIOFailure)
        #expect(report.findings.map(\.ruleID) == ["file-readable"])
    }
}
