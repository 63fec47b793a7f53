import Foundation
import OutputFiles

/// The files of a package by path (forward slashes, relative to the package root).
public struct PackageFileSet: Sendable {
    /// Contents by path.
    public private(set) var files: [String: [UInt8]] = [:]

    /// Creates an empty set.
    public init() {}

    /// Adds or replaces a file.
    public mutating func add(_ path: String, _ bytes: [UInt8]) {
        files[path] = bytes
    }

    /// Adds or replaces a text file (UTF-8).
    public mutating func add(_ path: String, text: String) {
        files[path] = Array(text.utf8)
    }

    /// Paths in sorted order (the order zips are written in).
    public var sortedPaths: [String] { files.keys.sorted() }

}

extension PackageFileSet {
    /// Writes the files as a folder tree at `folder` (a temporary path; the caller renames it into place).
    func writeFolder(to folder: URL) throws {
        var created = Set<String>()
        for path in sortedPaths {
            let url = folder.appendingPathComponent(path)
            let parent = url.deletingLastPathComponent().path
            if created.insert(parent).inserted {
                try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            }
            try AtomicOutput.writeNew(files[path] ?? [], at: url.path)
        }
    }
}
