import Foundation
import ToolkitSupport

/// A file system held in memory: rule examples and tests build whole workspaces in it, and commands
/// write their outputs into it, so a test can run `package` or `badges issue` without a disk. Shared
/// by reference: a command and the test that runs it see the same files.
public final class InMemoryFileSystem: FileSystem {
    private struct Storage {
        var files: [String: [UInt8]] = [:]
        /// Folders created explicitly (a folder also exists whenever a file lies below it).
        var directories: Set<String> = ["/"]
    }

    private let storage: LockedValue<Storage>
    /// Locks held by `withExclusiveLock`, by path.
    private let heldLocks = LockedValue(Set<String>())
    /// Reads of each file, by path.
    private let reads = LockedValue([String: Int]())

    /// Creates a file system holding `files` (text, by absolute path).
    public init(files: [String: String] = [:]) {
        storage = LockedValue(
            Storage(files: Dictionary(files.map { (Self.normalise($0.key), Array($0.value.utf8)) }, uniquingKeysWith: { $1 })))
    }

    /// File contents by absolute path.
    public var files: [String: [UInt8]] { storage.withLock { $0.files } }

    /// Adds or replaces a text file.
    public func write(_ text: String, to path: String) {
        write(bytes: Array(text.utf8), to: path)
    }

    /// Adds or replaces a binary file.
    public func write(bytes: [UInt8], to path: String) {
        storage.withLock { $0.files[Self.normalise(path)] = bytes }
    }

    /// Removes a file.
    public func remove(_ path: String) {
        storage.withLock { $0.files[Self.normalise(path)] = nil }
    }

    /// A copy holding the same files, to change without touching this one.
    public func copy() -> InMemoryFileSystem {
        let copy = InMemoryFileSystem()
        let current = storage.current
        copy.storage.withLock { $0 = current }
        return copy
    }

    /// How many times each file was read (whole, or opened for reading), by absolute path: tests
    /// prove with it that a build reads each file no more often than it must.
    public var readCounts: [String: Int] { reads.current }

    /// Forgets the read counts.
    public func resetReadCounts() { reads.withLock { $0 = [:] } }

