import Foundation

/// Every file the toolkit reads or writes goes through this boundary: the disk in the tool, memory
/// in tests and in a long-running process that rebuilds from what an editor holds.
public protocol FileSystem: Sendable {
    /// The bytes of the regular file at `path`.
    func readFile(_ path: String) throws(FileSystemError) -> [UInt8]
    /// The regular file at `path`, open to be read a piece at a time (the whole of a large file is never
    /// needed at once).
    func openForReading(_ path: String) throws(FileSystemError) -> any FileReader
    /// Where `path` is on the disk, when this file system is the disk: a library that writes a file
    /// itself (the zip writer, which streams entries into it) is given this; nil for memory.
    func diskURL(of path: String) -> URL?
    /// Whether `path` is a file, a directory, or nothing (links are followed).
    func entryKind(at path: String) -> FileEntryKind?
    /// Whether `path` itself is a symbolic link (not followed).
    func isSymbolicLink(_ path: String) -> Bool
    /// Names (not paths) of the entries directly inside the directory, sorted.
    func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String]
    /// The size of the file in bytes, if it exists.
    func fileSize(at path: String) -> Int?
    /// The path with symbolic links resolved (the path itself where there are none).
    func resolvedPath(_ path: String) -> String
    /// The same files with nothing remembered from earlier reads (resolved links): a long-running
    /// process (the preview) takes one per rebuild, so a folder swapped for a link meanwhile is seen.
    func freshView() -> any FileSystem
    /// Whether names differ by case (`a.png` and `A.png` are two files), as on Linux; on a
    /// case-insensitive disk a path in the wrong case still finds the file.
    var isCaseSensitive: Bool { get }

    /// Creates the directory and any missing parents.
    func createDirectory(_ path: String) throws(FileSystemError)
    /// Creates `path`, which must not exist yet, holding `bytes`, with mode `permissions` (less the
    /// umask) from the start, so a private file is never readable by others, not even for a moment;
    /// a missing folder is reported as such.
    func writeNewFile(_ bytes: [UInt8], at path: String, permissions: Int) throws(FileSystemError)
    /// Moves `source` to `destination` as rename(2) does: a file replaces a file at once; a folder
    /// replaces only an empty folder (`destinationIsFullFolder` otherwise).
    func move(_ source: String, to destination: String) throws(FileSystemError)
    /// Removes the file or folder (with everything inside); nothing when it does not exist.
    func removeItem(_ path: String)
    /// Sets a file's permission bits (`0o600` for private files).
    func setPermissions(_ mode: Int, of path: String) throws(FileSystemError)

    /// Runs `body` holding the exclusive lock named by the file at `path` (created if missing), which
    /// other processes and threads also take through this call: a second holder waits for the first,
    /// and gives up with an error after `timeout` seconds.
    func withExclusiveLock<Result>(
        _ path: String, timeout: Double, _ body: () throws -> Result
    ) throws -> Result
}

/// The kinds of entry the toolkit tells apart.
public enum FileEntryKind: Sendable, Hashable {
    /// A regular file (or a link to one).
    case file
    /// A directory.
    case directory
    /// Anything else: a named pipe, a socket, a device.
    case other
}

/// A failure to read, find or write something.
public struct FileSystemError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What kind of failure, for callers that react to it.
    public enum Kind: Sendable, Hashable {
        /// Nothing is at the path.
        case missing
        /// The folder the path would be in does not exist.
        case missingFolder
        /// A folder with entries stands where a folder was to be moved.
        case destinationIsFullFolder
        /// Anything else.
        case other
    }

    /// The path involved.
    public var path: String
    /// What went wrong.
    public var reason: String
    /// The kind of failure.
    public var kind: Kind

    /// Creates an error.
    public init(path: String, reason: String, kind: Kind = .other) {
        self.path = path
        self.reason = reason
        self.kind = kind
    }

    /// `path: reason`.
    public var description: String { "\(path): \(reason)" }
}

extension FileSystem {
    /// True when `path` is a regular file.
    public func isFile(_ path: String) -> Bool { entryKind(at: path) == .file }
    /// True when `path` is a directory.
    public func isDirectory(_ path: String) -> Bool { entryKind(at: path) == .directory }

    /// Every file below `folder` (not folders), as paths relative to it, sorted.
    public func filesBelow(_ folder: String) -> [String] {
        var found: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let path = relative.isEmpty ? folder : joinPath(folder, relative)
            guard let names = try? contentsOfDirectory(path) else { continue }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                switch entryKind(at: joinPath(folder, child)) {
                case .directory?: pending.append(child)
                case .file?: found.append(child)
                default: break
                }
            }
        }
        return found.sorted()
    }
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

extension FileSystem {
    /// Creates `path` (which must not exist yet) holding `bytes`, with the usual mode 644.
    public func writeNewFile(_ bytes: [UInt8], at path: String) throws(FileSystemError) {
        try writeNewFile(bytes, at: path, permissions: 0o644)
    }
}
