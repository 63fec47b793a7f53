/// Base58 (Bitcoin alphabet) and the multibase/multicodec forms Data Integrity uses: `z` + base58btc,
/// and Ed25519 public keys as Multikey (`0xed 0x01` + the 32-byte key).
public enum Multibase {
    private static let alphabet = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)
    private static let multicodecEd25519Public: [UInt8] = [0xED, 0x01]

    /// `z` + base58btc of `bytes`.
    public static func base58btc(_ bytes: [UInt8]) -> String {
        var digits: [UInt8] = []  // base-58 digits, least significant first
        for byte in bytes {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let zeros = bytes.prefix { $0 == 0 }.count
        let text = Array(repeating: alphabet[0], count: zeros) + digits.reversed().map { alphabet[Int($0)] }
        return "z" + String(decoding: text, as: UTF8.self)
    }

    /// The bytes of a `z`-prefixed base58btc string; nil when it is not one (or longer than `limit` characters).
    public static func decodeBase58btc(_ text: String, limit: Int = 512) -> [UInt8]? {
        guard text.hasPrefix("z"), text.utf8.count <= limit else { return nil }
        var bytes: [UInt8] = []  // least significant first
        let body = Array(text.utf8.dropFirst())
        for character in body {
            guard let value = alphabet.firstIndex(of: character) else { return nil }
            var carry = value
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        let zeros = body.prefix { $0 == alphabet[0] }.count
        return Array(repeating: 0, count: zeros) + bytes.reversed()
    }

    /// The Multikey `publicKeyMultibase` of a raw 32-byte Ed25519 public key (`z6Mk…`).
    public static func ed25519PublicKey(_ raw: [UInt8]) -> String { base58btc(multicodecEd25519Public + raw) }

    /// The raw Ed25519 public key of a Multikey `publicKeyMultibase`, if it is one.
    public static func ed25519PublicKey(multibase: String) -> [UInt8]? {
        guard let bytes = decodeBase58btc(multibase), bytes.count == 34, Array(bytes.prefix(2)) == multicodecEd25519Public
        else { return nil }
        return Array(bytes.dropFirst(2))
    }
}
