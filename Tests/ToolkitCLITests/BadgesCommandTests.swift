import Foundation
import Testing

@Suite("toolkit badges")
struct BadgesCommandTests {
    static let base = "https://badges.example.org/sssc"

    @Test("export, issue, verify and revoke a hosted badge end to end")
    func endToEnd() throws {
        let copy = try WorkspaceCopy()
        let export = CommandRunner.run(["badges", "export", "--base-url", Self.base], in: copy.root)
        #expect(export.exitCode == 0, "\(export.standardError)")
        #expect(
            export.standardOutput.contains("wrote build/sssc-23-things-leadership-badges (issuer and 6 badge classes, hosted)"))
        let earners = copy.root.appendingPathComponent("earners.csv")
        try "email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\n".write(to: earners, atomically: true, encoding: .utf8)
        let issue = CommandRunner.run(["badges", "issue", "--earners", "earners.csv", "--base-url", Self.base], in: copy.root)
        #expect(issue.exitCode == 0, "\(issue.standardError)")
        let folder = copy.root.appendingPathComponent("build/sssc-23-things-leadership-badges/assertions")
        let png = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".png") })
        let path = "build/sssc-23-things-leadership-badges/assertions/\(png)"
        #expect(CommandRunner.run(["badges", "verify", path, "--email", "ann@example.org"], in: copy.root).exitCode == 0)
        let wrong = CommandRunner.run(["badges", "verify", path, "--email", "bob@example.org"], in: copy.root)
        #expect(wrong.exitCode == 1 && wrong.standardError.contains("not issued to bob@example.org"))
        let id = String(png.dropLast(4))
        #expect(CommandRunner.run(["badges", "revoke", id, "--reason", "Duplicate"], in: copy.root).exitCode == 0)
        let revoked = CommandRunner.run(["badges", "verify", path], in: copy.root)
        #expect(revoked.exitCode == 1 && revoked.standardError.contains("revoked: Duplicate"))
        // The ledger sits beside the published folder, never inside it.
        #expect(
            FileManager.default.fileExists(
                atPath: copy.root.appendingPathComponent("build/sssc-23-things-leadership-badges.ledger.json").path))
    }

    @Test("bad rows issue nothing and exit 1; --keep-going issues the good rows and still exits 1")
    func badRows() throws {
        let copy = try WorkspaceCopy()
        let earners = copy.root.appendingPathComponent("earners.csv")
        try "email,badge,issuedOn\nann@example.org,thing-02,2026-11-20\nbob,thing-02,yesterday\n"
            .write(to: earners, atomically: true, encoding: .utf8)
        let refused = CommandRunner.run(["badges", "issue", "--earners", "earners.csv", "--base-url", Self.base], in: copy.root)
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains("earners.csv:3:1: error: `bob` is not an email address [earners-csv]"))
        #expect(refused.standardError.contains("earners.csv:3:3: error:"))
        let assertions = copy.root.appendingPathComponent("build/sssc-23-things-leadership-badges/assertions")
        #expect(!FileManager.default.fileExists(atPath: assertions.path))
        let kept = CommandRunner.run(
            ["badges", "issue", "--earners", "earners.csv", "--base-url", Self.base, "--keep-going"], in: copy.root)
        #expect(kept.exitCode == 1)
        #expect(kept.standardOutput.contains("issued 1 assertion and"))
    }

    @Test("usage and I/O problems exit 2: an http base URL, a missing earners file, a key others can read")
    func usage() throws {
        let copy = try WorkspaceCopy()
        #expect(CommandRunner.run(["badges", "export", "--base-url", "http://badges.example.org"], in: copy.root).exitCode == 2)
        #expect(
            CommandRunner.run(["badges", "issue", "--earners", "nope.csv", "--base-url", Self.base], in: copy.root).exitCode == 2)
        let key = copy.root.appendingPathComponent("key.pem")
        try "-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n".write(to: key, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: key.path)
        let loose = CommandRunner.run(["badges", "export", "--base-url", Self.base, "--sign-key", "key.pem"], in: copy.root)
        #expect(loose.exitCode == 2 && loose.standardError.contains("chmod 600"))
        #expect(CommandRunner.run(["badges", "verify", "nothing.png"], in: copy.root).exitCode == 2)
    }
}
