/// Everything under `Badges/`: the issuer and every badge class.
public struct BadgeCatalog: Sendable {
    /// The issuer profile, from `Badges/issuer.yaml`.
    public var issuer: Issuer?
    /// Badge classes, from `Badges/badges/*.yaml`, in file order.
    public var badges: [BadgeClass] {
        didSet { index = Self.index(badges) }
    }
    private var index: [String: Int]

    /// Creates a catalogue.
    public init(issuer: Issuer? = nil, badges: [BadgeClass] = []) {
        self.issuer = issuer
        self.badges = badges
        self.index = Self.index(badges)
    }

    /// The badge class with this id (the first, if the id is used twice), if any.
    public func badge(id: String) -> BadgeClass? { index[id].map { badges[$0] } }

    private static func index(_ badges: [BadgeClass]) -> [String: Int] {
        var index: [String: Int] = [:]
        for (position, badge) in badges.enumerated() where index[badge.id] == nil { index[badge.id] = position }
        return index
    }
}
