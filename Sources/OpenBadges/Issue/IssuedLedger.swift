import Crypto
import FileAccess
import Foundation
import ToolkitSupport

/// What has been issued to whom, kept privately beside the published folder (never published, mode
/// 600): earners are keyed by a hash of issuer and email, with the address beside the key so the
/// issuer can list and revoke by email. Ledgers written before addresses were kept still load; their
/// earners are listed by key until they appear in an earners file again.
struct IssuedLedger: Codable {
    /// How and when a holding was revoked.
    struct Revocation: Codable, Hashable {
        var reason: String
        var revokedOn: String
    }

    /// One badge held.
    struct Holding: Codable, Hashable {
        /// The Open Badges 2.0 assertion's id, once one was issued.
        var assertionID: String?
        var issuedOn: String
        /// The Open Badges 3.0 credential's id, once one was issued.
        var credentialID: String?
        /// The credential's bit in the status list.
        var statusIndex: Int?
        /// Set by `badges revoke`.
        var revoked: Revocation?
        /// For a collection badge: the member badges it was awarded on (revoking one revokes it).
        var members: [String]?
    }

    /// Badge id → holding, by earner key.
    var earners: [String: [String: Holding]] = [:]
    /// Earner key → email as first given.
    var emails: [String: String]? = [:]
    /// The next free bit of the 3.0 status list.
    var nextStatusIndex: Int?

    static func earnerKey(issuer: String, email: String) -> String {
        Hexadecimal.lowercase(
            Array(SHA256.hash(data: Data("earner\u{1F}\(issuer)\u{1F}\(RecipientIdentity.normalise(email))".utf8))))
    }

    /// Records `email` as the address of `earner` (the first spelling given is kept).
    mutating func remember(email: String, of earner: String) {
        var known = emails ?? [:]
        if known[earner] == nil { known[earner] = email }
        emails = known
    }

    /// The earner key and holding of `badgeID` held by `email`, if any.
    func holding(email: String, badgeID: String, issuer: String) -> (key: String, holding: Holding)? {
        let key = Self.earnerKey(issuer: issuer, email: email)
        return earners[key]?[badgeID].map { (key, $0) }
    }

    /// The earner key and badge id of the holding whose assertion or credential is `id` (compared by UUID).
    func holding(id: String) -> (key: String, badgeID: String)? {
        let uuid = BadgeURLs.assertionUUID(of: id)
        for (key, held) in earners {
            for (badgeID, holding) in held
            where holding.assertionID.map(BadgeURLs.assertionUUID(of:)) == uuid
                || holding.credentialID.map(BadgeURLs.assertionUUID(of:)) == uuid
            {
                return (key, badgeID)
            }
        }
        return nil
    }

    /// The ledger beside `folder`, or an empty one when there is none yet. A ledger that is there but
    /// cannot be read (another account's, a folder, unreadable) stops the command: treated as
    /// empty, it would be replaced, its earners lost and its status bits given out again.
    static func load(from folder: BadgeFolder) throws(BadgeError) -> IssuedLedger {
        let bytes: [UInt8]
        do {
            bytes = try folder.fileSystem.readFile(folder.ledgerPath)
        } catch  where error.kind == .missing {
            return IssuedLedger()
        } catch {
            throw BadgeError(
                path: folder.ledgerPath,
                "cannot read the private ledger (\(error.reason)); nothing was changed. Run as the account that issued these badges, or restore the ledger",
                isIOFailure: true)
        }
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
            // Private: who holds what, readable by its owner only.
            try AtomicOutput(fileSystem: folder.fileSystem).writeFile(
                Array(try encoder.encode(self)), to: folder.ledgerPath, permissions: 0o600)
        } catch {
            throw BadgeError(path: folder.ledgerPath, "cannot write: \(error)", isIOFailure: true)
        }
    }
}
