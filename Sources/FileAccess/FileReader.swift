/// A file open for reading from its start, a piece at a time: large files (a course's videos) pass
/// through a package without ever being held whole in memory. Closed when released.
public protocol FileReader: AnyObject {
    /// The next bytes, at most `count`; empty at the end of the file.
    func read(upTo count: Int) throws(FileSystemError) -> [UInt8]
}

extension FileSystem {
    /// The first `count` bytes of the regular file at `path` (fewer when the file is shorter).
    public func readHead(_ path: String, count: Int) throws(FileSystemError) -> [UInt8] {
        let reader = try openForReading(path)
        var head: [UInt8] = []
        while head.count < count {
            let piece = try reader.read(upTo: count - head.count)
            if piece.isEmpty { break }
            head += piece
        }
        return head
    }
}

/// A reader over bytes already in memory.
final class BytesReader: FileReader {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(upTo count: Int) throws(FileSystemError) -> [UInt8] {
        let end = min(bytes.count, position + max(count, 0))
        defer { position = end }
        return Array(bytes[position..<end])
    }
}
