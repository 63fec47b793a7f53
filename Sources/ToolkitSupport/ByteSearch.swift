#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Finding byte strings in byte buffers with the C library's `memchr` and `memcmp` (vectorised), for the checks
/// that scan every file of a workspace for fixed texts: decoding each line into a `String` and
/// searching it with Foundation cost seconds over a 2,300-Thing workspace.
public enum ByteSearch {
    /// The offsets at which `needle` starts in `haystack`, in order, without overlaps.
    public static func offsets(of needle: [UInt8], in haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty, needle.count <= haystack.count else { return [] }
        return haystack.withUnsafeBytes { hay in
            needle.withUnsafeBytes { pin in
                guard let start = hay.baseAddress, let pattern = pin.baseAddress else { return [] }
                var found: [Int] = []
                var offset = 0
                while let at = search(pattern, pin.count, in: start, hay.count, from: offset) {
                    found.append(at)
                    offset = at + pin.count
                }
                return found
            }
        }
    }

    /// Whether `needle` occurs in `haystack`.
    public static func contains(_ needle: [UInt8], in haystack: [UInt8]) -> Bool {
        haystack.withUnsafeBufferPointer { contains(needle, in: $0) }
    }

    /// Whether `needle` occurs in the bytes of `haystack`.
    public static func contains(_ needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
        return needle.withUnsafeBytes { pin in
            guard let start = haystack.baseAddress, let pattern = pin.baseAddress else { return false }
            return search(pattern, pin.count, in: UnsafeRawPointer(start), haystack.count, from: 0) != nil
        }
    }

    /// The first offset at or after `from` where the `length` bytes at `pattern` occur in the `count`
    /// bytes at `start`: each candidate found by its first byte (`memchr`), then compared whole.
    private static func search(
        _ pattern: UnsafeRawPointer, _ length: Int, in start: UnsafeRawPointer, _ count: Int, from: Int
    ) -> Int? {
        let first = Int32(pattern.load(as: UInt8.self))
        var offset = from
        while offset <= count - length {
            guard let candidate = memchr(start + offset, first, count - length - offset + 1) else { return nil }
            let at = start.distance(to: UnsafeRawPointer(candidate))
            if memcmp(start + at, pattern, length) == 0 { return at }
            offset = at + 1
        }
        return nil
    }
}

extension StringProtocol {
    /// Whether `text` occurs in this string, compared byte for byte in UTF-8. With Foundation imported,
    /// `contains("…")` goes through `NSString`'s locale-aware search, which showed up in the profiles of
    /// every per-Thing check; the marks and separators the parsers look for need no more than bytes.
    public func contains(literal text: String) -> Bool {
        let needle = Array(text.utf8)
        if let found = utf8.withContiguousStorageIfAvailable({ ByteSearch.contains(needle, in: $0) }) { return found }
        return ByteSearch.contains(needle, in: Array(utf8))
    }
}

extension Hasher {
    /// Feeds `bytes` as one block, with their count: an array's own `hash(into:)` feeds its elements one
    /// at a time, which made hashing a workspace's files for the preview's keys cost more than reading them.
    public mutating func combine(contentsOf bytes: [UInt8]) {
        combine(bytes.count)
        bytes.withUnsafeBytes { combine(bytes: $0) }
    }
}
