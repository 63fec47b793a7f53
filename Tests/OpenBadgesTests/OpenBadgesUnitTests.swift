import CourseMedia
import CourseXML
import Foundation
import Testing
import ToolkitSupport
import _CryptoExtras

@testable import OpenBadges

@Suite("Open Badges building blocks")
struct OpenBadgesUnitTests {
    @Test("recipient identity: sha256$ + hex of SHA-256(normalised email + salt), checked against Python's hashlib")
    func hashing() {
        #expect(RecipientIdentity.hash(email: "ann@example.org", salt: "deadbeef") == "sha256$" + Self.pythonDigest)
        #expect(RecipientIdentity.hash(email: " Ann@Example.org ", salt: "deadbeef") == "sha256$" + Self.pythonDigest)
        let salts = Set((0..<50).map { _ in RecipientIdentity.freshSalt() })
        #expect(salts.count == 50 && salts.allSatisfy { $0.count == 32 })
    }

    /// `hashlib.sha256(b'ann@example.orgdeadbeef').hexdigest()`
    static let pythonDigest = "fe0df4bc2ad256690bbf24857f3fe7e80cac4bb3bfc0194ff33361d0d54b3f3a"

    @Test("stable assertion ids: the same earner and badge give the same UUID, formatted as version 5")
    func stableIDs() {
        let a = RecipientIdentity.stableUUID(["assertion", "issuer", "thing-02", "ann@example.org"])
        #expect(a == RecipientIdentity.stableUUID(["assertion", "issuer", "thing-02", "ann@example.org"]))
        #expect(a != RecipientIdentity.stableUUID(["assertion", "issuer", "thing-04", "ann@example.org"]))
        #expect(
            a.range(of: "^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", options: .regularExpression)
                != nil)
    }

    @Test("PNG chunk CRC matches the well-known CRCs, and a bit-by-bit CRC at every length")
    func crc() {
        #expect(PNGChunks.crc(type: "IEND", data: []) == 0xAE42_6082)
        #expect(PNGChunks.crc(type: "IHDR", data: [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]) == 0x1F15_C489)
        // The check value of CRC-32 (ISO 3309), split between type and data at every point.
        let check = Array("123456789".utf8)
        for split in 0...4 {
            let type = String(decoding: check.prefix(split), as: UTF8.self)
            #expect(PNGChunks.crc(type: type, data: Array(check.dropFirst(split))) == 0xCBF4_3926, "split at \(split)")
        }
        // Eight bytes a step agrees with one byte a step on every length and alignment up to 100.
        var bytes: [UInt8] = []
        var state: UInt32 = 1
        for _ in 0..<100 {
            state = state &* 1_103_515_245 &+ 12345
            bytes.append(UInt8(truncatingIfNeeded: state >> 16))
        }
        for length in 0...100 {
            var crc: UInt32 = 0xFFFF_FFFF
            for byte in Array("IDAT".utf8) + bytes.prefix(length) {
                crc ^= UInt32(byte)
                for _ in 0..<8 { crc = crc & 1 == 1 ? 0xEDB8_8320 ^ (crc >> 1) : crc >> 1 }
            }
            #expect(PNGChunks.crc(type: "IDAT", data: Array(bytes.prefix(length))) == crc ^ 0xFFFF_FFFF, "length \(length)")
        }
    }

    static let badgePNG: [UInt8] = Array(
        FileManager.default.contents(
            atPath: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("Badges/images/thing-02.png").path) ?? Data())

    @Test("PNG baking: exactly one uncompressed iTXt `openbadges` chunk after IHDR, valid CRCs, re-baking replaces it")
    func pngBaking() throws {
        let once = try PNGBaker.bake(Self.badgePNG, text: "{\"a\": \"ü\"}")
        let twice = try PNGBaker.bake(once, text: "{\"b\": 2}")
        let chunks = try PNGBaker.chunks(of: twice)  // checks every CRC
        #expect(chunks[0].type == "IHDR" && chunks[1].type == "iTXt")
        #expect(chunks.filter { PNGBaker.isOpenBadgesChunk($0) }.count == 1)
        #expect(Array(chunks[1].data.prefix(15)) == Array("openbadges".utf8) + [0, 0, 0, 0, 0])
        #expect(try PNGBaker.unbake(once) == "{\"a\": \"ü\"}")
        #expect(try PNGBaker.unbake(twice) == "{\"b\": 2}")
        var broken = twice
        broken[40] ^= 0xFF
        #expect(throws: PNGBaker.Problem.self) { try PNGBaker.chunks(of: broken) }
        #expect(throws: PNGBaker.Problem.self) { try PNGBaker.unbake(Self.badgePNG) }
    }

    @Test("SVG baking: one openbadges:assertion with verify and CDATA JSON; signed carries the JWS in verify")
    func svgBaking() throws {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><circle r="9"/></svg>"#.utf8)
        let json = "{\n  \"id\": \"https://x.example/a.json\", \"text\": \"<&>]]\"\n}\n"
        let hosted = try SVGBaker.bakeHosted(svg, assertionURL: "https://x.example/a.json", json: json)
        let rebaked = try SVGBaker.bakeHosted(hosted, assertionURL: "https://x.example/a.json", json: json)
        let root = try UntrustedXMLParser.parse(rebaked)
        let assertions = root.children.filter { $0.name == "assertion" && $0.namespaceURI == "http://openbadges.org" }
        #expect(assertions.count == 1)
        #expect(root.children.first?.name == "assertion")
        #expect(assertions.first?.attributes["verify"] == "https://x.example/a.json")
        #expect(try SVGBaker.unbake(rebaked) == json.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(String(decoding: rebaked, as: UTF8.self).contains("xmlns:openbadges=\"http://openbadges.org\""))
        let signed = try SVGBaker.bakeSigned(svg, jws: "a.b.c")
        #expect(try SVGBaker.unbake(signed) == "a.b.c")
        let hostile = Array(
            #"<!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>"#.utf8)
        #expect(throws: SVGBaker.Problem.self) {
            try SVGBaker.bakeHosted(hostile, assertionURL: "https://x.example/a", json: "{}")
        }
        #expect(throws: SVGBaker.Problem.self) { try SVGBaker.bakeSigned(Array("<html/>".utf8), jws: "a.b.c") }
    }

    @Test("JWS RS256: a signature verifies with the public key, and fails when tampered or with another key")
    func jws() throws {
        let key = SigningKey(privateKey: try _RSA.Signing.PrivateKey(keySize: .bits2048))
        let other = SigningKey(privateKey: try _RSA.Signing.PrivateKey(keySize: .bits2048))
        let payload = JSONValue.object(["id": "urn:uuid:1", "type": "Assertion"]).compactBytes()
        let token = try JWS.sign(payload: payload, with: key)
        #expect(token.split(separator: ".").count == 3)
        #expect(try JWS.verify(token, publicKeyPEM: key.publicKeyPEM) == payload)
        #expect(throws: JWS.Problem.self) { try JWS.verify(token, publicKeyPEM: other.publicKeyPEM) }
        var parts = token.split(separator: ".").map(String.init)
        parts[1] = JWS.base64URL(JSONValue.object(["id": "urn:uuid:2"]).compactBytes())
        #expect(throws: JWS.Problem.self) { try JWS.verify(parts.joined(separator: "."), publicKeyPEM: key.publicKeyPEM) }
        let header = try JSONValue.parse(JWS.decode(Substring(token.split(separator: ".")[0]))!)
        #expect(header == .object(["alg": "RS256"]))
    }

    @Test("a private key readable by others is refused; a short key is refused")
    func keyFiles() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("keys-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("issuer.pem").path
        try _RSA.Signing.PrivateKey(keySize: .bits2048).pemRepresentation.write(toFile: path, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: path)
        #expect(throws: SigningKey.Problem.self) { try SigningKey.load(path: path) }
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        #expect(try SigningKey.load(path: path).publicKeyPEM.contains("BEGIN PUBLIC KEY"))
        #expect(throws: SigningKey.Problem.self) { try SigningKey.parse(pem: "not a key") }
    }

    @Test("base URLs: https, or http on loopback only")
    func urls() throws {
        #expect(try BadgeURLs(base: "https://badges.example.org/sssc/").issuer == "https://badges.example.org/sssc/issuer.json")
        #expect(try BadgeURLs(base: "http://127.0.0.1:8000").badgeClass("x") == "http://127.0.0.1:8000/badges/x.json")
        #expect(throws: BadgeURLs.Problem.self) { try BadgeURLs(base: "http://badges.example.org") }
        #expect(throws: BadgeURLs.Problem.self) { try BadgeURLs(base: "badges.example.org") }
        #expect(try BadgeURLs(base: "https://a.example").localPath(of: "https://a.example/../etc/passwd") == nil)
    }

    @Test("a hosted assertion whose text holds `]]>` bakes into an SVG and reads back unchanged")
    func cdataEnd() throws {
        let svg = Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><rect width="9" height="9"/></svg>"#.utf8)
        let json = #"{"evidence":[{"narrative":"I wrote ]]><script>alert(1)</script> and ]]> again"}]}"#
        let baked = try SVGBaker.bakeHosted(svg, assertionURL: "https://badges.example.org/a.json", json: json)
        #expect(try SVGBaker.unbake(baked) == json)
        #expect(SVGSafety.problems(in: baked).isEmpty, "the baked SVG stays free of active content")
    }

    @Test("the same address typed two ways (composed or decomposed accents, case, spaces) is one earner")
    func emailNormalisation() {
        let composed = "Ren\u{E9}e@Example.org"
        let decomposed = "  rene\u{301}e@example.ORG\n"
        #expect(RecipientIdentity.normalise(composed) == RecipientIdentity.normalise(decomposed))
        #expect(RecipientIdentity.hash(email: composed, salt: "s") == RecipientIdentity.hash(email: decomposed, salt: "s"))
        #expect(IssuedLedger.earnerKey(issuer: "i", email: composed) == IssuedLedger.earnerKey(issuer: "i", email: decomposed))
    }
}
