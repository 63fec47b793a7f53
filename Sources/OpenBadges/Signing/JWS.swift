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

    static func base64URL(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func decode(_ text: Substring) -> [UInt8]? {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        return Data(base64Encoded: base64).map(Array.init)
    }
}
