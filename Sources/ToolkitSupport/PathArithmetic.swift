/// Path arithmetic on forward-slash paths, with no file system involved: the layout types and the
/// file access layer both need it, and neither should depend on the other for it.
public enum PathArithmetic {
    /// `relative` joined to the absolute `root` (`root` itself when `relative` is empty).
    public static func absolute(_ relative: String, root: String) -> String {
        if relative.isEmpty { return root }
        return root.hasSuffix("/") ? root + relative : root + "/" + relative
    }

    /// The relative reference from the file `page` to the file `target` (both relative to one root).
    public static func href(to target: String, from page: String) -> String {
        var from = page.split(separator: "/", omittingEmptySubsequences: true).dropLast()[...]
        var to = target.split(separator: "/", omittingEmptySubsequences: true)[...]
        while let first = from.first, to.count > 1, to.first == first {
            from = from.dropFirst()
            to = to.dropFirst()
        }
        return (Array(repeating: "..", count: from.count) + to.map(String.init)).joined(separator: "/")
    }
}
