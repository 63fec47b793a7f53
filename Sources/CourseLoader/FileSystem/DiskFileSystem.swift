import Foundation

/// The real file system.
public struct DiskFileSystem: FileSystem {
    /// Folders already resolved by `resolvedPath`: thousands of files share a handful of folders, and
    /// resolving each file's whole path cost one `readlink` per path component.
    private let resolvedFolders = ResolvedFolders()

    /// Creates a disk file system.
    public init() {}

    /// Reads the whole file (plain POSIX reads into one buffer: Foundation's file handle copied every file twice).
    public func readFile(_ path: String) throws -> [UInt8] {
        // Non-blocking so that a named pipe planted in a workspace is refused below instead of hanging the read.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else {
            throw FileSystemError(path: path, reason: isFile(path) ? "cannot be read (permissions?)" : "no such file")
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG else {
            throw FileSystemError(path: path, reason: "is not a regular file")
        }
        var bytes = [UInt8](repeating: 0, count: max(Int(status.st_size), 0) + 1)
        var count = 0
        while true {
            if count == bytes.count { bytes += [UInt8](repeating: 0, count: bytes.count) }
            let read = bytes.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if read == 0 { break }
            if read < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(path: path, reason: "cannot be read: \(String(cString: strerror(errno)))")
            }
            count += read
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// File, directory or nothing.
    public func entryKind(at path: String) -> FileEntryKind? {
        var status = stat()
        guard stat(path, &status) == 0 else { return nil }
        return status.st_mode & S_IFMT == S_IFDIR ? .directory : .file
    }

    /// Size in bytes.
    public func fileSize(at path: String) -> Int? {
        var status = stat()
        return stat(path, &status) == 0 ? Int(status.st_size) : nil
    }

    /// The path with every symbolic link resolved (realpath(3); the path itself when it cannot be resolved).
    public func resolvedPath(_ path: String) -> String {
        // A file that is not itself a link resolves to its folder's resolution plus its name.
        if let slash = path.lastIndex(of: "/"), slash != path.startIndex {
            var status = stat()
            let name = path[path.index(after: slash)...]
            if !name.isEmpty, name != ".", name != "..", lstat(path, &status) == 0, status.st_mode & S_IFMT != S_IFLNK {
                let folder = String(path[..<slash])
                let resolvedFolder = resolvedFolders.resolved(folder) { Self.realPath($0) }
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
    public func contentsOfDirectory(_ path: String) throws -> [String] {
        do {
            return try FileManager.default.contentsOfDirectory(atPath: path).sorted()
        } catch {
            throw FileSystemError(path: path, reason: "cannot list the folder")
        }
    }
}

/// Folder paths and their resolutions, shared by the threads of one run.
private final class ResolvedFolders: @unchecked Sendable {
    private let lock = NSLock()
    private var resolutions: [String: String] = [:]

    func resolved(_ folder: String, _ resolve: (String) -> String) -> String {
        lock.lock()
        if let known = resolutions[folder] {
            lock.unlock()
            return known
        }
        lock.unlock()
        let resolution = resolve(folder)
        lock.lock()
        resolutions[folder] = resolution
        lock.unlock()
        return resolution
    }
}
