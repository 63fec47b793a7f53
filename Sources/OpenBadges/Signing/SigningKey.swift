import Crypto
import Foundation
import ToolkitSupport
import _CryptoExtras

/// The issuer's RSA private key, read from a PEM file that only its owner may read.
/// The key itself is never written anywhere; only its public half is published.
public struct SigningKey: Sendable {
    let privateKey: _RSA.Signing.PrivateKey

    /// The public key as a JSON Web Key (RFC 7517), as Open Badges 3.0 VC-JWT verifiers resolve `kid` to.
    public var publicJWK: JSONValue {
        let primitives = try? privateKey.publicKey.getKeyPrimitives()
        return .object([
            "kty": "RSA", "alg": "RS256", "use": "sig",
            "n": .string(JWS.base64URL(Array(primitives?.modulus ?? Data()))),
            "e": .string(JWS.base64URL(Array(primitives?.publicExponent ?? Data()))),
        ])
    }

    /// The public key, PEM-encoded, for the CryptographicKey document.
    public var publicKeyPEM: String { privateKey.publicKey.pemRepresentation }

    /// The first 16 hex digits of the SHA-256 of the public key (DER): names its published document.
    public var fingerprint: String {
        String(Hexadecimal.lowercase(Array(SHA256.hash(data: privateKey.publicKey.derRepresentation))).prefix(16))
    }

    /// The public half as published.
    public var published: PublishedKey { PublishedKey(pem: publicKeyPEM, fingerprint: fingerprint) }

    /// A key that cannot be used.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    /// The largest key file read: a 4096-bit RSA key in PEM is about 3.3 KB.
    static let maximumFileSize = 64 * 1024

    /// Loads the key at `path`; refuses a file others can read, a link, anything but a regular file,
    /// and keys shorter than 2048 bits.
    public static func load(path: String) throws(Problem) -> SigningKey {
        try parse(pem: String(decoding: try readKeyFile(path), as: UTF8.self), source: path)
    }

    /// The bytes of the private key file at `path`, after checking it is a regular file of a key's
    /// size that only its owner can read.
    static func readKeyFile(_ path: String) throws(Problem) -> Data {
        let attributes: [FileAttributeKey: Any]
        do {
            attributes = try FileManager.default.attributesOfItem(atPath: path)
        } catch {
            throw Problem(description: "\(path): cannot read the key file")
        }
        // The key file itself: a regular file (not a link to one, not a pipe), of a key's size.
        guard attributes[.type] as? FileAttributeType == .typeRegular else {
            throw Problem(description: "\(path): the key must be a regular file, not a link or a device")
        }
        if let size = attributes[.size] as? Int, size > maximumFileSize {
            throw Problem(description: "\(path): \(size) bytes is too large for a private key")
        }
        if let permissions = attributes[.posixPermissions] as? Int, permissions & 0o077 != 0 {
            throw Problem(
                description: String(
                    format: "%@: the private key is readable by others (mode %o); run `chmod 600 %@` first", path,
                    permissions & 0o777, path))
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Problem(description: "\(path): cannot read the key file")
        }
        return data
    }

    /// Reads a PEM-encoded RSA private key.
    public static func parse(pem: String, source: String = "the key") throws(Problem) -> SigningKey {
        let key: _RSA.Signing.PrivateKey
        do {
            key = try _RSA.Signing.PrivateKey(pemRepresentation: pem)
        } catch {
            throw Problem(description: "\(source): not an RSA private key in PEM form (\(error))")
        }
        guard key.keySizeInBits >= 2048 else {
            throw Problem(description: "\(source): the key has \(key.keySizeInBits) bits; RS256 needs at least 2048")
        }
        return SigningKey(privateKey: key)
    }
}

/// A signing key's public half as the issuer publishes it.
public struct PublishedKey: Sendable, Hashable {
    /// PEM.
    public var pem: String
    /// Names the key's document (`keys/<fingerprint>.json`).
    public var fingerprint: String

    /// Creates a published key.
    public init(pem: String, fingerprint: String) {
        self.pem = pem
        self.fingerprint = fingerprint
    }
}
