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

    /// Writes `files` as a zip at `url` (which must not exist yet).
    static func write(_ files: PackageFileSet, to url: URL) throws {
        let archive = try Archive(url: url, accessMode: .create)
        try files.forEachInOrder { path, bytes in
            // An entry may never point outside the package root when unzipped.
            guard !path.hasPrefix("/"), !path.contains("\\"), !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
            else { throw CocoaError(.fileWriteInvalidFileName, userInfo: [NSFilePathErrorKey: path]) }
            let data = Data(bytes)
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                permissions: 0o644, compressionMethod: .deflate
            ) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
    }
}
