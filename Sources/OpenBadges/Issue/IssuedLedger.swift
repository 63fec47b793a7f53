import Crypto
import FileAccess
import Foundation

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
        RecipientIdentity.hex(
            Array(SHA256.hash(data: Data("earner\u{1F}\(issuer)\u{1F}\(RecipientIdentity.normalise(email))".utf8))))
    }

    /// The ledger beside `folder`, or an empty one when nothing was issued from it yet.
    static func load(from folder: BadgeFolder) throws(BadgeError) -> IssuedLedger {
        guard let bytes = try? folder.fileSystem.readFile(folder.ledgerPath) else { return IssuedLedger() }
        do {
            return try JSONDecoder().decode(IssuedLedger.self, from: Data(bytes))
        } catch {
            throw BadgeError(path: folder.ledgerPath, "is not a ledger this toolkit wrote: \(error)")
        }
    }

    /// Writes the ledger beside `folder`, atomically.
    func save(to folder: BadgeFolder) throws(BadgeError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            // Private: hashes of who holds what, readable by its owner only.
            try AtomicOutput(fileSystem: folder.fileSystem).writeFile(
                Array(try encoder.encode(self)), to: folder.ledgerPath, permissions: 0o600)
        } catch {
            throw BadgeError(path: folder.ledgerPath, "cannot write: \(error)", isIOFailure: true)
        }
    }
}
