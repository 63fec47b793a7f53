import ToolkitSupport

/// The form of every id a workspace defines (courses, Things, collections, badges, activities,
/// resources): lower-case ASCII letters and digits with single hyphens between them, as in `thing-02`.
public enum Identifier {
    /// Whether `id` is well formed.
    public static func isWellFormed(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, let last = id.unicodeScalars.last,
            first.properties.isLowercase || ("0"..."9").contains(first), last != "-", !id.contains(literal: "--")
        else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
