import Crypto
import Foundation
import LinkedData
import Testing
import ToolkitSupport

/// The shared Open Badges 3.0 material: `../shared/schemas/openbadges/v3` (or under
/// `COURSE_TOOLKIT_SCHEMAS`); nil, with a printed reason, when absent.
enum SharedOB3 {
    static let folder: String? = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let schemas =
            ProcessInfo.processInfo.environment["COURSE_TOOLKIT_SCHEMAS"]
            ?? root.deletingLastPathComponent().appendingPathComponent("shared/schemas").path
        let folder = schemas + "/openbadges/v3"
        return FileManager.default.fileExists(atPath: folder) ? folder : nil
    }()

    /// The pinned contexts, read from the shared folder by their published file names.
    static func contexts() throws -> PinnedContexts {
        let files = [
            PinnedContexts.credentialsV2: "credentials-v2.json", PinnedContexts.openBadgesV3: "context-3.0.3.json",
            PinnedContexts.dataIntegrityV2: "data-integrity-v2.json", PinnedContexts.multikeyV1: "multikey-v1.json",
        ]
        return try PinnedContexts { url in
            files[url].flatMap { FileManager.default.contents(atPath: folder! + "/" + $0) }.map(Array.init)
        }
    }
}

/// The official eddsa-rdfc-2022 test vector of Open Badges 3.0, read from its HTML page.
struct TestVector {
    var publicKeyHex: String
    var privateKeyHex: String
    var publicKeyMultibase: String
    var credential: JSONValue
    var proof: JSONValue
    var documentHash: String
    var proofHash: String
    var signatureHex: String
    var proofValue: String

    init(html: String) throws {
        func code(after heading: String) throws -> String {
            let start = try #require(html.range(of: heading)?.upperBound)
            let open = try #require(
                html.range(of: ">", range: html.range(of: "<code", range: start..<html.endIndex)!.upperBound..<html.endIndex))
            let close = try #require(html.range(of: "</code", range: open.upperBound..<html.endIndex))
            return html[open.upperBound..<close.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        }
        func json(titled title: String) throws -> JSONValue {
            let start = try #require(html.range(of: "title=\"\(title)\">"))
            let close = try #require(html.range(of: "</pre", range: start.upperBound..<html.endIndex))
            return try JSONValue.parse(Array(html[start.upperBound..<close.lowerBound].utf8))
        }
        publicKeyHex = try code(after: "Public key (hex):")
        privateKeyHex = try code(after: "Private key (hex):")
        let multibase = try #require(html.range(of: "publicKeyMultibase: '"))
        publicKeyMultibase = String(html[multibase.upperBound...].prefix { $0 != "'" })
        credential = try json(titled: "Credential")
        proof = try json(titled: "Proof")
        documentHash = try code(after: "Document hash (hex)")
        proofHash = try code(after: "Proof hash (hex)")
        signatureHex = try code(after: "Signature (hex)")
        proofValue = try code(after: "Proof value (hex)")
    }
}

func bytes(hex: String) -> [UInt8] {
    var result: [UInt8] = []
    var index = hex.startIndex
    while index < hex.endIndex {
        let next = hex.index(index, offsetBy: 2)
        result.append(UInt8(hex[index..<next], radix: 16)!)
        index = next
    }
    return result
}

func hex(_ bytes: some Sequence<UInt8>) -> String { bytes.map { String(format: "%02x", $0) }.joined() }

