import Crypto
import Foundation
import ToolkitSupport
import _CryptoExtras

/// JSON Web Signatures in compact form with RS256, as signed Open Badges use.
public enum JWS {
    /// A signature that does not verify, or a string that is not a compact JWS.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    /// `header.payload.signature`, each base64url-encoded, signed with RS256; `header` adds members
    /// to the protected header (`kid`, `typ`).
    public static func sign(payload: [UInt8], with key: SigningKey, header extra: [String: JSONValue] = [:]) throws -> String {
        let header = JSONValue.object(extra.merging(["alg": "RS256"]) { _, fixed in fixed }).compactBytes()
        let signingInput = base64URL(header) + "." + base64URL(payload)
        let signature = try key.privateKey.signature(for: Data(signingInput.utf8), padding: .insecurePKCS1v1_5)
        return signingInput + "." + base64URL(Array(signature.rawRepresentation))
    }

    /// The payload of `jws`, after checking its RS256 signature with `publicKeyPEM`.
    public static func verify(_ jws: String, publicKeyPEM: String) throws(Problem) -> [UInt8] {
        let compact = try Compact(jws)
        let key: _RSA.Signing.PublicKey
        do {
            key = try _RSA.Signing.PublicKey(pemRepresentation: publicKeyPEM)
        } catch {
            throw Problem(description: "the published public key cannot be read")
        }
        return try compact.payload(verifiedWith: key)
    }

    /// The payload of `jws`, after checking its RS256 signature with `publicKey`.
    static func verify(_ jws: String, publicKey key: _RSA.Signing.PublicKey) throws(Problem) -> [UInt8] {
        try Compact(jws).payload(verifiedWith: key)
    }

    /// A compact JWS read once: its parts decoded and its header checked to say RS256.
    private struct Compact {
        let signingInput: String
        let payload: [UInt8]
        let signature: [UInt8]

        init(_ jws: String) throws(Problem) {
            let parts = jws.trimmingCharacters(in: .whitespacesAndNewlines).split(
                separator: ".", omittingEmptySubsequences: false)
            guard parts.count == 3, let header = decode(parts[0]), let payload = decode(parts[1]),
                let signature = decode(parts[2])
            else { throw Problem(description: "not a compact JWS (three base64url parts)") }
            guard (try? JSONValue.parse(header))?["alg"]?.stringValue == "RS256" else {
                throw Problem(description: "the JWS header does not say `alg: RS256`")
            }
            signingInput = parts[0] + "." + parts[1]
            self.payload = payload
            self.signature = signature
        }

        func payload(verifiedWith key: _RSA.Signing.PublicKey) throws(Problem) -> [UInt8] {
            let valid = key.isValidSignature(
                _RSA.Signing.RSASignature(rawRepresentation: signature), for: Data(signingInput.utf8),
                padding: .insecurePKCS1v1_5)
            guard valid else { throw Problem(description: "the signature does not match the issuer's public key") }
            return payload
        }
    }

    /// The protected header without checking the signature.
    public static func unverifiedHeader(_ jws: String) -> JSONValue? {
        let parts = jws.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 ? decode(parts[0]).flatMap { try? JSONValue.parse($0) } : nil
    }

    /// The payload without checking the signature (to find which key to check it with).
    public static func unverifiedPayload(_ jws: String) -> [UInt8]? {
        let parts = jws.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 3 ? decode(parts[1]) : nil
    }

    /// base64url without padding (RFC 7515 §2): base64's bytes with two letters swapped and the `=`
    /// dropped, byte by byte (every credential's JWT went through NSString's search-and-replace three times).
    static func base64URL(_ bytes: [UInt8]) -> String {
        var encoded = Array(Data(bytes).base64EncodedData())
        while encoded.last == UInt8(ascii: "=") { encoded.removeLast() }
        for index in encoded.indices {
            switch encoded[index] {
            case UInt8(ascii: "+"): encoded[index] = UInt8(ascii: "-")
            case UInt8(ascii: "/"): encoded[index] = UInt8(ascii: "_")
            default: break
            }
        }
        return String(decoding: encoded, as: UTF8.self)
    }

    /// The bytes of base64url `text` (padding optional), or nil when it is not base64url.
    static func decode(_ text: Substring) -> [UInt8]? {
        var base64 = Array(text.utf8)
        for index in base64.indices {
            switch base64[index] {
            case UInt8(ascii: "-"): base64[index] = UInt8(ascii: "+")
            case UInt8(ascii: "_"): base64[index] = UInt8(ascii: "/")
            case UInt8(ascii: "+"), UInt8(ascii: "/"): return nil  // base64, not base64url
            default: break
            }
        }
        while base64.count % 4 != 0 { base64.append(UInt8(ascii: "=")) }
        return Data(base64Encoded: Data(base64)).map(Array.init)
    }
}
