/// The Open Badges 2.0 JSON-LD context every object names.
public enum OpenBadgesContext {
    /// `https://w3id.org/openbadges/v2`.
    public static let v2 = "https://w3id.org/openbadges/v2"
}
