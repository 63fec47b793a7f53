import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Writes outputs to a temporary path beside the destination and moves them into place, so a
/// reader never sees a half-written package and an interrupted build leaves the old one intact.
public struct AtomicOutput: Sendable {
    /// Where outputs are written.
    public let fileSystem: any FileSystem

    /// Writes through `fileSystem`.
    public init(fileSystem: any FileSystem) {
        self.fileSystem = fileSystem
    }

    /// A temporary path next to `destination`, hidden and unique to this process.
    public static func temporaryPath(for destination: String) -> String {
        let (folder, name) = split(destination)
        return joinPath(folder, ".\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }

    /// Runs `write` on a temporary path, then moves the result to `destination`, replacing what was there.
    /// Temporary files left by builds that were killed are removed first.
    public func produce(_ destination: String, _ write: (_ temporaryPath: String) throws -> Void) throws {
        try fileSystem.createDirectory(Self.split(destination).folder)
        removeLitter(of: destination)
        let temporary = Self.temporaryPath(for: destination)
        do {
            try write(temporary)
        } catch {
            fileSystem.removeItem(temporary)
            throw error
        }
        // A file replaces a file atomically. A folder cannot replace a non-empty folder, so the old one
        // is moved aside first; another build doing the same at once may win a round, so try again a
        // few times before giving up.
        var lastError: FileSystemError?
        for _ in 0..<20 {
            do {
                try fileSystem.move(temporary, to: destination)
                return
            } catch {
                lastError = error
                guard error.kind == .destinationIsFullFolder else { break }
            }
            let old = Self.temporaryPath(for: destination)
            if (try? fileSystem.move(destination, to: old)) != nil {
                let moved = (try? fileSystem.move(temporary, to: destination)) != nil
                fileSystem.removeItem(old)
                if moved { return }
            }
        }
        fileSystem.removeItem(temporary)
        throw lastError ?? FileSystemError(path: destination, reason: "cannot move the output into place")
    }

    /// Removes temporary outputs next to `destination` whose process no longer runs.
    public func removeLitter(of destination: String) {
        let (folder, name) = Self.split(destination)
        let prefix = ".\(name).tmp-"
        guard let names = try? fileSystem.contentsOfDirectory(folder) else { return }
        for entry in names where entry.hasPrefix(prefix) {
            let pidText = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                fileSystem.removeItem(joinPath(folder, entry))
            }
        }
    }

    /// Removes the temporary files of dead processes anywhere below `folder` (a published badge
    /// folder whose last run was killed halfway).
    public func removeLitter(below folder: String) {
        for relative in fileSystem.filesBelow(folder) where relative.contains(".tmp-") {
            let name = String(relative.split(separator: "/").last ?? "")
            guard name.hasPrefix("."), let marker = name.range(of: ".tmp-") else { continue }
            let pidText = name[marker.upperBound...].prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { fileSystem.removeItem(joinPath(folder, relative)) }
        }
    }

    /// Writes one file through a temporary file in the same folder and a rename, so readers never
    /// see half a file. No fsync: the guarantee is against interrupted builds, not power loss, and
    /// syncing every file made writing thousands of them slow. `permissions` (such as `0o600` for a
    /// private ledger) are the temporary file's from its creation, and set exactly (whatever the
    /// umask) before it appears under its name.
    public func writeFile(_ bytes: [UInt8], to path: String, permissions: Int? = nil) throws(FileSystemError) {
        let temporary = Self.temporaryPath(for: path)
        do {
            try fileSystem.writeNewFile(bytes, at: temporary, permissions: permissions ?? 0o644)
        } catch  where error.kind == .missingFolder {
            // Creating folders costs several calls per file; only do it when the folder is missing.
            try fileSystem.createDirectory(Self.split(path).folder)
            try fileSystem.writeNewFile(bytes, at: temporary, permissions: permissions ?? 0o644)
        }
        if let permissions {
            do {
                try fileSystem.setPermissions(permissions, of: temporary)
            } catch {
                fileSystem.removeItem(temporary)
                throw error
            }
        }
        do {
            try fileSystem.move(temporary, to: path)
        } catch {
            fileSystem.removeItem(temporary)
            throw error
        }
    }

    /// The folder and the name of a path.
    private static func split(_ path: String) -> (folder: String, name: String) {
        var path = path
        while path.count > 1, path.hasSuffix("/") { path.removeLast() }
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let folder = slash == path.startIndex ? "/" : String(path[..<slash])
        return (folder, String(path[path.index(after: slash)...]))
    }
}
