import Crypto
import Foundation
import LinkedData
import ToolkitSupport

/// The issuer's Ed25519 private key for Open Badges 3.0 Data Integrity proofs (`eddsa-rdfc-2022`),
/// read from a PKCS#8 PEM file only its owner can read (`openssl genpkey -algorithm ed25519`). Only
/// its public half is published, as a Multikey document.
public struct DataIntegrityKey: Sendable {
    /// The 32-byte seed (the key type itself is not `Sendable`).
    private let seed: [UInt8]

    var privateKey: Curve25519.Signing.PrivateKey {
        // The seed was checked when the key was read.
        try! Curve25519.Signing.PrivateKey(rawRepresentation: seed)
    }

    /// The public key as Multikey `publicKeyMultibase` (`z6Mk…`).
    public var publicKeyMultibase: String { Multibase.ed25519PublicKey(Array(privateKey.publicKey.rawRepresentation)) }

    /// The first 16 hex digits of the SHA-256 of the raw public key: names its published document.
    public var fingerprint: String {
        String(Hexadecimal.lowercase(Array(SHA256.hash(data: privateKey.publicKey.rawRepresentation))).prefix(16))
    }

    /// The DER prefix of a PKCS#8 Ed25519 private key (RFC 8410): the 32-byte seed follows it.
    private static let pkcs8Prefix: [UInt8] = [
        0x30, 0x2E, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2B, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    /// Loads the key at `path` (same file checks as the RSA key).
    public static func load(path: String) throws(SigningKey.Problem) -> DataIntegrityKey {
        try parse(pem: String(decoding: try SigningKey.readKeyFile(path), as: UTF8.self), source: path)
    }

    /// Reads a PKCS#8 PEM Ed25519 private key.
    public static func parse(pem: String, source: String = "the key") throws(SigningKey.Problem) -> DataIntegrityKey {
        let body = pem.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("-----") }.joined()
        guard pem.contains("-----BEGIN PRIVATE KEY-----"), let der = Data(base64Encoded: body).map(Array.init),
            der.count == 48, Array(der.prefix(16)) == pkcs8Prefix,
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: der.suffix(32))
        else {
            throw SigningKey.Problem(
                description:
                    "\(source): not an Ed25519 private key in PKCS#8 PEM form (make one with `openssl genpkey -algorithm ed25519 -out \(source)`)"
            )
        }
        return DataIntegrityKey(seed: Array(key.rawRepresentation), checked: ())
    }

    /// The key of a raw 32-byte seed (for tests and test vectors).
    public init(seed: [UInt8]) throws {
        self.seed = Array(try Curve25519.Signing.PrivateKey(rawRepresentation: seed).rawRepresentation)
    }

    private init(seed: [UInt8], checked: Void) { self.seed = seed }
}
