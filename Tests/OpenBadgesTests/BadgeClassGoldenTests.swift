import CourseLoader
import FileAccess
import Foundation
import TestSupport
import Testing
import ToolkitSupport

@testable import OpenBadges

/// The Thing 2 and Leadership Fundamentals BadgeClasses and the issuer, compared structurally with golden files.
@Suite("Badge class golden files")
struct BadgeClassGoldenTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func export() throws -> BadgeExport {
        let report = WorkspaceLoader().load(workspaceAt: packageRoot.path)
        let course = try #require(report.workspace.courses.first { $0.id == "sssc-23-things-leadership" })
        return try BadgeExport(
            course: course, badges: report.workspace.badges,
            workspace: WorkspaceFiles(root: packageRoot.path, fileSystem: DiskFileSystem()),
            urls: try BadgeURLs(base: "https://badges.example.org/sssc"), pageBaseURL: "https://learn.example.org/sssc")
    }

    @Test("golden documents", arguments: ["badges/thing-02.json", "badges/leadership-fundamentals.json", "issuer.json"])
    func golden(_ path: String) throws {
        let file = try #require(try Self.export().files.first { $0.path == path })
        let name = path.replacingOccurrences(of: "/", with: "-")
        guard let golden = Snapshot.golden(name, recording: String(decoding: file.bytes, as: UTF8.self)) else { return }
        let expected = try JSONValue.parse(Array(golden.utf8))
        #expect(try JSONValue.parse(file.bytes) == expected, "differs from Snapshots/\(name)")
    }

    @Test("every published Thing and every collection gets a badge class; drafts do not")
    func coverage() throws {
        let export = try Self.export()
        #expect(
            export.badgeIDs == [
                "thing-02", "leadership-fundamentals", "six-leadership-capabilities", "self-leadership", "supporting-leadership",
                "evaluation-of-impact",
            ])
        #expect(export.files.contains { $0.path == "badges/thing-02.png" })
        #expect(!export.files.contains { $0.path.hasPrefix("badges/thing-04") })
        #expect(!export.files.contains { $0.path.hasPrefix("keys/") })
        #expect(export.notes.count == 1)
    }
}
