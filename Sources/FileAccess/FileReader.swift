/// A file open for reading from its start, a piece at a time: large files (a course's videos) pass
/// through a package without ever being held whole in memory. Closed when released.
public protocol FileReader: AnyObject {
    /// The next `count` bytes; fewer only at the end of the file (none there).
    func read(upTo count: Int) throws(FileSystemError) -> [UInt8]
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
