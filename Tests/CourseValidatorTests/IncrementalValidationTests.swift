import CourseLoader
import CourseModel
import FileAccess
import Foundation
import Testing

@testable import CourseValidator

/// A check that keeps what earlier checks worked out (the preview's) re-checks only the Things an edit
/// changed, and finds exactly what a check from nothing finds, edit after edit: in the edited Thing,
/// and in the Things that only link to it.
@Suite("Incremental validation")
struct IncrementalValidationTests {
    static func path(_ relative: String) -> String { RuleFixture.root + "/" + relative }

    static func check(_ files: InMemoryFileSystem, memory: ValidationMemory) -> [Finding] {
        Validator().check(
            WorkspaceLoader(fileSystem: files).load(workspaceAt: RuleFixture.root), fileSystem: files, memory: memory
        )
        .findings
    }

    static func edit(_ files: InMemoryFileSystem, _ file: String, _ old: String, _ new: String) throws {
        let text = String(decoding: try files.readFile(path(file)), as: UTF8.self)
        #expect(text.contains(old), "\(old) is not in \(file)")
        files.write(text.replacingOccurrences(of: old, with: new), to: path(file))
    }

    /// The kept check and a check from nothing, which must agree.
    static func both(_ files: InMemoryFileSystem, _ memory: ValidationMemory) -> (kept: [Finding], fresh: [Finding]) {
        (check(files, memory: memory), check(files, memory: .none))
    }

    @Test("edit after edit, a kept check re-checks only what changed and equals a check from nothing")
    func editsAgreeWithFullChecks() throws {
        let (files, _) = try RuleFixture.materialise(.unchanged)
        let memory = ValidationMemory()
        var (kept, fresh) = Self.both(files, memory)
        #expect(kept == fresh && kept.isEmpty, "\(kept)")
        #expect(memory.thingsCheckedByLastCheck == [RuleFixture.firstThing, RuleFixture.secondThing])

        // Nothing changed: nothing is checked again.
        _ = Self.check(files, memory: memory)
        #expect(memory.thingsCheckedByLastCheck.isEmpty)

        // One Thing's body: only it is checked again, and its new findings are there.
        try Self.edit(
            files, RuleFixture.firstThing, "Intro text.",
            "Intro text with [a lost link](thing-09.md), <b>raw HTML</b> and [a plain one](http://example.org/x).\n\n#### Skipped"
        )
        (kept, fresh) = Self.both(files, memory)
        #expect(memory.thingsCheckedByLastCheck == [RuleFixture.firstThing])
        #expect(kept == fresh)
        #expect(
            Set(kept.map(\.ruleID)).isSuperset(of: ["thing-link-resolves", "raw-html", "https-url", "heading-increment"]),
            "\(kept.map(\.ruleID))")

        // Another Thing's status is in every Thing's outline: the link to it is now a link to a draft.
        try Self.edit(files, RuleFixture.secondThing, "status: published", "status: draft")
        (kept, fresh) = Self.both(files, memory)
        #expect(kept == fresh)
        #expect(kept.contains { $0.ruleID == "thing-link-to-draft" && $0.location.file == RuleFixture.firstThing }, "\(kept)")

        // The linked Thing's file goes: the link leads nowhere.
        files.remove(Self.path(RuleFixture.secondThing))
        (kept, fresh) = Self.both(files, memory)
        #expect(kept == fresh)
        #expect(
            kept.filter { $0.ruleID == "thing-link-resolves" && $0.location.file == RuleFixture.firstThing }.count == 2,
            "\(kept)")

        // The issuer's file is in the outline too (evidence-form-named reads its application form).
        try Self.edit(files, RuleFixture.issuer, "applicationForm:", "# applicationForm:")
        (kept, fresh) = Self.both(files, memory)
        #expect(kept == fresh)
    }

    @Test("a placeholder typed into one Thing is found by the kept check, and goes when it is removed")
    func placeholderComesAndGoes() throws {
        let (files, _) = try RuleFixture.materialise(.unchanged)
        let memory = ValidationMemory()
        _ = Self.check(files, memory: memory)
        try Self.edit(files, RuleFixture.firstThing, "Intro text.", ScaffoldPlaceholder.thingBody)
        var (kept, fresh) = Self.both(files, memory)
        #expect(kept == fresh && kept.contains { $0.ruleID == "placeholder-text" })
        try Self.edit(files, RuleFixture.firstThing, ScaffoldPlaceholder.thingBody, "Intro text.")
        (kept, fresh) = Self.both(files, memory)
        #expect(kept == fresh && kept.isEmpty, "\(kept)")
    }
}
