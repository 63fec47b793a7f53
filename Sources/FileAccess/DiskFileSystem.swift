import Foundation
import ToolkitSupport

#if canImport(Glibc)
    import Glibc
#endif

/// The real file system, through plain POSIX calls.
public struct DiskFileSystem: FileSystem {
    /// Folders already resolved by `resolvedPath`: thousands of files share a handful of folders, and
    /// resolving each file's whole path cost one `readlink` per path component.
    private let resolvedFolders = LockedValue([String: String]())

    /// Creates a disk file system.
    public init() {}

    /// A disk file system that has resolved no folder yet.
    public func freshView() -> any FileSystem { DiskFileSystem() }

    /// Linux file systems tell names apart by case; macOS's and Windows's usually do not.
    public var isCaseSensitive: Bool {
        #if os(Linux)
            true
        #else
            false
        #endif
    }

    /// Opens the regular file for reading a piece at a time (refusing pipes and devices as `readFile` does).
    public func openForReading(_ path: String) throws(FileSystemError) -> any FileReader {
        try DescriptorReader(opening: path)
    }

    /// The path itself: this is the disk.
    public func diskURL(of path: String) -> URL? { URL(fileURLWithPath: path) }

    /// Reads the whole file (plain POSIX reads into one buffer: Foundation's file handle copied every file twice).
    public func readFile(_ path: String) throws(FileSystemError) -> [UInt8] {
        let reader = try DescriptorReader(opening: path)
        // One buffer of the size the file had when opened (and one byte more, to see its end), grown
        // only if the file grows meanwhile.
        var bytes = try reader.read(upTo: reader.size + 1)
        while bytes.count > reader.size {
            let more = try reader.read(upTo: bytes.count)
            if more.isEmpty { break }
            bytes += more
        }
        return bytes
    }

    /// File, directory, something else, or nothing.
    public func entryKind(at path: String) -> FileEntryKind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        switch status.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .other
        }
    }

    /// Whether `path` itself is a symbolic link.
    public func isSymbolicLink(_ path: String) -> Bool {
        var status = stat()
        return lstat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFLNK
    }

    /// Size in bytes.
    public func fileSize(at path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// The path with every symbolic link resolved (realpath(3); the path itself when it cannot be resolved).
    public func resolvedPath(_ path: String) -> String {
        // A file that is not itself a link resolves to its folder's resolution plus its name (one lstat).
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            let name = path[path.index(after: slash)...]
            var status = stat()
            if !name.isEmpty, name != ".", name != "..", lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK {
                let folder = String(path[..<slash])
                let resolvedFolder =
                    resolvedFolders.withLock { $0[folder] }
                    ?? {
                        let resolution = Self.realPath(folder)
                        resolvedFolders.withLock { $0[folder] = resolution }
                        return resolution
                    }()
                return resolvedFolder == "/" ? "/" + name : resolvedFolder + "/" + name
            }
        }
        return Self.realPath(path)
    }

    private static func realPath(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Sorted entry names.
    public func contentsOfDirectory(_ path: String) throws(FileSystemError) -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw FileSystemError(
                path: path, reason: "cannot list the folder", kind: entryKind(at: path) == nil ? .missing : .other)
        }
    }

    /// Creates the folder and its parents.
    public func createDirectory(_ path: String) throws(FileSystemError) {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw FileSystemError(path: path, reason: "cannot create the folder: \(error.localizedDescription)")
        }
    }

    /// Creates `path` (which must not exist) holding `bytes`, with plain POSIX calls.
    public func writeNewFile(_ bytes: [UInt8], at path: String, permissions: Int) throws(FileSystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode_t(permissions))
        guard descriptor >= 0 else {
            throw FileSystemError(
                path: path, reason: "cannot create: \(String(cString: strerror(errno)))",
                kind: errno == ENOENT ? .missingFolder : .other)
        }
        defer { close(descriptor) }
        var written = 0
        let failure: Int32? = bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return nil
        }
        if let failure {
            throw FileSystemError(path: path, reason: "cannot write: \(String(cString: strerror(failure)))")
        }
    }

    /// rename(2).
    public func move(_ source: String, to destination: String) throws(FileSystemError) {
        guard rename(source, destination) != 0 else { return }
        let code = errno
        throw FileSystemError(
            path: destination, reason: "cannot move \(source) here: \(String(cString: strerror(code)))",
            kind: code == ENOTEMPTY || code == EEXIST || code == EISDIR ? .destinationIsFullFolder : .other)
    }

    /// Removes the file or folder tree; nothing when it is absent.
    public func removeItem(_ path: String) {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// chmod(2).
    public func setPermissions(_ mode: Int, of path: String) throws(FileSystemError) {
        guard chmod(path, mode_t(mode)) == 0 else {
            throw FileSystemError(path: path, reason: "cannot set its permissions: \(String(cString: strerror(errno)))")
        }
    }

    /// An flock(2) on the lock file, polled so that a waiting process can give up: the lock is
    /// released by the kernel when its holder ends, however it ends.
    public func withExclusiveLock<Result>(
        _ path: String, timeout: Double, _ body: () throws -> Result
    ) throws -> Result {
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw FileSystemError(path: path, reason: "cannot open the lock file: \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let deadline = Date().addingTimeInterval(timeout)
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw FileSystemError(path: path, reason: "cannot lock: \(String(cString: strerror(errno)))")
            }
            guard Date() < deadline else {
                throw FileSystemError(
                    path: path,
                    reason: "another run still holds this lock after \(Int(timeout)) s; try again when it has finished")
            }
            usleep(50_000)
        }
        defer { flock(descriptor, LOCK_UN) }
        return try body()
    }
}

/// An open regular file read with plain POSIX reads; closed when released.
private final class DescriptorReader: FileReader {
    private let descriptor: Int32
    private let path: String
    /// The file's size when it was opened.
    let size: Int

    /// Opens `path`, which must be a regular file. Non-blocking, so that a named pipe planted in a
    /// workspace is refused instead of hanging the read.
    init(opening path: String) throws(FileSystemError) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            let missing = errno == ENOENT
            throw FileSystemError(
                path: path, reason: missing ? "no such file" : "cannot be read (permissions?)", kind: missing ? .missing : .other)
        }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            close(descriptor)
            throw FileSystemError(path: path, reason: "is not a regular file")
        }
        self.descriptor = descriptor
        self.path = path
        self.size = max(Int(status.st_size), 0)
    }

    deinit { close(descriptor) }

    func read(upTo count: Int) throws(FileSystemError) -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: max(count, 0))
        var filled = 0
        while filled < bytes.count {
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
            }
            filled += read
        }
        bytes.removeLast(bytes.count - filled)
        return bytes
    }
}
