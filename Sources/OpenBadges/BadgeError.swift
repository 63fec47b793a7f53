/// A badge operation that failed, with the file or folder involved, as `PackageError` does for packages.
public struct BadgeError: Error, CustomStringConvertible, Sendable {
    /// The file or folder involved, if any.
    public var path: String?
    /// What went wrong.
    public var message: String

    /// Creates an error about `path`.
    public init(path: String? = nil, _ message: String) {
        self.path = path
        self.message = message
    }

    /// `path: message`.
    public var description: String { [path, message].compactMap { $0 }.joined(separator: ": ") }
}
