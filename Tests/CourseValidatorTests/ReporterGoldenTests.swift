import CourseLoader
import CourseModel
import Foundation
import TestSupport
import Testing

@testable import CourseValidator

/// Each reporter's output for the same findings, compared with golden files.
@Suite("Reporters")
struct ReporterGoldenTests {
    /// Findings from a real run over the fixture with three mistakes and a draft.
    static func findings() throws -> [Finding] {
        let example = RuleExample.replacing("countsTowards: [basics]", with: "countTowards: [basics]")
            .replacing("minWords: 200", with: "minWords: -1")
            .replacing("status: published", with: "status: draft", in: RuleFixture.secondThing)
            .replacing("email: badges@demo-issuer.org", with: "email: badges, demo-issuer.org", in: RuleFixture.issuer)
        let (fileSystem, _) = try RuleFixture.materialise(example)
        return Validator().validate(
            WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: RuleFixture.root), fileSystem: fileSystem)
    }

    @Test("text")
    func text() throws {
        Snapshot.expect(TextReporter().render(try Self.findings(), filesChecked: 8), matches: "report.txt")
    }

    @Test("SARIF 2.1.0, compared structurally: every finding a result with rule, level, file, line and column")
    func sarif() throws {
        let output = SARIFReporter().render(try Self.findings(), filesChecked: 8)
        guard let golden = Snapshot.golden("report.sarif", recording: output) else { return }
        let parse = { (text: String) in try JSONSerialization.jsonObject(with: Data(text.utf8)) as? NSDictionary }
        #expect(try parse(output) == parse(golden), "differs from Snapshots/report.sarif")
        let log = try #require(try parse(output))
        #expect(log["version"] as? String == "2.1.0")
        let results = ((log["runs"] as? [NSDictionary])?.first?["results"] as? [NSDictionary]) ?? []
        #expect(results.count == (try Self.findings()).count)
    }

    @Test("many warnings of one rule fold into one line with a count; errors never fold; the summary counts them all")
    func folding() {
        let drafts = (1...5).map {
            Finding(
                ruleID: "draft-thing", severity: .warning, message: "Thing \($0) is a draft",
                location: SourceLocation(file: "things/thing-0\($0).md", line: 5, column: 9))
        }
        let error = Finding(
            ruleID: "unknown-key", severity: .error, message: "unknown key", location: SourceLocation(file: "a.md"))
        let folded = FindingFolder.fold([error] + drafts)
        #expect(folded.count == 2)
        #expect(folded[1].message == "5 Things are drafts and left out of packages; --verbose lists them")
        #expect(FindingFolder.fold(Array(drafts.prefix(3))).count == 3, "three are still shown one by one")
        let text = TextReporter(summarising: [error] + drafts).render(folded, filesChecked: 6)
        #expect(text.hasSuffix("1 error, 5 warnings in 6 files\n"))
    }

    @Test("text with colour")
    func textColour() throws {
        let output = TextReporter(useColor: true).render(try Self.findings(), filesChecked: 8)
        #expect(output.contains("\u{1B}[1;31merror\u{1B}[0m"))
    }

    @Test("JSON, compared structurally")
    func json() throws {
        let output = JSONReporter().render(try Self.findings(), filesChecked: 8)
        guard let golden = Snapshot.golden("report.json", recording: output) else { return }
        let actual = try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [[String: Any]]
        let expected = try JSONSerialization.jsonObject(with: Data(golden.utf8)) as? [[String: Any]]
        #expect(actual.map { NSArray(array: $0) } == expected.map { NSArray(array: $0) })
    }

    @Test("GitHub annotations")
    func github() throws {
        Snapshot.expect(GitHubReporter().render(try Self.findings(), filesChecked: 8), matches: "report.github.txt")
    }

    @Test("summary wording")
    func summary() {
        #expect(TextReporter.summary([], filesChecked: 1) == "no problems in 1 file")
        let warning = Finding(ruleID: "x", severity: .warning, message: "m", location: SourceLocation(file: "f"))
        #expect(TextReporter.summary([warning], filesChecked: 2) == "0 errors, 1 warning in 2 files")
    }

    @Test("what a file says cannot drive the terminal or forge a line: control and bidirectional characters are escaped")
    func escapesInput() {
        let hostile = Finding(
            ruleID: "unknown-key", severity: .error,
            message: "unknown key `\u{1B}[2J\u{1B}[31mfake`\r\nerror: forged \u{202E}txt.exe",
            location: SourceLocation(file: "things/\u{1B}]0;title\u{7}.md", line: 1, column: 1), hint: "remove\u{8}\u{8}it")
        let text = TextReporter().render([hostile], filesChecked: 1)
        #expect(
            !text.unicodeScalars.contains {
                $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x08 || $0.value == 0x0D || $0.value == 0x202E
            })
        #expect(text.contains("\\u{1B}[2J") && text.split(separator: "\n").count == 3, "\(text)")
        let github = GitHubReporter().render([hostile], filesChecked: 1)
        #expect(!github.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
    }
}
