import CourseLoader
import Foundation
import Testing

@testable import OpenBadges

/// The Thing 2 and Leadership Fundamentals BadgeClasses and the issuer, compared structurally with golden files.
@Suite("Badge class golden files")
struct BadgeClassGoldenTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let snapshots = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")

    static func export() throws -> BadgeExport {
        let report = WorkspaceLoader().load(workspaceAt: packageRoot.path)
        let course = try #require(report.workspace.courses.first { $0.id == "sssc-23-things-leadership" })
        return try BadgeExport(
            course: course, badges: report.workspace.badges, workspaceRoot: packageRoot.path,
            urls: try BadgeURLs(base: "https://badges.example.org/sssc"), pageBaseURL: "https://learn.example.org/sssc")
    }

    @Test("golden documents", arguments: ["badges/thing-02.json", "badges/leadership-fundamentals.json", "issuer.json"])
    func golden(_ path: String) throws {
        let file = try #require(try Self.export().files.first { $0.path == path })
        let name = path.replacingOccurrences(of: "/", with: "-")
        let url = Self.snapshots.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" {
            try FileManager.default.createDirectory(at: Self.snapshots, withIntermediateDirectories: true)
            try Data(file.bytes).write(to: url)
            Issue.record("recorded \(name); run again without RECORD_SNAPSHOTS")
            return
        }
        let expected = try JSONValue.parse(Array(try Data(contentsOf: url)))
        #expect(try JSONValue.parse(file.bytes) == expected, "differs from Snapshots/\(name)")
    }

    @Test("every published Thing and every collection gets a badge class; drafts do not")
    func coverage() throws {
        let export = try Self.export()
        #expect(export.badgeIDs == [
            "thing-02", "leadership-fundamentals", "six-leadership-capabilities", "self-leadership", "supporting-leadership",
            "evaluation-of-impact",
        ])
        #expect(export.files.contains { $0.path == "badges/thing-02.png" })
        #expect(!export.files.contains { $0.path.hasPrefix("badges/thing-04") })
        #expect(!export.files.contains { $0.path.hasPrefix("keys/") })
        #expect(export.notes.count == 1)
    }
}
