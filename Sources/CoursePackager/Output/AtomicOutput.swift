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
    static func produce(_ destination: URL, _ write: (URL) throws -> Void) throws {
        let folder = destination.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw Failure(description: "cannot create \(folder.path): \(error.localizedDescription)")
        }
        let temporary = temporaryPath(for: destination)
        do {
            try write(temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        if rename(temporary.path, destination.path) == 0 { return }
        // A folder cannot replace a non-empty folder by rename(2): swap it out first.
        if errno == ENOTEMPTY || errno == EEXIST || errno == EISDIR || errno == ENOTDIR {
            let old = temporaryPath(for: destination)
            if rename(destination.path, old.path) == 0, rename(temporary.path, destination.path) == 0 {
                try? FileManager.default.removeItem(at: old)
                return
            }
        }
        let reason = String(cString: strerror(errno))
        try? FileManager.default.removeItem(at: temporary)
        throw Failure(description: "cannot move the output into \(destination.path): \(reason)")
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
