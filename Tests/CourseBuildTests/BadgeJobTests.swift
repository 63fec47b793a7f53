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
}