@Suite("JSON-LD, RDFC-1.0 and eddsa-rdfc-2022")
struct LinkedDataTests {
    @Test(
        "the Open Badges 3.0 eddsa-rdfc-2022 test vector is reproduced byte for byte",
        .enabled(if: SharedOB3.folder != nil, "the shared Open Badges 3.0 contexts and test vector are absent"))
    func testVector() throws {
        let folder = try #require(SharedOB3.folder)
        let vector = try TestVector(html: String(contentsOfFile: folder + "/linked-data-proof-ob.html", encoding: .utf8))
        let proofs = DataIntegrityProof(loader: try SharedOB3.contexts())
        let key = try Curve25519.Signing.PrivateKey(rawRepresentation: bytes(hex: vector.privateKeyHex).prefix(32))
        #expect(hex(key.publicKey.rawRepresentation) == vector.publicKeyHex)
        #expect(Multibase.ed25519PublicKey(Array(key.publicKey.rawRepresentation)) == vector.publicKeyMultibase)

        var options = vector.proof
        if case .object(var members) = options {
            members["proofValue"] = nil
            options = .object(members)
        }
        let data = try proofs.hashData(vector.credential, options: options)
        #expect(hex(data.prefix(32)) == vector.proofHash)
        #expect(hex(data.suffix(32)) == vector.documentHash)

        let proof = try proofs.sign(
            vector.credential, key: key, verificationMethod: try #require(vector.proof["verificationMethod"]?.stringValue),
            created: try #require(vector.proof["created"]?.stringValue))
        let value = try #require(proof["proofValue"]?.stringValue)
        #expect(hex(try #require(Multibase.decodeBase58btc(value))) == vector.signatureHex)
        #expect(value == vector.proofValue)
        #expect(proof == vector.proof)

        guard case .object(var signed) = vector.credential else { return }
        signed["proof"] = .array([proof])
        try proofs.verify(.object(signed), publicKey: key.publicKey)
        // Tampering with what the proof covers is caught; so is another key.
        var tampered = signed
        tampered["name"] = "Teamwork Badge (forged)"
        #expect(throws: LinkedDataError.self) { try proofs.verify(.object(tampered), publicKey: key.publicKey) }
        #expect(throws: LinkedDataError.self) {
            try proofs.verify(.object(signed), publicKey: Curve25519.Signing.PrivateKey().publicKey)
        }
    }

    @Test(
        "blank nodes that look alike are told apart as pyld does (N-degree hashing), and text escaped alike",
        .enabled(if: SharedOB3.folder != nil, "the shared Open Badges 3.0 contexts are absent"))
    func blankNodeTwins() throws {
        let fixtures = try #require(Bundle.module.url(forResource: "Fixtures", withExtension: nil))
        let document = try JSONValue.parse(
            Array(try Data(contentsOf: fixtures.appendingPathComponent("blank-node-twins.jsonld"))))
        // Expected output written by pyld 3.3.0 (URDNA2015), an independent implementation.
        let expected = try String(contentsOf: fixtures.appendingPathComponent("blank-node-twins.pyld.nq"), encoding: .utf8)
        let quads = try JSONLDToRDF(loader: try SharedOB3.contexts()).quads(of: document)
        #expect(try RDFCanonicalizer().canonicalNQuads(quads) == expected)
        // Key order does not matter: the same statements in another order give the same bytes.
        let reversed = Array(quads.reversed())
        #expect(try RDFCanonicalizer().canonicalNQuads(reversed) == expected)
        // A loader remembers processed contexts: with one shared by other documents, and warm, the
        // result is the same as with a fresh one.
        let shared = try SharedOB3.contexts()
        let other: JSONValue = [
            "@context": [.string(PinnedContexts.credentialsV2), .string(PinnedContexts.openBadgesV3)],
            "type": ["VerifiableCredential", "OpenBadgeCredential"], "id": "urn:uuid:2",
            "credentialSubject": ["type": ["AchievementSubject"], "achievement": ["type": ["Achievement"], "name": "x"]],
        ]
        for document in [document, other, document] {
            let fresh = try RDFCanonicalizer().canonicalNQuads(
                try JSONLDToRDF(loader: try SharedOB3.contexts()).quads(of: document))
            let warm = try RDFCanonicalizer().canonicalNQuads(try JSONLDToRDF(loader: shared).quads(of: document))
            #expect(warm == fresh)
        }
    }

