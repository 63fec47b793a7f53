import Foundation
import OutputFiles

/// Revokes an assertion: a hosted one is rewritten with `revoked: true`; a signed one is added to
/// the issuer's revocation list.
public enum BadgeRevoker {
    /// Why revoking failed.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// Revokes `assertionID` (its URL, `urn:uuid:…`, or bare UUID) in the folder published under `urls`.
    public static func revoke(_ assertionID: String, reason: String, folder: URL, urls: BadgeURLs) throws -> String {
        let uuid = BadgeURLs.assertionUUID(of: assertionID)
        guard !uuid.isEmpty, uuid.allSatisfy({ $0.isHexDigit || $0 == "-" }) else {
            throw Problem(description: "`\(assertionID)` is not an assertion id")
        }
        let hosted = folder.appendingPathComponent("assertions/\(uuid).json")
        if let data = FileManager.default.contents(atPath: hosted.path), case .object(var members) = try JSONValue.parse(Array(data)) {
            members["revoked"] = .bool(true)
            members["revocationReason"] = .string(reason)
            try AtomicOutput.writeFile(JSONValue.object(members).prettyBytes(), to: hosted)
            return "marked the hosted assertion \(urls.assertion(uuid)) revoked"
        }
        guard FileManager.default.fileExists(atPath: folder.appendingPathComponent("assertions/\(uuid).jws").path) else {
            throw Problem(description: "no assertion \(assertionID) in \(folder.path)")
        }
        let listURL = folder.appendingPathComponent("revocations.json")
        var list = RevocationList.empty(urls: urls)
        if let data = FileManager.default.contents(atPath: listURL.path) { list = try JSONValue.parse(Array(data)) }
        guard case .object(var members) = list else { throw Problem(description: "revocations.json is not a JSON object") }
        var revoked = members["revokedAssertions"]?.arrayValue ?? []
        let id = "urn:uuid:\(uuid)"
        revoked.removeAll { $0["id"]?.stringValue == id }
        revoked.append(.object(["id": .string(id), "revocationReason": .string(reason)]))
        members["revokedAssertions"] = .array(revoked)
        try AtomicOutput.writeFile(JSONValue.object(members).prettyBytes(), to: listURL)
        return "added \(id) to the revocation list"
    }
}
