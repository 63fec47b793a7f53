import Crypto
import Foundation
import ToolkitSupport

/// Hashed recipient identities: `sha256$` + hex of SHA-256(email + salt), with a fresh salt each time.
public enum RecipientIdentity {
    /// The email as it is hashed and compared: trimmed, in Unicode NFC (an accented letter typed as one
    /// character or as a letter and a combining accent is the same person), and lowercased, as badge
    /// platforms compare addresses.
    public static func normalise(_ email: String) -> String {
        email.trimmingCharacters(in: .whitespacesAndNewlines).precomposedStringWithCanonicalMapping.lowercased()
    }

    /// The `identity` value for `email` and `salt`.
    public static func hash(email: String, salt: String) -> String {
        "sha256$" + Hexadecimal.lowercase(Array(SHA256.hash(data: Data((normalise(email) + salt).utf8))))
    }

    /// A new random salt: 16 bytes as 32 hex digits.
    public static func freshSalt() -> String {
        var generator = SystemRandomNumberGenerator()
        return Hexadecimal.lowercase((0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }

    /// A stable UUID derived from `parts` (SHA-256 based, version and variant bits set), so the same
    /// earner and badge always get the same assertion id.
    static func stableUUID(_ parts: [String]) -> String {
        var bytes = Array(SHA256.hash(data: Data(parts.joined(separator: "\u{1F}").utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        let hexText = Hexadecimal.lowercase(bytes)
        let cuts = [8, 12, 16, 20]
        var result = ""
        for (index, character) in hexText.enumerated() {
            if cuts.contains(index) { result += "-" }
            result.append(character)
        }
        return result
    }
}
