import Testing
import ToolkitSupport

/// Byte search finds every occurrence a naive scan finds, whichever byte of the needle it anchors on,
/// at the edges of the buffer too.
@Suite("Byte search")
struct ByteSearchTests {
    /// Every non-overlapping occurrence, found one offset at a time.
    static func naive(_ needle: [UInt8], _ haystack: [UInt8]) -> [Int] {
        guard !needle.isEmpty else { return [] }
        var found: [Int] = []
        var offset = 0
        while offset + needle.count <= haystack.count {
            if Array(haystack[offset..<(offset + needle.count)]) == needle {
                found.append(offset)
                offset += needle.count
            } else {
                offset += 1
            }
        }
        return found
    }

    @Test("offsets agree with a naive scan over generated texts and needles")
    func agreesWithNaiveScan() {
        let alphabet = Array("ab S'.é\n".utf8)
        var state: UInt64 = 7
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for _ in 0..<3000 {
            let haystack = (0..<next(40)).map { _ in alphabet[next(alphabet.count)] }
            let needle = (0..<(1 + next(4))).map { _ in alphabet[next(alphabet.count)] }
            #expect(ByteSearch.offsets(of: needle, in: haystack) == Self.naive(needle, haystack), "\(needle) in \(haystack)")
            #expect(ByteSearch.contains(needle, in: haystack) == !Self.naive(needle, haystack).isEmpty)
        }
    }

    @Test("a needle at the very start and the very end, an empty needle, a needle longer than the text")
    func edges() {
        let text = Array("Say it. Write the Thing's text here.".utf8)
        #expect(ByteSearch.offsets(of: Array("Say".utf8), in: text) == [0])
        #expect(ByteSearch.offsets(of: Array("here.".utf8), in: text) == [text.count - 5])
        #expect(ByteSearch.offsets(of: Array("Thing's".utf8), in: text) == [18])
        #expect(ByteSearch.offsets(of: [], in: text).isEmpty)
        #expect(ByteSearch.offsets(of: text + [0x20], in: text).isEmpty)
        #expect("id--x".contains(literal: "--") && !"id-x".contains(literal: "--"))
        #expect("Thing’s".contains(literal: "’s") && !"Things".contains(literal: "’"))
    }
}
