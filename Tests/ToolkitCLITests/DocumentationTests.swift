import CourseValidator
import Foundation
import Testing

/// The README's rule list is generated from the rules; this keeps it from drifting.
@Suite("Documentation")
struct DocumentationTests {
    @Test("README rule table matches the registry (regenerate with Scripts/update-docs)")
    func readmeRuleTable() throws {
        let readme = try String(contentsOf: CommandRunner.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- rules:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- rules:end -->"))
        #expect(String(readme[begin.upperBound..<end.lowerBound]) == RuleDocumentation.markdownTable())
    }
}
