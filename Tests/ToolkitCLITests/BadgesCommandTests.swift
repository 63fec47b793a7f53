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

    @Test("an issuer's administration: the row summary, list by email, revoke by email keeps the first reason")
    func administration() throws {
        let copy = try WorkspaceCopy()
        let earners = copy.root.appendingPathComponent("earners.csv")
        try
            "email,badge,issuedOn\nAnn@Example.org,thing-02,2026-11-20\n=HYPERLINK(\"x\")@example.org,thing-02,2026-11-21\nbob,thing-02,2026-11-21\n"
            .write(to: earners, atomically: true, encoding: .utf8)
        let issue = CommandRunner.run(
            ["badges", "issue", "--earners", "earners.csv", "--base-url", Self.base, "--keep-going"], in: copy.root)
        #expect(issue.exitCode == 1)
        // A collection with a draft member cannot be awarded, and the issuer is told which Things block it.
        #expect(
            issue.standardError.contains("collection badge `leadership-fundamentals` cannot be awarded yet: Thing 4 is a draft"))
        let summary = try String(
            contentsOf: copy.root.appendingPathComponent("build/sssc-23-things-leadership-badges.issued.csv"), encoding: .utf8)
        let lines = summary.split(separator: "\r\n").map(String.init)
        #expect(lines.first == "row,email,badge,outcome,assertion,files")
        #expect(lines[1].hasPrefix("2,ann@example.org,thing-02,issued,https://badges.example.org/sssc/assertions/"))
        #expect(lines[1].hasSuffix(".svg"))
        // A cell a spreadsheet would run as a formula is neutralised (and quoted, holding a quote).
        #expect(lines[2].hasPrefix("3,\"'=hyperlink(\"\"x\"\")@example.org\",thing-02,issued,"))
        #expect(lines[3] == "4,,,not issued: column 1: `bob` is not an email address,,")

        let list = CommandRunner.run(["badges", "list", "--format", "csv", "--email", "ann@example.org"], in: copy.root)
        #expect(list.exitCode == 0, "\(list.standardError)")
        let listed = list.standardOutput.split(separator: "\r\n").map(String.init)
        #expect(listed.count == 2)
        #expect(listed[1].hasPrefix("ann@example.org,thing-02,2026-11-20T00:00:00Z,https://badges.example.org/sssc/assertions/"))
        #expect(listed[1].hasSuffix(",,no,,"))

        let first = CommandRunner.run(
            ["badges", "revoke", "--email", "ann@example.org", "--badge", "thing-02", "--reason", "Issued in error"],
            in: copy.root)
        #expect(first.exitCode == 0, "\(first.standardError)")
        let second = CommandRunner.run(
            ["badges", "revoke", "--email", "ann@example.org", "--badge", "thing-02", "--reason", "Another reason"], in: copy.root
        )
        #expect(second.exitCode == 0)
        #expect(second.standardOutput.contains("already revoked (“Issued in error”); the reason is kept"))
        let json = CommandRunner.run(["badges", "list", "--format", "json"], in: copy.root)
        let holdings = try #require(
            try JSONSerialization.jsonObject(with: Data(json.standardOutput.utf8)) as? [[String: Any]])
        #expect(holdings.count == 2)
        let ann = try #require(holdings.first { ($0["email"] as? String) == "ann@example.org" })
        #expect(ann["revoked"] as? Bool == true && ann["revocationReason"] as? String == "Issued in error")
        let forced = CommandRunner.run(
            ["badges", "revoke", "--email", "ann@example.org", "--badge", "thing-02", "--reason", "Replaced", "--force"],
            in: copy.root)
        #expect(forced.exitCode == 0)
        let text = CommandRunner.run(["badges", "list"], in: copy.root)
        #expect(text.standardOutput.contains("revoked: Replaced"))
        #expect(text.standardOutput.contains("2 badges held by 2 earners; 1 revoked"))

        let unknown = CommandRunner.run(
            ["badges", "revoke", "--email", "zed@example.org", "--badge", "thing-02", "--reason", "x"], in: copy.root)
        #expect(unknown.exitCode == 1 && unknown.standardError.contains("no badge was issued to zed@example.org"))
        let both = CommandRunner.run(["badges", "revoke", "abc", "--email", "a@b.org", "--reason", "x"], in: copy.root)
        #expect(both.exitCode == 2)
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
        // The same findings for a tool, as `validate --format json` prints them.
        let json = CommandRunner.run(
            ["badges", "issue", "--earners", "earners.csv", "--base-url", Self.base, "--format", "json"], in: copy.root)
        #expect(json.exitCode == 1)
        let array = try #require(json.standardError.components(separatedBy: "\nerror:").first)
        let findings = try #require(try JSONSerialization.jsonObject(with: Data(array.utf8)) as? [[String: Any]])
        #expect(findings.count == 2 && findings.allSatisfy { $0["rule"] as? String == "earners-csv" })
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
