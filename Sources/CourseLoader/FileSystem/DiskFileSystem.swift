import Foundation

/// The real file system.
public struct DiskFileSystem: FileSystem {
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
