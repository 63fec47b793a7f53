import CourseBuild
import CourseLoader
import CourseModel
import FileAccess
import Foundation
import OpenBadges
import Synchronization
import Testing
import ToolkitSupport

/// The badges jobs as steps over the checked workspace: numbered through the whole job, earners'
/// problems as findings, a failure named by its step.
@Suite("Badge jobs")
struct BadgeJobTests {
    static let root = CheckedWorkspaceTests.root
    static let base = "https://badges.example.org/sssc"

    static func publishing(_ memory: InMemoryFileSystem) throws -> BadgePublishing {
        let checked = CheckedWorkspace.check(WorkspaceSelection(root: root, courseFolders: nil), fileSystem: memory)
        #expect(checked.isBuildable, "\(checked.errors)")
        return try BadgePublishing(
            checked, options: BadgePublishOptions(baseURL: base, output: joinPath(Self.root, "build/badges")), variables: [:],
            fileSystem: memory)
    }

    @Test("badges issue runs as numbered steps, [1/11] to [11/11], and writes what it says")
    func issueSteps() throws {
        let memory = try CheckedWorkspaceTests.workspace(from: CheckedWorkspaceTests.bundled)
        memory.write(bytes: Array("email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\n".utf8), to: "/memory/earners.csv")
        let heard = Mutex<[StepProgress]>([])
        let onStep: @Sendable (StepProgress) -> Void = { step in heard.withLock { $0.append(step) } }
        heard.withLock { $0.append(StepProgress(number: 1, total: BadgeIssueJob.stepCount, name: PackageJob.checkStepName)) }
        let job = try BadgeIssueJob(try Self.publishing(memory), onStep: onStep)
        let earners = try job.readEarners(at: "/memory/earners.csv", shownAs: "earners.csv", onStep: onStep)
        #expect(earners.problems.isEmpty && earners.rows.count == 1)
        let outcome = try job.issue(earners.rows, refused: [], onStep: onStep)
        #expect(outcome.issued.count == 1)
        let steps = heard.withLock { $0 }
        #expect(steps.map(\.number) == Array(1...BadgeIssueJob.stepCount))
        #expect(steps.allSatisfy { $0.total == BadgeIssueJob.stepCount })
        #expect(steps.map(\.description).contains("[8/11] Bake badge images"))
        #expect(steps.last?.name == "Write row-by-row summary")
        for file in outcome.issued[0].files {
            #expect(memory.isFile(joinPath(Self.root, "build/badges", file)), "\(file)")
        }
    }

    @Test("an earners file's problems are findings of rule earners-csv at file:row:column")
    func earnersFindings() throws {
        let memory = try CheckedWorkspaceTests.workspace(from: CheckedWorkspaceTests.bundled)
        memory.write(bytes: Array("email,badge,issuedOn\nbob,thing-2,2026-11-20\n".utf8), to: "/memory/earners.csv")
        let job = try BadgeIssueJob(try Self.publishing(memory))
        let earners = try job.readEarners(at: "/memory/earners.csv", shownAs: "earners.csv")
        #expect(earners.rows.isEmpty)
        #expect(earners.findings.map(\.location.description) == ["earners.csv:2:1", "earners.csv:2:2"])
        #expect(earners.findings.allSatisfy { $0.ruleID == EarnerCSV.ruleID && $0.severity == .error })
        #expect(earners.findings[1].message.contains("did you mean `thing-02`?"))
    }

    @Test("a step that fails names itself, and nothing is issued: art that cannot be baked stops Bake badge images")
    func failureNamesStep() throws {
        let memory = try CheckedWorkspaceTests.workspace(from: CheckedWorkspaceTests.bundled)
        memory.write(bytes: Array("email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\n".utf8), to: "/memory/earners.csv")
        let publishing = try Self.publishing(memory)
        let job = try BadgeIssueJob(publishing)
        let earners = try job.readEarners(at: "/memory/earners.csv", shownAs: "earners.csv")
        // The art is spoilt after the check, as a file changed while the job ran would be.
        let image = try #require(publishing.checked.workspace.badges.badge(id: "thing-02")?.image)
        memory.write(bytes: Array("not a picture".utf8), to: joinPath(Self.root, "Badges", image))
        do {
            _ = try job.issue(earners.rows, refused: [])
            Issue.record("the spoilt art was baked")
        } catch {
            #expect(error.step == "Bake badge images", "\(error)")
            #expect(error.description.hasPrefix("Bake badge images: "))
        }
        #expect(memory.files.keys.filter { $0.contains("/assertions/") }.isEmpty)
        #expect(!memory.isFile(joinPath(Self.root, "build/badges.ledger.json")))
    }

