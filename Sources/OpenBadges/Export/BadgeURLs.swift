import Foundation

/// Where each published file lives: the URL it is served at and its path in the output folder.
/// Every object's `id` is the URL it will be served at, so the layout is fixed here once.
public struct BadgeURLs: Sendable, Hashable {
    /// The base URL the output folder is published under, without a trailing slash.
    public let base: String

    /// A base URL that is not acceptable.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    /// Accepts `https://…` URLs, and `http://` only on the loopback interface (for local testing).
    public init(base: String) throws(Problem) {
        var trimmed = base
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let components = URLComponents(string: trimmed), let scheme = components.scheme?.lowercased(),
            let host = components.host, !host.isEmpty, components.query == nil, components.fragment == nil
        else { throw Problem(description: "`\(base)` is not an absolute URL") }
        let loopback = host == "127.0.0.1" || host == "localhost" || host == "[::1]" || host == "::1"
        guard scheme == "https" || (scheme == "http" && loopback) else {
            throw Problem(description: "`\(base)` must be an https URL (http is accepted only for 127.0.0.1 while testing)")
        }
        self.base = trimmed
    }

    /// The issuer profile.
    public var issuer: String { "\(base)/issuer.json" }
    /// The issuer's image (`issuer.png` or `issuer.svg`).
    public func issuerImage(extension ext: String) -> String { "\(base)/issuer.\(ext)" }
    /// A badge class.
    public func badgeClass(_ id: String) -> String { "\(base)/badges/\(id).json" }
    /// A badge class's image, published beside it.
    public func badgeImage(_ id: String, extension ext: String) -> String { "\(base)/badges/\(id).\(ext)" }
    /// The signing key document.
    public var publicKey: String { "\(base)/keys/signing-key.json" }
    /// The revocation list.
    public var revocationList: String { "\(base)/revocations.json" }
    /// A hosted assertion.
    public func assertion(_ uuid: String) -> String { "\(base)/assertions/\(uuid).json" }

    /// The UUID of an assertion id: `urn:uuid:<uuid>` (signed), `…/assertions/<uuid>.json` (hosted), or the UUID itself.
    public static func assertionUUID(of id: String) -> String {
        id.hasPrefix("urn:uuid:") ? String(id.dropFirst("urn:uuid:".count))
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
