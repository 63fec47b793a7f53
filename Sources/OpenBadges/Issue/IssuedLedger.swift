import Crypto
import Foundation
import OutputFiles

/// What has been issued to whom, kept privately beside the published folder (never published):
/// earners are keyed by a hash of issuer and email, so the ledger holds no addresses.
struct IssuedLedger: Codable {
    /// One badge held.
    struct Holding: Codable, Hashable {
        var assertionID: String
        var issuedOn: String
    }

    /// Badge id → holding, by earner key.
    var earners: [String: [String: Holding]] = [:]

    static func earnerKey(issuer: String, email: String) -> String {
        RecipientIdentity.hex(Array(SHA256.hash(data: Data("earner\u{1F}\(issuer)\u{1F}\(RecipientIdentity.normalise(email))".utf8))))
    }

    static func load(from url: URL) throws -> IssuedLedger {
        guard let data = FileManager.default.contents(atPath: url.path) else { return IssuedLedger() }
        return try JSONDecoder().decode(IssuedLedger.self, from: data)
    }

    func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try AtomicOutput.writeFile(Array(try encoder.encode(self)), to: url)
    }
}
