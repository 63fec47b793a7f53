import Foundation
import ToolkitSupport

/// Revokes what was issued: a hosted assertion is rewritten with `revoked: true`; a signed one is
/// added to the issuer's revocation list; the private ledger records when and why. A badge already
/// revoked keeps its first reason unless the caller forces a new one, so a second administrator
/// cannot silently rewrite what verifiers were told.
public enum BadgeRevoker {
    /// What a revocation did, in words for the issuer.
    public struct Outcome: Sendable, Hashable {
        /// One line per record touched.
        public var said: [String] = []
    }

    /// Revokes `assertionID` (its URL, `urn:uuid:…`, or bare UUID) in the published `folder`; with
    /// `force`, an earlier reason is replaced.
    public static func revoke(
        _ assertionID: String, reason: String, force: Bool = false, keepCollections: Bool = false, now: Date = Date(),
        openBadges3Keys: OpenBadges3Keys = OpenBadges3Keys(), in folder: BadgeFolder
    ) throws(BadgeError) -> Outcome {
        let uuid = BadgeURLs.assertionUUID(of: assertionID)
        guard !uuid.isEmpty, uuid.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw BadgeError("`\(assertionID)` is not an assertion id")
        }
        var ledger = try IssuedLedger.load(from: folder)
        if let (key, badgeID) = ledger.holding(id: uuid) {
            return try revoke(
                earner: key, badgeID: badgeID, reason: reason, force: force, keepCollections: keepCollections, now: now,
                keys: openBadges3Keys, ledger: &ledger, in: folder)
        }
        // Not in this folder's ledger (issued elsewhere, or before the ledger): the published files only.
        return Outcome(said: [try revokePublished(uuid: uuid, reason: reason, force: force, in: folder)])
    }

    /// Revokes the badge `badgeID` held by `email`, every form it was issued in.
    public static func revoke(
        email: String, badgeID: String, reason: String, force: Bool = false, keepCollections: Bool = false,
        now: Date = Date(), openBadges3Keys: OpenBadges3Keys = OpenBadges3Keys(), in folder: BadgeFolder
    ) throws(BadgeError) -> Outcome {
        var ledger = try IssuedLedger.load(from: folder)
        guard let (key, _) = ledger.holding(email: email, badgeID: badgeID, issuer: folder.urls.issuer) else {
            let held = ledger.earners[IssuedLedger.earnerKey(issuer: folder.urls.issuer, email: email)]?.keys.sorted() ?? []
            throw BadgeError(
                path: folder.ledgerPath,
                held.isEmpty
                    ? "no badge was issued to \(email) from this folder (check the address with `toolkit badges list`)"
                    : "\(email) holds no `\(badgeID)` badge; they hold \(held.map { "`\($0)`" }.joined(separator: ", "))")
        }
        return try revoke(
            earner: key, badgeID: badgeID, reason: reason, force: force, keepCollections: keepCollections, now: now,
            keys: openBadges3Keys, ledger: &ledger, in: folder)
    }

    /// Revokes `badgeID` of `earner`, then (unless `keepCollections`) every collection badge of theirs
    /// awarded on it: a collection earned with a revoked member was not earned.
    private static func revoke(
        earner: String, badgeID: String, reason: String, force: Bool, keepCollections: Bool, now: Date,
        keys: OpenBadges3Keys, ledger: inout IssuedLedger, in folder: BadgeFolder
    ) throws(BadgeError) -> Outcome {
        var outcome = try revokeOne(
            earner: earner, badgeID: badgeID, reason: reason, force: force, now: now, keys: keys, ledger: &ledger, in: folder)
        guard !keepCollections else { return outcome }
        let collections = (ledger.earners[earner] ?? [:]).filter {
            $0.value.members?.contains(badgeID) == true && $0.value.revoked == nil
        }
        for collection in collections.keys.sorted() {
            let said = try revoke(
                earner: earner, badgeID: collection,
                reason: "awarded on `\(badgeID)`, which was revoked: \(reason)", force: false, keepCollections: false, now: now,
                keys: keys, ledger: &ledger, in: folder)
            outcome.said += said.said.map { "collection `\(collection)`: \($0)" }
        }
        return outcome
    }

    private static func revokeOne(
        earner: String, badgeID: String, reason: String, force: Bool, now: Date, keys: OpenBadges3Keys,
        ledger: inout IssuedLedger, in folder: BadgeFolder
    ) throws(BadgeError) -> Outcome {
        guard var holding = ledger.earners[earner]?[badgeID] else { return Outcome() }
        // A 3.0 credential is revoked by signing the status list again: the keys are checked before
        // anything changes. The list is rebuilt from the ledger's revocations (and the published bits,
        // when they can be read), so a damaged list is repaired by revoking again with the right keys.
        var statusList: StatusList?
        var alreadySet = false
        if let index = holding.statusIndex, holding.credentialID != nil {
            guard keys.canSign, keys.dataIntegrity == nil || keys.contexts != nil else {
                throw BadgeError(
                    "this badge was also issued as an Open Badges 3.0 credential, whose revocation list must be signed again: pass the keys it was issued with (--ed25519-key and/or --sign-key)"
                )
            }
            try refuseUnpublished(keys, in: folder)
            var list = CredentialStatusList.published(in: folder) ?? StatusList()
            alreadySet = list.isSet(index) || holding.revoked != nil
            for holdings in ledger.earners.values {
                for held in holdings.values where held.revoked != nil {
                    if let bit = held.statusIndex { list.set(bit) }
                }
            }
            list.set(index)
            statusList = list
        }
        // The first reason stands unless forced, in the published files as in the ledger.
        let effective = force ? reason : holding.revoked?.reason ?? reason
        var outcome = Outcome()
        if let assertion = holding.assertionID {
            outcome.said.append(
                try revokePublished(uuid: BadgeURLs.assertionUUID(of: assertion), reason: effective, force: force, in: folder))
        }
        if let list = statusList, let index = holding.statusIndex {
            let urls = folder.urls
            try CredentialStatusList.write(
                list, issuer: urls.ob3IssuerID, keys: keys,
                verificationMethod: keys.dataIntegrity.map { OpenBadges3Export.verificationMethod(of: $0, urls: urls) },
                jwtKeyID: keys.jwt.map { OpenBadges3Export.keyID(of: $0, urls: urls) }, created: DateFormats.timestamp(now),
                into: folder)
            outcome.said.append(
                alreadySet
                    ? "the Open Badges 3.0 credential \(holding.credentialID ?? "") was already revoked; the status list was signed again with the published keys"
                    : "set bit \(index) of the Open Badges 3.0 status list for \(holding.credentialID ?? "")")
        }
        if holding.revoked == nil || force {
            holding.revoked = IssuedLedger.Revocation(
                reason: reason, revokedOn: DateFormats.timestamp(now))
            ledger.earners[earner]?[badgeID] = holding
            try ledger.save(to: folder)
        }
        return outcome
    }

    /// Refuses keys that are not the ones published in `folder`: a status list signed with them
    /// would name a key verifiers cannot find, and every 3.0 credential would then fail.
    static func refuseUnpublished(_ keys: OpenBadges3Keys, in folder: BadgeFolder) throws(BadgeError) {
        let layout = folder.urls.layout
        func published(_ path: String) -> JSONValue? { folder.read(path).flatMap { try? JSONValue.parse($0) } }
        let consequence =
            "signing the status list with it would make every Open Badges 3.0 credential of this folder fail. Nothing was changed: pass the key the badges were exported with"
        if let key = keys.dataIntegrity {
            let path = layout.ob3Key(fingerprint: key.fingerprint, kind: "multikey")
            guard published(path)?["publicKeyMultibase"]?.stringValue == key.publicKeyMultibase else {
                throw BadgeError(
                    path: folder.file(path), "the Ed25519 key given is not published in this folder; \(consequence)")
            }
        }
        if let key = keys.jwt {
            let path = layout.ob3Key(fingerprint: key.fingerprint, kind: "jwk")
            let document = published(path)
            guard document?["n"] == key.publicJWK["n"], document?["e"] == key.publicJWK["e"], document?["n"] != nil else {
                throw BadgeError(path: folder.file(path), "the RSA key given is not published in this folder; \(consequence)")
            }
        }
    }

    /// A 2.0 revocation as published: the assertion is revoked, with or without a reason.
    struct PublishedRevocation {
        var reason: String?
    }

    /// The published revocation of the assertion with this UUID, if it is revoked.
    static func publishedRevocation(uuid: String, in folder: BadgeFolder, list: JSONValue?) -> PublishedRevocation? {
        let urls = folder.urls
        if let bytes = folder.read(urls.layout.assertion(uuid: uuid, extension: "json")),
            let hosted = try? JSONValue.parse(bytes), hosted["revoked"] == .bool(true)
        {
            return PublishedRevocation(reason: hosted["revocationReason"]?.stringValue)
        }
        let id = "urn:uuid:\(uuid)"
        if let entry = list?["revokedAssertions"]?.arrayValue?.first(where: {
            $0["id"]?.stringValue == id || $0.stringValue == id
        }) {
            return PublishedRevocation(reason: entry["revocationReason"]?.stringValue)
        }
        return nil
    }

    /// The published revocation list, if there is one.
    static func publishedList(in folder: BadgeFolder) -> JSONValue? {
        folder.read(folder.urls.layout.revocationList).flatMap { try? JSONValue.parse($0) }
    }

    private static func revokePublished(uuid: String, reason: String, force: Bool, in folder: BadgeFolder) throws(BadgeError)
        -> String
    {
        let urls = folder.urls
        if let earlier = publishedRevocation(uuid: uuid, in: folder, list: publishedList(in: folder)),
            !force || earlier.reason == reason
        {
            return
                "\(uuid) was already revoked (“\(earlier.reason ?? "no reason given")”); the reason is kept (pass --force to replace it)"
        }
        let hosted = urls.layout.assertion(uuid: uuid, extension: "json")
        if let bytes = folder.read(hosted) {
            guard case .object(var members)? = try? JSONValue.parse(bytes) else {
                throw BadgeError(path: folder.file(hosted), "is not a JSON object")
            }
            members["revoked"] = .bool(true)
            members["revocationReason"] = .string(reason)
            try folder.write(JSONValue.object(members).prettyBytes(), to: hosted)
            return "marked the hosted assertion \(urls.assertion(uuid)) revoked"
        }
        guard folder.read(urls.layout.assertion(uuid: uuid, extension: "jws")) != nil else {
            throw BadgeError(path: folder.path, "holds no assertion \(uuid)")
        }
        let listPath = urls.layout.revocationList
        var list = RevocationList.empty(urls: urls)
        if let bytes = folder.read(listPath) {
            guard let parsed = try? JSONValue.parse(bytes) else {
                throw BadgeError(path: folder.file(listPath), "is not valid JSON")
            }
            list = parsed
        }
        guard case .object(var members) = list else { throw BadgeError(path: folder.file(listPath), "is not a JSON object") }
        var revoked = members["revokedAssertions"]?.arrayValue ?? []
        let id = "urn:uuid:\(uuid)"
        revoked.removeAll { $0["id"]?.stringValue == id }
        revoked.append(.object(["id": .string(id), "revocationReason": .string(reason)]))
        members["revokedAssertions"] = .array(revoked)
        try folder.write(JSONValue.object(members).prettyBytes(), to: listPath)
        return "added \(id) to the revocation list"
    }
}
