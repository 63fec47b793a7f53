import Foundation

/// Writes outputs to a temporary path beside the destination and renames them into place, so a
/// reader never sees a half-written package and an interrupted build leaves the old one intact.
enum AtomicOutput {
    /// A failure to write or move an output.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A temporary path next to `destination`, hidden and unique to this process.
    static func temporaryPath(for destination: URL) -> URL {
        destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }

    /// Runs `write` on a temporary path, then moves the result to `destination`, replacing what was there.
    /// Temporary files left by builds that were killed are removed first.
    static func produce(_ destination: URL, _ write: (URL) throws -> Void) throws {
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        removeLitter(of: destination)
        let temporary = temporaryPath(for: destination)
        do {
            try write(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        // A file replaces a file atomically with rename(2). A folder cannot replace a non-empty folder,
        // so the old one is moved aside first; another build doing the same at once may win a round,
        // so try again a few times before giving up.
        for _ in 0..<20 {
            if rename(temporary.path, destination.path) == 0 { return }
            guard errno == ENOTEMPTY || errno == EEXIST || errno == EISDIR else { break }
            let old = temporaryPath(for: destination)
            if rename(destination.path, old.path) == 0 {
                if rename(temporary.path, destination.path) == 0 {
                    try? FileManager.default.removeItem(at: old)
                    return
                }
                try? FileManager.default.removeItem(at: old)
            }
        }
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw Failure(description: "cannot move the output into \(destination.path): \(reason)")
    }

    /// Removes temporary outputs next to `destination` whose process no longer runs.
    static func removeLitter(of destination: URL) {
        let folder = destination.deletingLastPathComponent()
        let prefix = ".\(destination.lastPathComponent).tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return }
        for name in names where name.hasPrefix(prefix) {
            let pidText = name.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(pidText), pid != ProcessInfo.processInfo.processIdentifier else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))
            }
        }
    }

    /// Writes `files` as a folder tree at `folder`.
    static func writeFolder(_ files: PackageFileSet, to folder: URL) throws {
        for path in files.sortedPaths {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: url.path, contents: Data(files.files[path] ?? [])) else {
                throw Failure(description: "cannot write \(url.path)")
            }
        }
    }
}
