import Foundation

/// One badge held by one earner, as the issuer sees it in `badges list`.
public struct BadgeHolding: Sendable, Hashable, Codable {
    /// The earner's email; nil for a holding recorded before the ledger kept addresses.
    public var email: String?
    /// The badge id.
    public var badge: String
    /// When it was earned (ISO 8601).
    public var issuedOn: String
    /// The Open Badges 2.0 assertion's id, when one was issued.
    public var assertion: String?
    /// The Open Badges 3.0 credential's id, when one was issued.
    public var credential: String?
    /// Whether it is revoked.
    public var revoked: Bool
    /// Why, when revoked.
    public var revocationReason: String?
    /// When it was revoked through this toolkit, when known.
    public var revokedOn: String?

    /// The id it is best known by: the 2.0 assertion's, else the 3.0 credential's.
    public var id: String { assertion ?? credential ?? "" }
}

/// Reads who holds what from a published folder's private ledger, with the revocations published
/// beside it (a badge revoked by id before the ledger recorded revocations is shown revoked too).
public enum BadgeHoldings {
    /// Every holding, by email then badge; `email` and `badge` narrow the list.
    public static func list(in folder: BadgeFolder, email: String? = nil, badge: String? = nil) throws(BadgeError)
        -> [BadgeHolding]
    {
        let ledger = try IssuedLedger.load(from: folder)
        let list = BadgeRevoker.publishedList(in: folder)
        let wantedKey = email.map { IssuedLedger.earnerKey(issuer: folder.urls.issuer, email: $0) }
        var holdings: [BadgeHolding] = []
        for (key, held) in ledger.earners where wantedKey == nil || wantedKey == key {
            for (badgeID, holding) in held where badge == nil || badge == badgeID {
                // The ledger records what `revoke` did; only a holding it shows unrevoked is looked up in the
                // published files (revoked by id before the ledger recorded revocations).
                let published =
                    holding.revoked != nil
                    ? nil
                    : holding.assertionID.flatMap {
                        BadgeRevoker.publishedRevocation(uuid: BadgeURLs.assertionUUID(of: $0), in: folder, list: list)
                    }
                holdings.append(
                    BadgeHolding(
                        email: ledger.emails?[key], badge: badgeID, issuedOn: holding.issuedOn, assertion: holding.assertionID,
                        credential: holding.credentialID, revoked: holding.revoked != nil || published != nil,
                        revocationReason: holding.revoked?.reason ?? published?.reason, revokedOn: holding.revoked?.revokedOn))
            }
        }
        return holdings.sorted {
            ($0.email ?? "~", $0.badge, $0.id) < ($1.email ?? "~", $1.badge, $1.id)
        }
    }

    /// The JSON form: an array of holdings, keys sorted.
    public static func json(_ holdings: [BadgeHolding]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(holdings)) ?? Data("[]".utf8), as: UTF8.self) + "\n"
    }

    /// The columns of the CSV form.
    public static let csvHeader = [
        "email", "badge", "issuedOn", "assertion", "credential", "revoked", "revocationReason", "revokedOn",
    ]

    /// The CSV form (spreadsheet-safe).
    public static func csv(_ holdings: [BadgeHolding]) -> String {
        CSVText.table(
            header: csvHeader,
            rows: holdings.map {
                [
                    $0.email ?? "", $0.badge, $0.issuedOn, $0.assertion ?? "", $0.credential ?? "", $0.revoked ? "yes" : "no",
                    $0.revocationReason ?? "", $0.revokedOn ?? "",
                ]
            })
    }
}
