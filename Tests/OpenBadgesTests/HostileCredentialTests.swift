import CourseLoader
import CourseModel
import FileAccess
import Foundation
import LinkedData
import Testing
import ToolkitSupport

@testable import OpenBadges

/// Open Badges 3.0 credentials changed by someone who holds one but not the issuer's key: the
/// verifier decides only from what the proof signed, so each change is refused or answered
/// correctly, never "valid, issued to you".
@Suite("Hostile credentials")
struct HostileCredentialTests {
    static let base = "https://badges.example.org/sssc"
    static let earner = "ann@example.org"

    /// The pinned contexts from the shared schemas (the tests' copy of the official files).
    static func contexts() throws -> PinnedContexts {
        let folder =
            ProcessInfo.processInfo.environment["COURSE_TOOLKIT_SCHEMAS"].map { $0 + "/openbadges/v3" }
            ?? BadgeClassGoldenTests.packageRoot.appendingPathComponent("../shared/schemas/openbadges/v3").path
        return try PinnedContexts { url in
            JSONLDContextsLayout.standard.file(of: url, in: folder).flatMap { try? DiskFileSystem().readFile($0) }
        }
    }

    /// A published folder in memory holding one Data Integrity credential issued to `earner`.
    struct Issued {
        let folder: BadgeFolder
        let keys: OpenBadges3Keys
        let credentialID: String
        let credential: JSONValue
        let contexts: PinnedContexts
        /// Every file the issue wrote, relative to the folder.
        var files: [String] = []

        func verify(_ document: JSONValue, email: String? = HostileCredentialTests.earner) -> BadgeVerifier.Report {
            verify(document.compactBytes(), email: email)
        }

        func verify(_ bytes: [UInt8], email: String? = HostileCredentialTests.earner) -> BadgeVerifier.Report {
            BadgeVerifier(folder: folder, contexts: contexts).verify(bytes, email: email)
        }
    }

