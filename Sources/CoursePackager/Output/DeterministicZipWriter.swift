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

    /// The zip of `files`, built in memory (so it can be written through any file system).
    static func archive(_ files: PackageFileSet) throws -> [UInt8] {
        let archive = try Archive(accessMode: .create)
        try files.forEachInOrder { path, bytes in
            // An entry may never point outside the package root when unzipped.
            guard !path.hasPrefix("/"), !path.contains("\\"),
                !path.split(separator: "/", omittingEmptySubsequences: false).contains(where: {
                    $0 == ".." || $0 == "." || $0.isEmpty
                })
            else { throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path]) }
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return Array(data)
    }

    /// Writes the zip of `files` at `path` (which must not exist yet) through `fileSystem`.
    static func write(_ files: PackageFileSet, to path: String, in fileSystem: any FileSystem) throws {
        try fileSystem.writeNewFile(try archive(files), at: path)
    }
}
