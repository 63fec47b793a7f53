/// Everything under `Badges/`: the issuer and every badge class.
public struct BadgeCatalog: Sendable {
    /// The issuer profile, from `Badges/issuer.yaml`.
    public var issuer: Issuer?
    /// Badge classes, from `Badges/badges/*.yaml`, in file order.
    public var badges: [BadgeClass]

    /// Creates a catalogue.
    public init(issuer: Issuer? = nil, badges: [BadgeClass] = []) {
        self.issuer = issuer
        self.badges = badges
    }

    /// The badge class with this id, if any.
    public func badge(id: String) -> BadgeClass? { badges.first { $0.id == id } }
}
