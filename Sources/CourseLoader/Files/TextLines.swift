/// A text's UTF-8 bytes and where each line starts: the loader finds front matter and headings by
/// scanning bytes, which is many times faster than splitting by `Character` and matters when a
/// workspace holds thousands of Things.
struct TextLines {
    /// The text's bytes.
    let bytes: [UInt8]
    /// Byte offset of each line's start; a text ending in `\n` has a last, empty line.
    let starts: [Int]

    init(_ text: String) {
        bytes = Array(text.utf8)
        var starts = [0]
        starts.reserveCapacity(bytes.count / 32)
        bytes.withUnsafeBufferPointer { buffer in
            for offset in buffer.indices where buffer[offset] == 0x0A { starts.append(offset + 1) }
        }
        self.starts = starts
    }

    /// How many lines there are.
    var count: Int { starts.count }

    /// The bytes of line `index` (0-based), without its `\n`.
    func line(_ index: Int) -> ArraySlice<UInt8> {
        let end = index + 1 < starts.count ? starts[index + 1] - 1 : bytes.count
        return bytes[starts[index]..<end]
    }

    /// The text of lines `range` (0-based), joined by their newlines, without the last line's `\n`.
    func text(of range: Range<Int>) -> String {
        guard !range.isEmpty else { return "" }
        let end = range.upperBound < starts.count ? starts[range.upperBound] - 1 : bytes.count
        return String(decoding: bytes[starts[range.lowerBound]..<end], as: UTF8.self)
    }
}

extension ArraySlice<UInt8> {
    /// The slice without trailing spaces and tabs.
    var trimmingTrailingBlanks: ArraySlice<UInt8> {
        var slice = self
        while let last = slice.last, last == 0x20 || last == 0x09 { slice = slice.dropLast() }
        return slice
    }

    /// Whether the slice is exactly `text`'s bytes.
    func equals(_ text: StaticString) -> Bool {
        text.withUTF8Buffer { elementsEqual($0) }
    }
}