    @Test("a dataset of blank nodes no hash can tell apart fails within its work bound instead of running for ever")
    func poisonedDataset() throws {
        // Ten blank nodes each pointing at every other by the same predicate: every permutation looks alike.
        let count = 10
        let quads = (0..<count).flatMap { from in
            (0..<count).filter { $0 != from }.map { to in
                RDFQuad(
                    subject: .blank("n\(from)"), predicate: .iri("https://example.org/knows"), object: .blank("n\(to)"),
                    graph: nil)
            }
        }
        #expect(throws: LinkedDataError.self) { try RDFCanonicalizer().canonicalNQuads(quads) }
        // Thirty alike would overflow the count of their orderings (30!): refused, never a crash.
        let clique = (0..<30).flatMap { from in
            (0..<30).filter { $0 != from }.map { to in
                RDFQuad(
                    subject: .blank("k\(from)"), predicate: .iri("https://example.org/knows"), object: .blank("k\(to)"),
                    graph: nil)
            }
        }
        #expect(throws: LinkedDataError.self) { try RDFCanonicalizer().canonicalNQuads(clique) }
        // A small ring is fine, and its canonical form does not depend on the input labels.
        let small = (0..<3).map { index in
            RDFQuad(
                subject: .blank("x\(index)"), predicate: .iri("https://example.org/next"), object: .blank("x\((index + 1) % 3)"),
                graph: nil)
        }
        let relabelled = small.map { quad in
            RDFQuad(
                subject: .blank("other" + String(quad.subject.description.reversed())), predicate: quad.predicate,
                object: .blank("other" + String(quad.object.description.reversed())), graph: nil)
        }
        let canonical = try RDFCanonicalizer().canonicalNQuads(small)
        #expect(canonical == (try RDFCanonicalizer().canonicalNQuads(relabelled)))
        #expect(canonical.contains("_:c14n0 <https://example.org/next> _:c14n"))
    }

    @Test(
        "contexts come only from pinned copies: another URL, or a changed copy, is refused",
        .enabled(if: SharedOB3.folder != nil, "the shared Open Badges 3.0 contexts are absent"))
    func pinnedContexts() throws {
        let contexts = try SharedOB3.contexts()
        let converter = JSONLDToRDF(loader: contexts)
        #expect(throws: LinkedDataError.self) {
            try converter.quads(of: ["@context": "https://evil.example/context.json", "name": "x"])
        }
        #expect(throws: LinkedDataError.self) {
            try PinnedContexts { url in url == PinnedContexts.openBadgesV3 ? Array("{\"@context\":{}}".utf8) : nil }
        }
        // A protected term cannot be redefined by the document.
        #expect(throws: LinkedDataError.self) {
            try converter.quads(of: [
                "@context": [.string(PinnedContexts.credentialsV2), ["name": "https://evil.example/name"]],
                "type": ["VerifiableCredential"], "name": "x",
            ])
        }
    }

    @Test("a property with a hundred thousand values becomes a hundred thousand statements, duplicates once")
    func longArrays() throws {
        struct NoRemoteContexts: ContextLoader {
            func document(at url: String) throws(LinkedDataError) -> JSONValue { throw LinkedDataError("no \(url)") }
        }
        let values = (0..<100_000).map { JSONValue.string("value \($0 % 50_000)") }
        let document: JSONValue = [
            "@context": ["tag": "https://example.org/tag"], "@id": "https://example.org/thing", "tag": .array(values),
        ]
        let quads = try JSONLDToRDF(loader: NoRemoteContexts()).quads(of: document)
        #expect(quads.count == 50_000)
    }

    @Test("base58btc round-trips, keeping leading zero bytes")
    func base58() {
        let samples: [[UInt8]] = [[], [0], [0, 0, 1], Array(0...255), [255, 254, 0, 1]]
        for sample in samples {
            #expect(Multibase.decodeBase58btc(Multibase.base58btc(sample)) == sample)
        }
        #expect(Multibase.base58btc(Array("Hello World!".utf8)) == "z2NEpo7TZRRrLZSi2U")
        #expect(Multibase.decodeBase58btc("z0OIl") == nil)
    }
}

extension RDFTerm: CustomStringConvertible {
    public var description: String {
        switch self {
        case .iri(let iri): iri
        case .blank(let label): label
        case .literal(let value, _, _): value
        }
    }
}
