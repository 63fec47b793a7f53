import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes outputs to a temporary path beside the destination and renames them into place, so a
/// reader never sees a half-written package and an interrupted build leaves the old one intact.
public enum AtomicOutput {
    /// A failure to write or move an output.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// What went wrong.
        public var description: String
        /// Whether the file could not be created because its folder does not exist.
        public var missingFolder = false

        /// Creates a failure.
        public init(description: String, missingFolder: Bool = false) {
            self.description = description
            self.missingFolder = missingFolder
        }
    }

    /// A temporary path next to `destination`, hidden and unique to this process.
    public static func temporaryPath(for destination: URL) -> URL {
        destination.deletingLastPathComponent()
            .appendingPathComponent(".\(destination.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
    }

    /// Runs `write` on a temporary path, then moves the result to `destination`, replacing what was there.
    /// Temporary files left by builds that were killed are removed first.
    public static func produce(_ destination: URL, _ write: (URL) throws -> Void) throws {
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
    public static func removeLitter(of destination: URL) {
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

    /// Writes one file through a temporary file in the same folder and a rename, so readers never
    /// see half a file. No fsync: the guarantee is against interrupted builds, not power loss, and
    /// syncing every file made writing thousands of them slow.
    public static func writeFile(_ bytes: [UInt8], to url: URL) throws {
        let temporary = temporaryPath(for: url)
        do {
            try writeNew(bytes, at: temporary.path)
        } catch let failure as Failure where failure.missingFolder {
            // Creating folders costs several calls per file; only do it when the folder is missing.
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try writeNew(bytes, at: temporary.path)
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw Failure(description: "cannot move \(temporary.path) to \(url.path): \(reason)")
        }
    }

    /// Creates `path` (which must not exist) holding `bytes`, with plain POSIX calls.
    public static func writeNew(_ bytes: [UInt8], at path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw Failure(description: "cannot create \(path): \(String(cString: strerror(errno)))", missingFolder: errno == ENOENT)
        }
        defer { close(descriptor) }
        var written = 0
        try bytes.withUnsafeBytes { buffer in
            while written < buffer.count {
                let result = Glibc.write(descriptor, buffer.baseAddress! + written, buffer.count - written)
                if result < 0 {
                    if errno == EINTR { continue }
                    throw Failure(description: "cannot write \(path): \(String(cString: strerror(errno)))")
                }
                written += result
            }
        }
    }
}
