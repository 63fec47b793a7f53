/// Counts as people write them: "1 Thing", "2 Things", "1 badge class".
enum Plural {
    /// `count` and the noun in the singular or the plural (`plural` defaults to the noun and "s").
    static func counted(_ count: Int, _ noun: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? noun : plural ?? noun + "s")"
    }
}