    @Test(
        "a revoked member badge does not complete a collection; revoking a member revokes the collection awarded on it, unless kept"
    )
    func revokedMemberDoesNotCount() throws {
        let memory = try CheckedWorkspaceTests.workspace(from: CheckedWorkspaceTests.bundled)
        // Thing 4 authored and published, so that Things 2 and 4 complete `leadership-fundamentals`.
        memory.write(
            bytes: Array(
                """
                ---
                id: thing-04
                number: 4
                title: "What do others say about my leadership?"
                status: published
                badge: thing-04
                countsTowards: [leadership-fundamentals]
                aim: Ask colleagues how they see your leadership.
                activities:
                  - id: reflect
                    type: reflection
                    title: "Reflect: what did you hear?"
                    prompt: Write about what colleagues told you.
                    minWords: 200
                ---

                Ask three colleagues.
                """.utf8), to: joinPath(Self.root, "Courses/sssc-23-things-leadership/things/thing-04.md"))
        func issue(_ csv: String) throws -> BadgeIssuer.Outcome {
            memory.write(bytes: Array(("email,badge,issuedOn\n" + csv).utf8), to: "/memory/earners.csv")
            let job = try BadgeIssueJob(try Self.publishing(memory))
            let earners = try job.readEarners(at: "/memory/earners.csv", shownAs: "earners.csv")
            #expect(earners.problems.isEmpty, "\(earners.problems)")
            return try job.issue(earners.rows, refused: [])
        }
        let first = try issue("ann@example.org,thing-02,2026-11-20\n")
        #expect(first.issued.count == 1)
        let folder = try BadgeFolder.open(joinPath(Self.root, "build/badges"), fileSystem: memory)
        _ = try BadgeRevoker.revoke(first.issued[0].id, reason: "issued in error", in: folder)
        let second = try issue("ann@example.org,thing-04,2026-11-21\n")
        #expect(second.issued.map(\.badgeID) == ["thing-04"], "no collection for a revoked member: \(second.issued)")
        // Another earner holding both (neither revoked) receives the collection.
        let third = try issue("bob@example.org,thing-02,2026-11-22\nbob@example.org,thing-04,2026-11-22\n")
        #expect(third.issued.map(\.badgeID).sorted() == ["leadership-fundamentals", "thing-02", "thing-04"])
        // Revoking a member revokes the collection awarded on it, the reason naming the member.
        let outcome = try BadgeRevoker.revoke(
            email: "bob@example.org", badgeID: "thing-04", reason: "plagiarised", in: folder)
        #expect(outcome.said.contains { $0.hasPrefix("collection `leadership-fundamentals`") }, "\(outcome.said)")
        let bob = try BadgeHoldings.list(in: folder, email: "bob@example.org", badge: nil)
        let collection = try #require(bob.first { $0.badge == "leadership-fundamentals" })
        #expect(collection.revoked && collection.revocationReason == "awarded on `thing-04`, which was revoked: plagiarised")
        #expect(bob.first { $0.badge == "thing-02" }?.revoked == false)
        // With --keep-collections, the collection stays.
        _ = try issue("cy@example.org,thing-02,2026-11-23\ncy@example.org,thing-04,2026-11-23\n")
        _ = try BadgeRevoker.revoke(
            email: "cy@example.org", badgeID: "thing-04", reason: "typo in the address", keepCollections: true, in: folder)
        let cy = try BadgeHoldings.list(in: folder, email: "cy@example.org", badge: nil)
        #expect(cy.first { $0.badge == "leadership-fundamentals" }?.revoked == false)
        #expect(cy.first { $0.badge == "thing-04" }?.revoked == true)
    }

    @Test(
        "an issuer on a domain reserved for examples, or still as the scaffold wrote it, is refused before anything is exported",
        arguments: [
            ("url: https://www.sssc.uk.com", "url: https://sssc.example"),
            ("email: enquiries@sssc.uk.com", "email: badges@example.org"),
            ("email: enquiries@sssc.uk.com", "email: badges@sssc.test"),
            ("name: Scottish Social Services Council", "name: The organisation's name"),
        ])
    func exampleIssuerRefused(old: String, new: String) throws {
        let memory = try CheckedWorkspaceTests.workspace(from: CheckedWorkspaceTests.bundled)
        let path = joinPath(Self.root, "Badges/issuer.yaml")
        let text = String(decoding: try memory.readFile(path), as: UTF8.self)
        #expect(text.contains(old))
        memory.write(bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), to: path)
        let checked = CheckedWorkspace.check(WorkspaceSelection(root: Self.root, courseFolders: nil), fileSystem: memory)
        do {
            _ = try BadgePublishing(
                checked, options: BadgePublishOptions(baseURL: Self.base, output: joinPath(Self.root, "build/badges")),
                variables: [:], fileSystem: memory)
            Issue.record("the example issuer was accepted")
        } catch {
            #expect(error.description.contains("Badges/issuer.yaml:") && error.description.contains("for good"), "\(error)")
        }
        #expect(!memory.files.keys.contains { $0.contains("/build/") })
    }
}
