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
            .replacing("email: badges@example.org", with: "email: badges, example.org", in: RuleFixture.issuer)
        let (fileSystem, _) = try RuleFixture.materialise(example)
        return Validator().validateWorkspace(at: RuleFixture.root, fileSystem: fileSystem).findings
    }

    @Test("text")
    func text() throws {
        Snapshot.expect(TextReporter().render(try Self.findings(), filesChecked: 8), matches: "report.txt")
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
}
