/// What the loader needs from a file system; the disk in the tool, memory in rule examples.
public protocol FileSystem: Sendable {
    /// The bytes of the file at `path`.
    func readFile(_ path: String) throws -> [UInt8]
    /// Whether `path` is a file, a directory, or nothing.
    func entryKind(at path: String) -> FileEntryKind?
    /// Names (not paths) of the entries directly inside the directory, sorted.
    func contentsOfDirectory(_ path: String) throws -> [String]
    /// The size of the file in bytes, if it exists.
    func fileSize(at path: String) -> Int?
    /// The path with symbolic links resolved (the path itself where there are none).
    func resolvedPath(_ path: String) -> String
}

/// The kinds of entry the loader tells apart.
public enum FileEntryKind: Sendable, Hashable {
    /// A regular file (or a link to one).
    case file
    /// A directory.
    case directory
}

/// A failure to read something that exists, or to find something that must exist.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path involved.
    public var path: String
    /// What went wrong.
    public var reason: String

    /// Creates an error.
    public init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

extension FileSystem {
    /// True when `path` is a regular file.
    public func isFile(_ path: String) -> Bool { entryKind(at: path) == .file }
    /// True when `path` is a directory.
    public func isDirectory(_ path: String) -> Bool { entryKind(at: path) == .directory }
}

/// Joins path components with `/`, leaving out empty ones.
public func joinPath(_ components: String...) -> String {
    var result = ""
    for component in components where !component.isEmpty {
        if result.isEmpty || result.hasSuffix("/") {
            result += component
        } else {
            result += "/" + component
        }
    }
    return result
}