    /// Thing 2's badge issued to `emails` from a copy of the bundled workspace in memory (`badgeLines`
    /// added to its badge file), as `spec` says, with a fixed Ed25519 key.
    static func issue(
        to emails: [String] = [earner], name: String? = nil, spec: OpenBadgesSpec = .v3, badgeLines: String = ""
    ) throws -> Issued {
        let memory = InMemoryFileSystem()
        let disk = DiskFileSystem()
        let root = "/memory/workspace"
        for folder in ["Courses", "Badges"] {
            let source = BadgeClassGoldenTests.packageRoot.appendingPathComponent(folder).path
            for file in disk.filesBelow(source) {
                memory.write(bytes: try disk.readFile(source + "/" + file), to: "\(root)/\(folder)/\(file)")
            }
        }
        let badgeFile = root + "/Badges/badges/thing-02.yaml"
        memory.write(bytes: try memory.readFile(badgeFile) + Array(badgeLines.utf8), to: badgeFile)
        let report = WorkspaceLoader(fileSystem: memory).load(workspaceAt: root)
        let course = try #require(report.workspace.courses.first { $0.id == "sssc-23-things-leadership" })
        let urls = try BadgeURLs(base: base)
        let contexts = try contexts()
        let keys = OpenBadges3Keys(dataIntegrity: try DataIntegrityKey(seed: Array(repeating: 9, count: 32)), contexts: contexts)
        let folder = BadgeFolder(path: "/published/badges", urls: urls, fileSystem: memory)
        let workspace = WorkspaceFiles(root: root, fileSystem: memory)
        let export = try BadgeExport(
            course: course, badges: report.workspace.badges, workspace: workspace, urls: urls, spec: spec,
            openBadges3Keys: keys)
        _ = try export.write(to: folder)
        let issuer = BadgeIssuer(
            course: course, badges: report.workspace.badges, workspace: workspace, urls: urls, key: nil, spec: spec,
            openBadges3: try OpenBadges3Issuer(export: try #require(export.openBadges3), keys: keys, urls: urls))
        let rows = emails.enumerated().map { index, email in
            EarnerRow(row: index + 2, email: email, badgeID: "thing-02", issuedOn: "2026-11-20T00:00:00Z", name: name)
        }
        let outcome = try issuer.issue(rows, into: folder)
        let issued = try #require(outcome.issued.first)
        let file = try #require(issued.files.first { $0.hasPrefix("ob3/") && $0.hasSuffix(".json") })
        let credential = try JSONValue.parse(try #require(folder.read(file)))
        return Issued(
            folder: folder, keys: keys, credentialID: issued.id, credential: credential, contexts: contexts, files: issued.files)
    }

    /// `document` with `change` applied to its members.
    static func changed(_ document: JSONValue, _ change: (inout [String: JSONValue]) -> Void) -> JSONValue {
        guard case .object(var members) = document else { return document }
        change(&members)
        return .object(members)
    }

    @Test("the credential as issued verifies, issued to its earner and to no one else")
    func genuine() throws {
        let issued = try Self.issue()
        let report = issued.verify(issued.credential)
        #expect(report.problems.isEmpty, "\(report.problems)")
        #expect(report.recipientMatches == true)
        let other = issued.verify(issued.credential, email: "mallory@example.org")
        #expect(other.recipientMatches == false && !other.problems.isEmpty)
        // What a wallet shows of the credential itself.
        #expect(issued.credential["awardedDate"] == "2026-11-20T00:00:00Z")
        #expect(issued.credential["description"]?.stringValue?.isEmpty == false)
        #expect(issued.credential["image"]?["id"]?.stringValue?.hasSuffix("thing-02.png") == true)
    }

    @Test("an identifier entry added for someone else (JSON-LD drops its undefined terms, so the proof still holds) is refused")
    func forgedRecipient() throws {
        let issued = try Self.issue()
        let forged = Self.changed(issued.credential) { members in
            guard case .object(var subject)? = members["credentialSubject"] else { return }
            let entries = subject["identifier"]?.arrayValue ?? []
            // No `type: IdentityObject`: its terms are defined only inside that type's scoped context.
            subject["identifier"] = .array(
                entries + [["identityType": "emailAddress", "hashed": false, "identityHash": "mallory@example.org"]])
            members["credentialSubject"] = .object(subject)
        }
        let report = issued.verify(forged, email: "mallory@example.org")
        #expect(report.recipientMatches != true, "the forged recipient was believed")
        #expect(report.problems.contains { $0.contains("not a term the credential's contexts define") }, "\(report.problems)")
    }

    @Test("the recipient, status and issuer are read from the signed statements, not from the JSON's member names")
    func claimsFromSignedData() throws {
        let issued = try Self.issue()
        // The status written under its full IRI is the same signed data: a reader of the raw JSON finds no status.
        let moved = Self.changed(issued.credential) { members in
            members["https://www.w3.org/2018/credentials#credentialStatus"] = members.removeValue(forKey: "credentialStatus")
            members["proof"] = nil
        }
        let original = Self.changed(issued.credential) { $0["proof"] = nil }
        let converter = JSONLDToRDF(loader: issued.contexts)
        let statements = try converter.quads(of: moved)
        #expect(Set(statements) == Set(try converter.quads(of: original)), "the same signed data")
        let claims = try CredentialClaims(signed: RDFGraph(statements))
        #expect(claims.statuses.count == 1 && claims.statuses[0].purpose == "revocation")
        #expect(claims.issuer == Self.base + "/ob3/issuer.json")
        #expect(claims.identifiers.count == 1 && claims.identifiers[0].hashed)
        #expect(claims.achievementID == Self.base + "/ob3/achievements/thing-02.json")
        #expect(throws: LinkedDataError.self) { try converter.quads(of: moved, strict: true) }
    }

    @Test("a revoked credential whose status is moved under its full IRI does not verify")
    func revokedStatusMoved() throws {
        let issued = try Self.issue()
        _ = try BadgeRevoker.revoke(
            issued.credentialID, reason: "issued in error", openBadges3Keys: issued.keys, in: issued.folder)
        let revoked = issued.verify(issued.credential)
        #expect(revoked.problems.contains("the credential was revoked"), "\(revoked.problems)")
        let moved = Self.changed(issued.credential) { members in
            members["https://www.w3.org/2018/credentials#credentialStatus"] = members.removeValue(forKey: "credentialStatus")
        }
        let report = issued.verify(moved)
        #expect(!report.problems.isEmpty, "a revoked credential verified")
    }

    @Test("a credential with a member name written twice is refused before anything else")
    func duplicateKeys() throws {
        let issued = try Self.issue()
        var text = String(decoding: issued.credential.compactBytes(), as: UTF8.self)
        text.insert(contentsOf: #""name":"Something else","#, at: text.index(after: text.startIndex))
        let report = issued.verify(Array(text.utf8))
        #expect(report.problems.count == 1 && report.problems[0].contains("written twice"), "\(report.problems)")
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array(#"{"a":1,"a":2}"#.utf8)) }
        // Canonically equivalent names are one name to Swift's dictionary: refused as written twice too.
        #expect(throws: JSONParseError.self) { try JSONValue.parse(Array("{\"caf\u{E9}\":1,\"cafe\u{301}\":2}".utf8)) }
    }

    @Test("a half-megabyte credential of long arrays is refused by the verification budget, not worked through")
    func oversizedArrays() throws {
        let issued = try Self.issue()
        let padded = Self.changed(issued.credential) { members in
            members["evidence"] = .array((0..<20_000).map { ["narrative": .string("n\($0)")] })
        }
        #expect(padded.compactBytes().count > 400_000)
        let report = issued.verify(padded)
        #expect(report.problems.count == 1 && report.problems[0].contains("more than"), "\(report.problems)")
        #expect(report.recipientMatches == nil)
    }

    @Test("a properly signed credential without a status cannot be verified, never 'valid'")
    func noStatus() throws {
        let issued = try Self.issue()
        let key = try #require(issued.keys.dataIntegrity)
        var unsigned = Self.changed(issued.credential) { members in
            members["proof"] = nil
            members["credentialStatus"] = nil
        }
        let proof = try DataIntegrityProof(loader: issued.contexts).sign(
            unsigned, key: key.privateKey,
            verificationMethod: try #require(
                (issued.credential["proof"]?.arrayValue?.first ?? issued.credential["proof"])?["verificationMethod"]?.stringValue),
            created: "2026-11-20T00:00:00Z")
        unsigned = Self.changed(unsigned) { $0["proof"] = proof }
        let report = issued.verify(unsigned)
        #expect(report.problems.contains { $0.contains("carries no status") }, "\(report.problems)")
    }

    @Test("revoking with a key that is not the published one refuses and changes nothing")
    func revokeWithWrongKey() throws {
        let issued = try Self.issue()
        let layout = issued.folder.urls.layout
        let before = issued.folder.read(layout.ob3StatusList)
        let ledgerBefore = try issued.folder.fileSystem.readFile(issued.folder.ledgerPath)
        let stranger = OpenBadges3Keys(
            dataIntegrity: try DataIntegrityKey(seed: Array(repeating: 3, count: 32)), contexts: issued.contexts)
        do {
            _ = try BadgeRevoker.revoke(issued.credentialID, reason: "mistake", openBadges3Keys: stranger, in: issued.folder)
            Issue.record("a revocation signed with an unpublished key was accepted")
        } catch {
            #expect(error.message.contains("not published in this folder"), "\(error)")
        }
        #expect(issued.folder.read(layout.ob3StatusList) == before)
        #expect(try issued.folder.fileSystem.readFile(issued.folder.ledgerPath) == ledgerBefore)
        #expect(issued.verify(issued.credential).problems.isEmpty)
    }

    @Test("a damaged status list is repaired by revoking again with the published key; other credentials still verify")
    func repairStatusList() throws {
        let issued = try Self.issue(to: [Self.earner, "bob@example.org"])
        _ = try BadgeRevoker.revoke(
            issued.credentialID, reason: "issued in error", openBadges3Keys: issued.keys, in: issued.folder)
        // Signed again by someone else's key (as a revoke with the wrong key used to do), then garbled.
        let layout = issued.folder.urls.layout
        try issued.folder.write(Array("{\"not\": \"a list\"}".utf8), to: layout.ob3StatusList)
        #expect(!issued.verify(issued.credential).problems.contains("the credential was revoked"))
        let outcome = try BadgeRevoker.revoke(
            issued.credentialID, reason: "issued in error", openBadges3Keys: issued.keys, in: issued.folder)
        #expect(outcome.said.contains { $0.contains("signed again with the published keys") }, "\(outcome.said)")
        let revoked = issued.verify(issued.credential)
        #expect(revoked.problems == ["the credential was revoked"], "\(revoked.problems)")
        let bobFile = try #require(
            issued.folder.fileSystem.filesBelow(issued.folder.path).first {
                $0.hasPrefix("ob3/credentials/") && $0.hasSuffix(".json")
                    && !$0.contains(BadgeURLs.assertionUUID(of: issued.credentialID))
            })
        let bob = issued.verify(try #require(issued.folder.read(bobFile)), email: "bob@example.org")
        #expect(bob.problems.isEmpty, "\(bob.problems)")
    }

    @Test("a ledger that is there but cannot be read stops issuing with an I/O error; nothing is written")
    func unreadableLedger() throws {
        let issued = try Self.issue()
        let fileSystem = issued.folder.fileSystem
        fileSystem.removeItem(issued.folder.ledgerPath)
        try fileSystem.createDirectory(issued.folder.ledgerPath)
        let filesBefore = fileSystem.filesBelow(issued.folder.path)
        do {
            _ = try IssuedLedger.load(from: issued.folder)
            Issue.record("an unreadable ledger was read as empty")
        } catch {
            #expect(error.isIOFailure && error.message.contains("cannot read the private ledger"), "\(error)")
        }
        do {
            _ = try BadgeRevoker.revoke(
                email: Self.earner, badgeID: "thing-02", reason: "x", openBadges3Keys: issued.keys, in: issued.folder)
            Issue.record("revoke went on without the ledger")
        } catch {
            #expect(error.isIOFailure)
        }
        #expect(fileSystem.filesBelow(issued.folder.path) == filesBefore)
    }

    @Test("the verifier's fuzz seeds give their answers: a key written twice refused, a clique refused, an array deduplicated")
    func fuzzSeeds() throws {
        let corpus = BadgeClassGoldenTests.packageRoot.appendingPathComponent("Tests/FuzzCorpus/verifier")
        func seed(_ name: String) throws -> [UInt8] {
            Array(try Data(contentsOf: corpus.appendingPathComponent(name)))
        }
        let issued = try Self.issue()
        let duplicate = issued.verify(try seed("duplicate-key.json"))
        #expect(duplicate.problems.count == 1 && duplicate.problems[0].contains("written twice"), "\(duplicate.problems)")
        let converter = JSONLDToRDF(loader: issued.contexts)
        let clique = try converter.quads(of: try JSONValue.parse(try seed("blank-node-clique.json")))
        #expect(throws: LinkedDataError.self) { try RDFCanonicalizer().canonicalNQuads(clique) }
        #expect(try converter.quads(of: try JSONValue.parse(try seed("long-array.json"))).count == 7)
        for name in ["forged-identifier.json", "term-aliases.json", "status-full-iri.json"] {
            #expect(throws: LinkedDataError.self, "\(name)") {
                try converter.quads(of: try JSONValue.parse(try seed(name)), strict: true)
            }
        }
        #expect(try converter.quads(of: try JSONValue.parse(try seed("credential.json")), strict: true).count > 10)
    }

    @Test("a badge class that expires gives its 3.0 credentials validUntil and its 2.0 assertions expires; both refuse after it")
    func expiry() throws {
        let issued = try Self.issue(spec: .both, badgeLines: "expiresAfterDays: 30\n")
        let folder = issued.folder
        let keys = issued.keys
        let credential = issued.credential
        #expect(credential["validUntil"] == "2026-12-20T00:00:00Z")
        let assertionFile = try #require(issued.files.first { $0.hasPrefix("assertions/") && $0.hasSuffix(".json") })
        let assertion = try JSONValue.parse(try #require(folder.read(assertionFile)))
        #expect(assertion["expires"] == "2026-12-20T00:00:00Z")
        var verifier = BadgeVerifier(folder: folder, contexts: keys.contexts)
        verifier.now = DateFormats.date("2026-12-01T00:00:00Z")!
        #expect(verifier.verify(credential.compactBytes()).problems.isEmpty)
        #expect(verifier.verify(assertion.compactBytes()).problems.isEmpty)
        verifier.now = DateFormats.date("2026-12-21T00:00:00Z")!
        #expect(verifier.verify(credential.compactBytes()).problems.contains("the credential expired (validUntil)"))
        #expect(verifier.verify(assertion.compactBytes()).problems.contains { $0.hasPrefix("the assertion expired") })
    }

    @Test("with a name column, the credential names the earner (unhashed, beside the hashed email); without, it does not")
    func earnerName() throws {
        let named = try Self.issue(name: "Ann Example")
        let identifiers = named.credential["credentialSubject"]?["identifier"]?.arrayValue ?? []
        #expect(identifiers.count == 2)
        #expect(
            identifiers.contains {
                $0["identityType"] == "name" && $0["hashed"] == .bool(false) && $0["identityHash"] == "Ann Example"
            })
        let report = named.verify(named.credential)
        #expect(report.problems.isEmpty && report.recipientMatches == true, "\(report.problems)")
        let plain = try Self.issue()
        #expect((plain.credential["credentialSubject"]?["identifier"]?.arrayValue ?? []).count == 1)
    }

    @Test("a key its controller does not list under assertionMethod may not assert for the issuer (the proof's purpose)")
    func proofPurpose() throws {
        let issued = try Self.issue()
        #expect(issued.verify(issued.credential).problems.isEmpty)
        let layout = issued.folder.urls.layout
        guard case .object(var profile) = try JSONValue.parse(try #require(issued.folder.read(layout.ob3Profile))) else {
            Issue.record("the profile is not an object")
            return
        }
        profile["assertionMethod"] = .array([])
        try issued.folder.write(JSONValue.object(profile).prettyBytes(), to: layout.ob3Profile)
        let report = issued.verify(issued.credential)
        #expect(report.problems.contains { $0.contains("not listed under assertionMethod") }, "\(report.problems)")
    }
}
