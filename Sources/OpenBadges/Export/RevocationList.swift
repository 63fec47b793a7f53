import ToolkitSupport

/// The issuer's list of revoked signed assertions.
public enum RevocationList {
    /// An empty list.
    public static func empty(urls: BadgeURLs) -> JSONValue {
        .object([
            "@context": .string(OpenBadgesContext.v2), "type": "RevocationList", "id": .string(urls.revocationList),
            "issuer": .string(urls.issuer), "revokedAssertions": .array([]),
        ])
    }
}
