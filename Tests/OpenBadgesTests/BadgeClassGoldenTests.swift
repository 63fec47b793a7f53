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

/// The Open Badges 3.0 documents beside 2.0: profile, achievement and Multikey, compared with golden
/// files (a fixed Ed25519 key, so the key's document is stable).
@Suite("Open Badges 3.0 golden files")
struct OpenBadges3GoldenTests {
    static func export() throws -> BadgeExport {
        let report = WorkspaceLoader().load(workspaceAt: BadgeClassGoldenTests.packageRoot.path)
        let course = try #require(report.workspace.courses.first { $0.id == "sssc-23-things-leadership" })
        let key = try DataIntegrityKey(seed: Array(repeating: 7, count: 32))
        return try BadgeExport(
            course: course, badges: report.workspace.badges,
            workspace: WorkspaceFiles(root: BadgeClassGoldenTests.packageRoot.path, fileSystem: DiskFileSystem()),
            urls: try BadgeURLs(base: "https://badges.example.org/sssc"), pageBaseURL: "https://learn.example.org/sssc",
            spec: .both, openBadges3Keys: OpenBadges3Keys(dataIntegrity: key))
    }

    @Test(
        "golden 3.0 documents",
        arguments: ["ob3/issuer.json", "ob3/achievements/thing-02.json", "ob3/achievements/leadership-fundamentals.json"])
    func golden(_ path: String) throws {
        let files = try #require(try Self.export().openBadges3?.files)
        let file = try #require(files.first { $0.path == path })
        let name = path.replacingOccurrences(of: "/", with: "-")
        guard let golden = Snapshot.golden(name, recording: String(decoding: file.bytes, as: UTF8.self)) else { return }
        #expect(try JSONValue.parse(file.bytes) == (try JSONValue.parse(Array(golden.utf8))), "differs from Snapshots/\(name)")
    }

    @Test("the Multikey document names the issuer as controller and the key as z6Mk…; 2.0 files are the same as without 3.0")
    func keyAndUnchanged20() throws {
        let export = try Self.export()
        let files = try #require(export.openBadges3?.files)
        let key = try #require(files.first { $0.path.hasSuffix(".multikey.json") })
        let document = try JSONValue.parse(key.bytes)
        #expect(document["controller"] == "https://badges.example.org/sssc/ob3/issuer.json")
        #expect(document["publicKeyMultibase"]?.stringValue?.hasPrefix("z6Mk") == true)
        #expect(document["id"]?.stringValue == "https://badges.example.org/sssc/\(key.path)")
        #expect(export.openBadges3?.verificationMethod == document["id"]?.stringValue)
        // The controller lists the key under assertionMethod, where verifiers of a proof's purpose look.
        let profile = try JSONValue.parse(try #require(files.first { $0.path == "ob3/issuer.json" }).bytes)
        #expect(profile["assertionMethod"] == .array([try #require(document["id"])]))
        #expect(export.openBadges3?.issuer["assertionMethod"] == nil, "never embedded in a credential")
        #expect(try BadgeClassGoldenTests.export().files == export.files)
        #expect(export.openBadges3?.achievements.keys.sorted() == export.badgeIDs.sorted())
    }
}
