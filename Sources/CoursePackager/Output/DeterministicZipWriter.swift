import FileAccess
import Foundation
import ZIPFoundation

/// Writes a zip whose bytes depend only on the files: sorted entries, a fixed date (1980-01-01),
/// fixed permissions (0644), deflate. Two builds of the same input are byte-identical.
enum DeterministicZipWriter {
    /// The timestamp every entry carries: the earliest a zip can hold.
    static let fixedDate: Date = {
        var components = DateComponents()
        components.year = 1980
        components.month = 1
        components.day = 1
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar.date(from: components)!
    }()

    /// Writes the zip of `files` at `path` (which must not exist yet) through `fileSystem`. On the disk
    /// the zip is streamed to the file entry by entry, a streamed file a piece at a time, so memory
    /// holds one entry (or one piece of a large one), never the package; in memory it is built whole.
    static func write(_ files: PackageFileSet, to path: String, in fileSystem: any FileSystem) throws {
        if let url = fileSystem.diskURL(of: path) {
            guard fileSystem.entryKind(at: path) == nil else {
                throw FileSystemError(path: path, reason: "already exists")
            }
            // The archive's file is closed when it is released, at the end of this scope, before the
            // caller moves it into place.
            do {
                let archive = try Archive(url: url, accessMode: .create)
                try add(files, to: archive)
            }
        } else {
            let archive = try Archive(accessMode: .create)
            try add(files, to: archive)
            guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
            try fileSystem.writeNewFile(Array(data), at: path)
        }
    }

    /// Adds every file of `files` to `archive`, in sorted order.
    private static func add(_ files: PackageFileSet, to archive: Archive) throws {
        try files.forEachInOrder { path, file in
            // An entry may never point outside the package root when unzipped.
            guard !path.hasPrefix("/"), !path.contains("\\"),
                !path.split(separator: "/", omittingEmptySubsequences: false).contains(where: {
                    $0 == ".." || $0 == "." || $0.isEmpty
                })
            else { throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path]) }
            let size: Int
            let provider: Provider
            switch file {
            case .bytes(let bytes):
                let data = Data(bytes)
                size = data.count
                provider = { position, count in data.subdata(in: Int(position)..<Int(position) + count) }
            case .stream(let source, let fileSystem, let streamSize):
                let reader = try fileSystem.openForReading(source)
                var expected: Int64 = 0
                size = streamSize
                provider = { position, count in
                    // The zip writer asks for the file in order, once: anything else is a broken promise.
                    guard position == expected else {
                        throw FileSystemError(path: source, reason: "was asked for out of order while zipping")
                    }
                    let piece = try reader.read(upTo: count)
                    guard piece.count == count else {
                        throw FileSystemError(path: source, reason: "changed size while the package was written")
                    }
                    expected += Int64(count)
                    return Data(piece)
                }
            }
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(size), modificationDate: fixedDate, permissions: 0o644,
                compressionMethod: .deflate, provider: provider)
        }
    }
}
