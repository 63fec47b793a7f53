/// A badge operation that failed, with the file or folder involved, as `PackageError` does for packages.
public struct BadgeError: Error, CustomStringConvertible, Sendable {
    /// The file or folder involved, if any.
    public var path: String?
    /// What went wrong.
    public var message: String
    /// Whether reading or writing a file failed (exit 2), rather than the badges themselves (exit 1).
    public var isIOFailure: Bool

    /// Creates an error about `path`.
    public init(path: String? = nil, _ message: String, isIOFailure: Bool = false) {
        self.path = path
        self.message = message
        self.isIOFailure = isIOFailure
    }

    /// `path: message`.
    public var description: String { [path, message].compactMap { $0 }.joined(separator: ": ") }
}
