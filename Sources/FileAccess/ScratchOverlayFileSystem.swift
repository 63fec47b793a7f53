/// A file system that reads through another (the disk) and keeps everything written below one scratch
/// folder in memory: a long-running process (the preview server) builds packages exactly as the
/// command does, without writing anything to disk. Writes outside the scratch folder are refused.
public struct ScratchOverlayFileSystem: FileSystem {
    /// Where files are read from.
    public let base: any FileSystem
    /// The folder whose contents live in memory, absolute.
    public let scratchFolder: String
    /// The scratch folder's contents.
    public let memory: InMemoryFileSystem

    /// Reads through `base`; keeps `scratchFolder` (a path that need not exist on disk) in memory.
    public init(base: any FileSystem, scratchFolder: String, memory: InMemoryFileSystem = InMemoryFileSystem()) {
        self.base = base
        self.scratchFolder = scratchFolder
        self.memory = memory
    }

    private func inScratch(_ path: String) -> Bool { path == scratchFolder || path.hasPrefix(scratchFolder + "/") }

    private func layer(_ path: String) -> any FileSystem { inScratch(path) ? memory : base }

    private func writable(_ path: String) throws(FileSystemError) -> InMemoryFileSystem {
        guard inScratch(path) else {
            throw FileSystemError(
                path: path, reason: "is outside the scratch folder \(scratchFolder), which alone may be written")
        }
        return memory
    }

    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] { try layer(path).readFile(path) }
    public func entryKind(at path: String) -> FileEntryKind? { layer(path).entryKind(at: path) }
    public func isSymbolicLink(_ path: String) -> Bool { layer(path).isSymbolicLink(path) }
    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        try layer(path).contentsOfDirectory(path)
    }
    public func fileSize(at path: String) -> Int? { layer(path).fileSize(at: path) }
    public func resolvedPath(_ path: String) -> String { layer(path).resolvedPath(path) }
    public var isCaseSensitive: Bool { base.isCaseSensitive }

    public func createDirectory(_ path: String) throws(FileSystemError) {
        if inScratch(path) {
            try memory.createDirectory(path)
        } else if base.entryKind(at: path) != .directory, !scratchFolder.hasPrefix(path + "/"), path != "/" {
            // The scratch folder's parents exist as far as the scratch folder needs them; nothing else is made.
            _ = try writable(path)
        }
    }
    public func writeNewFile(_ bytes: [UInt8], at path: String) throws(FileSystemError) {
        try writable(path).writeNewFile(bytes, at: path)
    }
    public func move(_ source: String, to destination: String) throws(FileSystemError) {
        _ = try writable(source)
        try writable(destination).move(source, to: destination)
    }
    public func removeItem(_ path: String) { if inScratch(path) { memory.removeItem(path) } }
    public func setPermissions(_ mode: Int, of path: String) throws(FileSystemError) {
        try writable(path).setPermissions(mode, of: path)
    }
    public func withExclusiveLock<Result>(_ path: String, timeout: Double, _ body: () throws -> Result) throws -> Result {
        try memory.withExclusiveLock(path, timeout: timeout, body)
    }
}
