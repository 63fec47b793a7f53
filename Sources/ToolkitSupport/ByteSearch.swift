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
                let anchor = rarestIndex(pin)
                while let at = search(pattern, pin.count, in: start, hay.count, from: offset, anchor: anchor) {
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
            return search(pattern, pin.count, in: UnsafeRawPointer(start), haystack.count, from: 0, anchor: rarestIndex(pin))
                != nil
        }
    }

    /// The first offset at or after `from` where the `length` bytes at `pattern` occur in the `count`
    /// bytes at `start`: candidates are found by the needle's least common byte (`memchr`, which skips
    /// through text far faster when it looks for an apostrophe than for an `S`), then compared whole.
    private static func search(
        _ pattern: UnsafeRawPointer, _ length: Int, in start: UnsafeRawPointer, _ count: Int, from: Int, anchor: Int
    ) -> Int? {
        let anchorByte = Int32(pattern.load(fromByteOffset: anchor, as: UInt8.self))
        var offset = from
        while offset <= count - length {
            let window = count - length - offset + 1
            guard let found = memchr(start + offset + anchor, anchorByte, window) else { return nil }
            let at = start.distance(to: UnsafeRawPointer(found)) - anchor
            if memcmp(start + at, pattern, length) == 0 { return at }
            offset = at + 1
        }
        return nil
    }

    /// The index of the needle's byte least likely in prose (the first, among equals).
    private static func rarestIndex(_ needle: UnsafeRawBufferPointer) -> Int {
        var best = 0
        var bestRarity = -1
        for (index, byte) in needle.enumerated() {
            let rarity = rarities[Int(byte)]
            if rarity > bestRarity {
                best = index
                bestRarity = rarity
            }
        }
        return best
    }

    /// How rare `byte` is in English prose and YAML, roughly: spaces and common lowercase letters
    /// least, then the rest of the alphabet, full stops and commas, capitals and digits, other marks.
    private static func rarity(_ byte: UInt8) -> Int {
        switch byte {
        case UInt8(ascii: " "): return 0
        case UInt8(ascii: "a")...UInt8(ascii: "z"): return (frequencyOrder.firstIndex(of: byte) ?? 25) + 1
        case UInt8(ascii: "."), UInt8(ascii: ","), 0x0A: return 30
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return 40
        case 0x80...: return 45
        default: return 50
        }
    }

    private static let frequencyOrder = Array("etaoinshrdlcumwfgypbvkjxqz".utf8)
    /// `rarity` of every byte, worked out once.
    private static let rarities: [Int] = (0...255).map { rarity(UInt8($0)) }
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
