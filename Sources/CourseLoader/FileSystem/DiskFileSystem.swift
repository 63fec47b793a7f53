import Foundation

/// The real file system.
public struct DiskFileSystem: FileSystem {
    /// Creates a disk file system.
    public init() {}

    /// Reads the whole file.
    public func readFile(_ path: String) throws -> [UInt8] {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw FileSystemError(path: path, reason: isFile(path) ? "cannot be read (permissions?)" : "no such file")
        }
        defer { try? handle.close() }
        do {
            return Array(try handle.readToEnd() ?? Data())
        } catch {
            throw FileSystemError(path: path, reason: "cannot be read: \(error.localizedDescription)")
        }
    }

    /// File, directory or nothing.
    public func entryKind(at path: String) -> FileEntryKind? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue ? .directory : .file
    }

    /// Size in bytes.
    public func fileSize(at path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int
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
