/// Checks that a path written in a course file stays inside the folder it is relative to.
public enum PathSafety {
    /// The normalised path of `relative` inside `base`, or nil when it is absolute or climbs out with `..`.
    public static func resolve(_ relative: String, under base: String) -> String? {
        guard !relative.hasPrefix("/"), !relative.contains(literal: "\\"), !relative.isEmpty else { return nil }
        var parts: [Substring] = []
        for part in relative.split(separator: "/") {
            if part == "." { continue }
            if part == ".." {
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return ([Substring(base)] + parts).joined(separator: "/")
    }
}
