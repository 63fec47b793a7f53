/// Revokes an assertion: a hosted one is rewritten with `revoked: true`; a signed one is added to
/// the issuer's revocation list.
public enum BadgeRevoker {
    /// Revokes `assertionID` (its URL, `urn:uuid:…`, or bare UUID) in the published `folder`.
    public static func revoke(_ assertionID: String, reason: String, in folder: BadgeFolder) throws(BadgeError) -> String {
        let urls = folder.urls
        let uuid = BadgeURLs.assertionUUID(of: assertionID)
        guard !uuid.isEmpty, uuid.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw BadgeError("`\(assertionID)` is not an assertion id")
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
            throw BadgeError(path: folder.path, "holds no assertion \(assertionID)")
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