    /// The file's bytes.
    /// Memory remembers nothing beside its files: itself.
    public func freshView() -> any FileSystem { self }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        let path = Self.normalise(path)
        if let bytes = storage.withLock({ $0.files[path] }) {
            reads.withLock { $0[path, default: 0] += 1 }
            return bytes
        }
        throw FileSystemError(
            path: path, reason: entryKind(at: path) == .directory ? "is not a regular file" : "no such file",
            kind: entryKind(at: path) == nil ? .missing : .other)
    }

    /// The file's bytes, handed out a piece at a time.
    public func openForReading(_ path: String) throws(FileSystemError) -> any FileReader {
        BytesReader(try readFile(path))
    }

    /// Memory is not on the disk.
    public func diskURL(of path: String) -> URL? { nil }

    /// File when stored, directory when created or when some file lies below it.
    public func entryKind(at path: String) -> FileEntryKind? {
        let path = Self.normalise(path)
        return storage.withLock { Self.kind(of: path, in: $0) }
    }

    private static func kind(of path: String, in storage: Storage) -> FileEntryKind? {
        if storage.files[path] != nil { return .file }
        if storage.directories.contains(path) { return .directory }
        let prefix = path == "/" ? "/" : path + "/"
        return storage.files.keys.contains { $0.hasPrefix(prefix) } || storage.directories.contains { $0.hasPrefix(prefix) }
            ? .directory : nil
    }

    /// Memory holds no links.
    public func isSymbolicLink(_ path: String) -> Bool { false }

    /// Names in memory differ by case.
    public var isCaseSensitive: Bool { true }

    /// Size in bytes.
    public func fileSize(at path: String) -> Int? {
        let path = Self.normalise(path)
        return storage.withLock { $0.files[path]?.count }
    }

    /// Memory holds no links.
    public func resolvedPath(_ path: String) -> String { Self.normalise(path) }

    /// Names directly below `path`.
    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        let path = Self.normalise(path)
        return try storage.withLock { storage throws(FileSystemError) in
            guard Self.kind(of: path, in: storage) == .directory else {
                throw FileSystemError(path: path, reason: "no such folder", kind: .missing)
            }
            let prefix = path == "/" ? "/" : path + "/"
            var names = Set<String>()
            for key in Array(storage.files.keys) + storage.directories where key.hasPrefix(prefix) {
                if let name = key.dropFirst(prefix.count).split(separator: "/").first { names.insert(String(name)) }
            }
            return names.sorted()
        }
    }

    /// Creates the folder (and, implicitly, its parents).
    public func createDirectory(_ path: String) throws(FileSystemError) {
        let path = Self.normalise(path)
        try storage.withLock { storage throws(FileSystemError) in
            if storage.files[path] != nil { throw FileSystemError(path: path, reason: "a file stands there") }
            storage.directories.insert(path)
        }
    }

    /// Creates a file that must not exist, in a folder that must.
    public func writeNewFile(_ bytes: [UInt8], at path: String, permissions: Int) throws(FileSystemError) {
        let path = Self.normalise(path)
        try storage.withLock { storage throws(FileSystemError) in
            guard Self.kind(of: path, in: storage) == nil else { throw FileSystemError(path: path, reason: "already exists") }
            guard Self.kind(of: Self.parent(of: path), in: storage) == .directory else {
                throw FileSystemError(path: path, reason: "its folder does not exist", kind: .missingFolder)
            }
            storage.files[path] = bytes
        }
    }

    /// Moves a file or a folder tree, with rename(2)'s rules.
    public func move(_ source: String, to destination: String) throws(FileSystemError) {
        let source = Self.normalise(source)
        let destination = Self.normalise(destination)
        try storage.withLock { storage throws(FileSystemError) in
            switch Self.kind(of: source, in: storage) {
            case nil:
                throw FileSystemError(path: source, reason: "no such file", kind: .missing)
            case .file?:
                if Self.kind(of: destination, in: storage) == .directory {
                    throw FileSystemError(path: destination, reason: "is a folder", kind: .destinationIsFullFolder)
                }
                storage.files[destination] = storage.files.removeValue(forKey: source)
            default:
                switch Self.kind(of: destination, in: storage) {
                case .file?:
                    throw FileSystemError(path: destination, reason: "is a file")
                case .directory?:
                    let prefix = destination + "/"
                    guard !storage.files.keys.contains(where: { $0.hasPrefix(prefix) }),
                        !storage.directories.contains(where: { $0.hasPrefix(prefix) })
                    else { throw FileSystemError(path: destination, reason: "is not empty", kind: .destinationIsFullFolder) }
                    storage.directories.remove(destination)
                default:
                    break
                }
                let prefix = source + "/"
                for key in storage.files.keys where key.hasPrefix(prefix) {
                    storage.files[destination + key.dropFirst(source.count)] = storage.files.removeValue(forKey: key)
                }
                for folder in storage.directories where folder == source || folder.hasPrefix(prefix) {
                    storage.directories.remove(folder)
                    storage.directories.insert(destination + folder.dropFirst(source.count))
                }
                storage.directories.insert(destination)
            }
        }
    }

    /// Removes a file or a folder tree.
    public func removeItem(_ path: String) {
        let path = Self.normalise(path)
        let prefix = path + "/"
        storage.withLock { storage in
            storage.files[path] = nil
            storage.files = storage.files.filter { !$0.key.hasPrefix(prefix) }
            storage.directories = storage.directories.filter { $0 != path && !$0.hasPrefix(prefix) }
        }
    }

    /// Memory keeps no permissions.
    public func setPermissions(_ mode: Int, of path: String) throws(FileSystemError) {
        guard entryKind(at: path) != nil else { throw FileSystemError(path: path, reason: "no such file", kind: .missing) }
    }

    /// A lock among the threads that share this file system.
    public func withExclusiveLock<Result>(
        _ path: String, timeout: Double, _ body: () throws -> Result
    ) throws -> Result {
        let path = Self.normalise(path)
        let deadline = ContinuousClock.now + .milliseconds(Int(timeout * 1000))
        while !heldLocks.withLock({ $0.insert(path).inserted }) {
            guard ContinuousClock.now < deadline else {
                throw FileSystemError(path: path, reason: "another run still holds this lock; try again when it has finished")
            }
            usleep(10_000)
        }
        defer { heldLocks.withLock { _ = $0.remove(path) } }
        if storage.withLock({ $0.files[path] == nil }) { write(bytes: [], to: path) }
        return try body()
    }

    private static func parent(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/"), slash != path.startIndex else { return "/" }
        return String(path[..<slash])
    }

    private static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", !parts.isEmpty {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}
