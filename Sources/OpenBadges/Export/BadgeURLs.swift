import CourseModel
import Foundation

/// The URL each published file is served at: the base URL followed by the file's path in the
/// published folder (`PublishedBadgesLayout`). Every object's `id` is the URL it is served at.
public struct BadgeURLs: Sendable, Hashable {
    /// The base URL the output folder is published under, without a trailing slash.
    public let base: String
    /// Where each file sits in the published folder.
    public let layout: PublishedBadgesLayout
    /// The issuer's `did:web` identifier, when Open Badges 3.0 credentials name the issuer by a DID
    /// (its document is `did.json` at the base URL) instead of the profile's https URL.
    public private(set) var issuerDID: String?

    /// A base URL that is not acceptable.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    /// Accepts `https://…` URLs, and `http://` only on the loopback interface (for local testing).
    public init(base: String, layout: PublishedBadgesLayout = .standard) throws(Problem) {
        self.layout = layout
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        // Every id is this text with a path after it: anything a platform might read differently is refused.
        if let odd = trimmed.unicodeScalars.first(where: {
            $0.value <= 0x20 || $0.value >= 0x7F || "\\%\"<>^`{|}".unicodeScalars.contains($0)
        }) {
            throw Problem(
                description:
                    "`\(base)` holds `\(odd.escaped(asASCII: true))`; a base URL is plain https://host/path, without spaces, escapes or quotes"
            )
        }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil
        else { throw Problem(description: "`\(base)` is not an absolute URL without a query or fragment") }
        guard components.user == nil, components.password == nil else {
            throw Problem(description: "`\(base)` carries a user name or password; published ids would expose them")
        }
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1"
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw Problem(description: "`\(base)` must be an https URL (http is accepted only for 127.0.0.1 while testing)")
        }
        self.base = trimmed
    }

    /// The URL of a path in the published folder.
    public func url(of path: String) -> String { base + "/" + path }

    /// These URLs with the issuer identified by `did`, which must be the `did:web` whose document is
    /// `did.json` at the base URL (`did:web:badges.example.org:sssc` for `https://badges.example.org/sssc`).
    public func identifyingIssuer(as did: String) throws(Problem) -> BadgeURLs {
        guard Self.documentURL(ofDIDWeb: did) == url(of: layout.didDocument) else {
            throw Problem(
                description:
                    "`\(did)` does not resolve to \(url(of: layout.didDocument)): for this base URL the DID is \(Self.didWeb(forBase: base) ?? "none")"
            )
        }
        var copy = self
        copy.issuerDID = did
        return copy
    }

    /// Where a `did:web` DID's document is: `did:web:host[:path…]` → `https://host/path…/did.json`, or
    /// `https://host/.well-known/did.json` without a path; nil for anything else.
    public static func documentURL(ofDIDWeb did: String) -> String? {
        guard did.hasPrefix("did:web:") else { return nil }
        let parts = did.dropFirst("did:web:".count).split(separator: ":", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "%3A", with: ":")
        }
        guard let host = parts.first, !host.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.contains("/") }) else {
            return nil
        }
        let path = parts.dropFirst().joined(separator: "/")
        return "https://" + host + (path.isEmpty ? "/.well-known/did.json" : "/" + path + "/did.json")
    }

    /// The `did:web` DID whose document is `did.json` at `base`, when `base` is an https URL with a path.
    public static func didWeb(forBase base: String) -> String? {
        guard base.hasPrefix("https://") else { return nil }
        let rest = base.dropFirst("https://".count).split(separator: "/").map { $0.replacingOccurrences(of: ":", with: "%3A") }
        guard rest.count >= 2 else { return nil }
        return "did:web:" + rest.joined(separator: ":")
    }

    /// The id Open Badges 3.0 documents name the issuer by: its DID, or its profile's URL.
    public var ob3IssuerID: String { issuerDID ?? url(of: layout.ob3Profile) }

    /// The id of a key in the issuer's 3.0 documents: `did:web:…#<kind>-<fingerprint>` with a DID, else
    /// the URL of the key's own document.
    public func ob3KeyID(fingerprint: String, kind: String) -> String {
        issuerDID.map { "\($0)#\(kind)-\(fingerprint)" } ?? url(of: layout.ob3Key(fingerprint: fingerprint, kind: kind))
    }

    /// The issuer profile.
    public var issuer: String { url(of: layout.issuerProfile) }
    /// The issuer's image (`issuer.png` or `issuer.svg`).
    public func issuerImage(extension ext: String) -> String { url(of: layout.issuerImage(extension: ext)) }
    /// A badge class.
    public func badgeClass(_ id: String) -> String { url(of: layout.badgeClass(id: id)) }
    /// A badge class's image, published beside it.
    public func badgeImage(_ id: String, extension ext: String) -> String { url(of: layout.badgeImage(id: id, extension: ext)) }
    /// The document of the signing key with this fingerprint.
    public func publicKey(fingerprint: String) -> String { url(of: layout.publicKey(fingerprint: fingerprint)) }
    /// The revocation list.
    public var revocationList: String { url(of: layout.revocationList) }
    /// A hosted assertion.
    public func assertion(_ uuid: String) -> String { url(of: layout.assertion(uuid: uuid, extension: "json")) }

    /// The base URL a published issuer profile's id was made from, if it was made by this layout.
    public static func base(ofIssuerID id: String, layout: PublishedBadgesLayout = .standard) -> String? {
        let suffix = "/" + layout.issuerProfile
        return id.hasSuffix(suffix) ? String(id.dropLast(suffix.count)) : nil
    }

    /// The UUID of an assertion id: `urn:uuid:<uuid>` (signed), `…/assertions/<uuid>.json` (hosted), or the UUID itself.
    public static func assertionUUID(of id: String) -> String {
        id.hasPrefix("urn:uuid:")
            ? String(id.dropFirst("urn:uuid:".count))
            : String(id.split(separator: "/").last?.split(separator: ".").first ?? "")
    }

    /// The output-folder path of a URL under the base, if it is one.
    public func localPath(of url: String) -> String? {
        guard url.hasPrefix(base + "/") else { return nil }
        let path = String(url.dropFirst(base.count + 1))
        guard !path.isEmpty, !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        return path
    }
}
