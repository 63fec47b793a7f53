import CourseLoader
import CourseModel
import FileAccess
import Foundation
import LinkedData
import Testing
import ToolkitSupport
import _CryptoExtras

@testable import OpenBadges

/// An issuer identified by `did:web`: the DID document published at the base URL lists every key
/// under `assertionMethod`, credentials and proofs name the DID, and verification resolves it from
/// the folder, offline.
@Suite("Issuer as did:web")
struct DIDWebTests {
    static let base = "https://badges.example.org/sssc"
    static let did = "did:web:badges.example.org:sssc"

    @Test("a DID resolves to did.json at the base URL, or is refused naming the right one")
    func resolution() throws {
        #expect(BadgeURLs.documentURL(ofDIDWeb: Self.did) == Self.base + "/did.json")
        #expect(BadgeURLs.documentURL(ofDIDWeb: "did:web:example.org") == "https://example.org/.well-known/did.json")
        #expect(BadgeURLs.documentURL(ofDIDWeb: "did:web:example.org%3A8443:a") == "https://example.org:8443/a/did.json")
        #expect(BadgeURLs.didWeb(forBase: Self.base) == Self.did)
        let urls = try BadgeURLs(base: Self.base)
        #expect(try urls.identifyingIssuer(as: Self.did).ob3IssuerID == Self.did)
        do {
            _ = try urls.identifyingIssuer(as: "did:web:elsewhere.example")
            Issue.record("a DID resolving elsewhere was accepted")
        } catch {
            #expect(error.description.contains(Self.did), "\(error)")
        }
    }

    @Test(
        "issued with a DID: did.json lists both keys under assertionMethod, credentials verify, revocation is seen, old keys stay"
    )
    func issueAndVerify() throws {
        let root = BadgeClassGoldenTests.packageRoot.path
        let report = WorkspaceLoader().load(workspaceAt: root)
        let course = try #require(report.workspace.courses.first { $0.id == "sssc-23-things-leadership" })
        let urls = try BadgeURLs(base: Self.base).identifyingIssuer(as: Self.did)
        let contexts = try HostileCredentialTests.contexts()
        let rsa = SigningKey(privateKey: try _RSA.Signing.PrivateKey(keySize: .bits2048))
        let keys = OpenBadges3Keys(
            jwt: rsa, dataIntegrity: try DataIntegrityKey(seed: Array(repeating: 5, count: 32)), contexts: contexts)
        let memory = InMemoryFileSystem()
        let workspace = WorkspaceFiles(root: root, fileSystem: DiskFileSystem())
        func export(_ keys: OpenBadges3Keys) throws -> BadgeExport {
            let export = try BadgeExport(
                course: course, badges: report.workspace.badges, workspace: workspace, urls: urls, spec: .v3,
                openBadges3Keys: keys)
            _ = try export.write(to: BadgeFolder(path: "/published", urls: urls, fileSystem: memory))
            return export
        }
        let exported = try export(keys)
        let folder = try BadgeFolder.open("/published", fileSystem: memory)
        #expect(folder.urls.issuerDID == Self.did, "the folder knows its DID from did.json")
        let document = try JSONValue.parse(try #require(folder.read("did.json")))
        #expect(document["id"] == .string(Self.did))
        let ids = (document["assertionMethod"]?.arrayValue ?? []).compactMap(\.stringValue)
        #expect(ids.count == 2 && ids.allSatisfy { $0.hasPrefix(Self.did + "#") })
        let issuer = BadgeIssuer(
            course: course, badges: report.workspace.badges, workspace: workspace, urls: urls, key: nil, spec: .v3,
            openBadges3: try OpenBadges3Issuer(export: try #require(exported.openBadges3), keys: keys, urls: urls))
        let outcome = try issuer.issue(
            [EarnerRow(row: 2, email: "ann@example.org", badgeID: "thing-02", issuedOn: "2026-11-20T00:00:00Z")],
            into: folder)
        let files = try #require(outcome.issued.first?.files)
        let jsonFile = try #require(files.first { $0.hasSuffix(".json") })
        let json = try #require(folder.read(jsonFile))
        let credential = try JSONValue.parse(json)
        #expect(credential["issuer"]?["id"] == .string(Self.did))
        #expect(credential["proof"]?.arrayValue?.first?["verificationMethod"]?.stringValue?.hasPrefix(Self.did + "#") == true)
        let verifier = BadgeVerifier(folder: folder, contexts: contexts)
        #expect(verifier.verify(json, email: "ann@example.org").problems.isEmpty)
        let jwtFile = try #require(files.first { $0.hasSuffix(".jwt") })
        let jwt = try #require(folder.read(jwtFile))
        #expect(BadgeVerifier(folder: folder).verify(jwt).problems.isEmpty, "a VC-JWT with a DID kid needs no contexts")
        _ = try BadgeRevoker.revoke(outcome.issued[0].id, reason: "issued in error", openBadges3Keys: keys, in: folder)
        #expect(verifier.verify(json).problems == ["the credential was revoked"])
        // A new Ed25519 key: the DID document keeps the old one, so what it signed still verifies.
        var rotated = keys
        rotated.dataIntegrity = try DataIntegrityKey(seed: Array(repeating: 6, count: 32))
        _ = try export(rotated)
        let after = try JSONValue.parse(try #require(folder.read("did.json")))
        #expect((after["verificationMethod"]?.arrayValue ?? []).count == 3)
        #expect(verifier.verify(json).problems == ["the credential was revoked"], "still the old key's proof, still revoked")
    }
}
