import CourseLoader
import CourseModel
import Testing

@testable import CourseValidator

/// Runs every rule's own examples: a rule cannot ship without examples that prove it.
@Suite("Rule examples")
struct RuleExampleTests {
    /// A rule paired with one of its examples, for parameterised tests.
    struct Case: CustomTestStringConvertible, Sendable {
        let rule: any Rule.Type
        let example: RuleExample
        let index: Int
        var testDescription: String { "\(rule.description.id) #\(index + 1): \(example)" }
    }

    static let triggering: [Case] = RuleRegistry.all.flatMap { rule in
        rule.description.triggeringExamples.enumerated().map { Case(rule: rule, example: $1, index: $0) }
    }
    static let nonTriggering: [Case] = RuleRegistry.all.flatMap { rule in
        rule.description.nonTriggeringExamples.enumerated().map { Case(rule: rule, example: $1, index: $0) }
    }

    static func findings(for example: RuleExample) throws -> (found: [Finding], expected: [CourseModel.SourceLocation]) {
        let (fileSystem, markers) = try RuleFixture.materialise(example)
        let (findings, _) = Validator().check(
            WorkspaceLoader(fileSystem: fileSystem).load(workspaceAt: RuleFixture.root), fileSystem: fileSystem)
        return (findings, markers)
    }

    @Test("the fixture workspace is clean")
    func fixtureIsClean() throws {
        let (found, _) = try Self.findings(for: RuleExample.unchanged)
        #expect(found.isEmpty, "\(found.map { "\($0.location): \($0.message) [\($0.ruleID)]" })")
    }

    @Test("triggering examples are flagged exactly at their markers", arguments: triggering)
    func triggers(_ testCase: Case) throws {
        let (found, expected) = try Self.findings(for: testCase.example)
        #expect(!expected.isEmpty, "a triggering example needs a ↓ marker or an expected location")
        let located = found.filter { $0.ruleID == testCase.rule.description.id }
        #expect(
            located.map(\.location).sorted() == expected,
            "all findings: \(found.map { "\($0.location): \($0.message) [\($0.ruleID)]" })")
        #expect(located.allSatisfy { $0.severity == testCase.rule.description.severity })
    }

    @Test("non-triggering examples are accepted", arguments: nonTriggering)
    func doesNotTrigger(_ testCase: Case) throws {
        let (found, _) = try Self.findings(for: testCase.example)
        let located = found.filter { $0.ruleID == testCase.rule.description.id }
        #expect(located.isEmpty, "\(located.map { "\($0.location): \($0.message)" })")
    }

    @Test("rule ids are unique kebab-case and every rule has examples")
    func registryIsWellFormed() {
        let ids = RuleRegistry.all.map { $0.description.id }
        #expect(Set(ids).count == ids.count)
        #expect(ids.count >= 25)
        for rule in RuleRegistry.all {
            #expect(Identifier.isWellFormed(rule.description.id), "\(rule.description.id)")
            #expect(!rule.description.triggeringExamples.isEmpty, "\(rule.description.id) has no triggering example")
            #expect(!rule.description.summary.isEmpty)
        }
    }

    @Test("loader rule ids are all described")
    func loaderRulesAreRegistered() {
        for id in [
            LoaderRuleID.fileReadable, LoaderRuleID.textEncoding, LoaderRuleID.yamlSyntax, LoaderRuleID.frontMatter,
            LoaderRuleID.requiredField, LoaderRuleID.unknownKey, LoaderRuleID.valueType, LoaderRuleID.allowedValue,
        ] {
            #expect(RuleRegistry.rule(id: id) != nil, "\(id)")
        }
    }
}

/// The loader's rules are described and tested like every other: derived from the loader's one list.
@Suite("Loader rules")
struct LoaderRuleCoverageTests {
    @Test("every id the loader reports is a registered rule with triggering examples")
    func everyLoaderIDHasExamples() {
        let registered = Dictionary(
            RuleRegistry.all.map { ($0.description.id, $0.description) }, uniquingKeysWith: { first, _ in first })
        for id in LoaderRuleID.all {
            let description = registered[id]
            #expect(description != nil, "loader rule `\(id)` is not registered")
            #expect(!(description?.triggeringExamples.isEmpty ?? true), "loader rule `\(id)` has no triggering example")
        }
    }
}
