import Foundation
import LinkedData
import ToolkitSupport
import ZIPFoundation

/// Revocation for Open Badges 3.0 with a W3C Bitstring Status List: every credential names a bit of
/// one signed `BitstringStatusListCredential` published by the issuer (`credentialStatus`), and
/// revoking sets that bit and signs the list again. The list holds 131,072 bits (the specification's
/// minimum, so a list says little about how many badges exist), gzip-compressed and base64url-encoded.
public struct StatusList: Sendable, Hashable {
    /// How many credentials one list can carry.
    public static let capacity = 131_072
    /// The bits, most significant bit of the first byte first.
    public private(set) var bits: [UInt8]

    /// An empty list.
    public init() { bits = Array(repeating: 0, count: Self.capacity / 8) }

    /// Whether credential `index` is revoked.
    public func isSet(_ index: Int) -> Bool {
        guard index >= 0, index < Self.capacity else { return false }
        return bits[index / 8] & (0x80 >> UInt8(index % 8)) != 0
    }

    /// Marks credential `index` revoked.
    public mutating func set(_ index: Int) {
        guard index >= 0, index < Self.capacity else { return }
        bits[index / 8] |= 0x80 >> UInt8(index % 8)
    }

    /// `encodedList`: multibase base64url (`u`, no padding) of the gzip of the bits.
    public func encoded() throws(BadgeError) -> String {
        var deflated = Data()
        let input = Data(bits)
        do {
            _ = try Data.compress(
                size: Int64(input.count), bufferSize: 64 * 1024,
                provider: { position, size in input.subdata(in: Int(position)..<min(Int(position) + size, input.count)) },
                consumer: { deflated.append($0) })
        } catch {
            throw BadgeError("cannot compress the status list: \(error)")
        }
        let crc = input.crc32(checksum: 0)
        var gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0, 0, 0, 0, 0, 0, 0xFF] + Array(deflated)
        for shift in stride(from: 0, to: 32, by: 8) { gzip.append(UInt8((crc >> UInt32(shift)) & 0xFF)) }
        for shift in stride(from: 0, to: 32, by: 8) { gzip.append(UInt8((UInt32(input.count) >> UInt32(shift)) & 0xFF)) }
        return "u" + JWS.base64URL(gzip)
    }

    /// The list an `encodedList` holds; nil when it is not one (or not of this list's size).
    public static func decode(_ encoded: String) -> StatusList? {
        guard encoded.hasPrefix("u"), encoded.utf8.count < 1_000_000,
            let gzip = JWS.decode(Substring(encoded.dropFirst())), gzip.count > 18, gzip[0] == 0x1F, gzip[1] == 0x8B,
            gzip[2] == 0x08, gzip[3] == 0
        else { return nil }
        let deflated = Data(gzip[10..<(gzip.count - 8)])
        var inflated = Data()
        do {
            _ = try Data.decompress(
                size: Int64(deflated.count), bufferSize: 64 * 1024, skipCRC32: true,
                provider: { position, size in
                    deflated.subdata(in: min(Int(position), deflated.count)..<min(Int(position) + size, deflated.count))
                },
                consumer: { chunk in
                    inflated.append(chunk)
                    if inflated.count > capacity / 8 { throw BadgeError("the status list is larger than it may be") }
                })
        } catch {
            return nil
        }
        guard inflated.count == capacity / 8 else { return nil }
        var list = StatusList()
        list.bits = Array(inflated)
        return list
    }
}

/// The issuer's signed revocation list for 3.0 credentials, in the published folder.
public enum CredentialStatusList {
    /// The `credentialStatus` of the credential with bit `index`.
    static func entry(index: Int, urls: BadgeURLs) -> JSONValue {
        let list = urls.url(of: urls.layout.ob3StatusList)
        return [
            "id": .string("\(list)#\(index)"), "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": .string(String(index)), "statusListCredential": .string(list),
        ]
    }

    /// The status list published in `folder`, or an empty one.
    static func published(in folder: BadgeFolder) -> StatusList? {
        guard let bytes = folder.read(folder.urls.layout.ob3StatusList) else { return StatusList() }
        return (try? JSONValue.parse(bytes))?["credentialSubject"]?["encodedList"]?.stringValue.flatMap(StatusList.decode)
    }

    /// Signs `list` with the keys given and writes it (JSON with a Data Integrity proof and/or a VC-JWT).
    static func write(
        _ list: StatusList, issuer: String, keys: OpenBadges3Keys, verificationMethod: String?, jwtKeyID: String?,
        created: String, into folder: BadgeFolder
    ) throws(BadgeError) {
        let urls = folder.urls
        let id = urls.url(of: urls.layout.ob3StatusList)
        var credential: [String: JSONValue] = [
            "@context": [.string(PinnedContexts.credentialsV2)], "id": .string(id),
            "type": ["VerifiableCredential", "BitstringStatusListCredential"], "issuer": .string(issuer),
            "validFrom": .string(created),
            "credentialSubject": [
                "id": .string(id + "#list"), "type": "BitstringStatusList", "statusPurpose": "revocation",
                "encodedList": .string(try list.encoded()),
            ],
        ]
        let unsigned = credential
        if let key = keys.dataIntegrity, let contexts = keys.contexts, let verificationMethod {
            do {
                credential["proof"] = [
                    try DataIntegrityProof(loader: contexts).sign(
                        .object(unsigned), key: key.privateKey, verificationMethod: verificationMethod, created: created)
                ]
            } catch {
                throw BadgeError("cannot sign the status list: \(error)")
            }
        }
        if let key = keys.jwt, let jwtKeyID {
            let jwt = try OpenBadges3Issuer.vcJWT(unsigned, key: key, keyID: jwtKeyID)
            try folder.write(Array((jwt + "\n").utf8), to: urls.layout.ob3StatusListJWT)
        }
        try folder.write(JSONValue.object(credential).prettyBytes(), to: urls.layout.ob3StatusList)
    }
}
