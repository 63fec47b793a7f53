/// A file system held in memory: rule examples and tests build whole workspaces in it.
public struct InMemoryFileSystem: FileSystem {
    /// File contents by absolute path.
    public private(set) var files: [String: [UInt8]]

    /// Creates a file system holding `files` (text, by absolute path).
    public init(files: [String: String] = [:]) {
        self.files = Dictionary(uniqueKeysWithValues: files.map { (Self.normalise($0.key), Array($0.value.utf8)) })
    }

    /// Adds or replaces a text file.
    public mutating func write(_ text: String, to path: String) {
        files[Self.normalise(path)] = Array(text.utf8)
    }

    /// Adds or replaces a binary file.
    public mutating func write(bytes: [UInt8], to path: String) {
        files[Self.normalise(path)] = bytes
    }

    /// Removes a file.
    public mutating func remove(_ path: String) {
        files[Self.normalise(path)] = nil
    }

    /// The file's bytes.
    public func readFile(_ path: String) throws -> [UInt8] {
        guard let bytes = files[Self.normalise(path)] else { throw FileSystemError(path: path, reason: "no such file") }
        return bytes
    }

    /// File when stored, directory when some file lies below it.
    public func entryKind(at path: String) -> FileEntryKind? {
        let path = Self.normalise(path)
        if files[path] != nil { return .file }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        return files.keys.contains { $0.hasPrefix(prefix) } ? .directory : nil
    }

    /// Size in bytes.
    public func fileSize(at path: String) -> Int? { files[Self.normalise(path)]?.count }

    /// Memory holds no links.
    public func resolvedPath(_ path: String) -> String { Self.normalise(path) }

    /// Names directly below `path`.
    public func contentsOfDirectory(_ path: String) throws -> [String] {
        let path = Self.normalise(path)
        guard entryKind(at: path) == .directory else { throw FileSystemError(path: path, reason: "no such folder") }
        let prefix = path.hasSuffix("/") ? path : path + "/"
        let names = files.keys.compactMap { key -> String? in
            guard key.hasPrefix(prefix) else { return nil }
            return key.dropFirst(prefix.count).split(separator: "/").first.map(String.init)
        }
        return Set(names).sorted()
    }

    private static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", !parts.isEmpty { parts.removeLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
