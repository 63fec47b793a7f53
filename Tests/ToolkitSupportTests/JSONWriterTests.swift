import Foundation
import TestSupport
import Testing
import ToolkitSupport

/// Published badges, signatures and baked images are written by the toolkit's own JSON writer; it
/// writes byte for byte what Foundation's `JSONEncoder` writes (sorted keys, unescaped slashes, compact
/// and pretty), so nothing published changed when it replaced the encoder.
@Suite("JSON writer")
struct JSONWriterTests {
    static let pieces = [
        "", "a", "B", "Z", "_", "a10", "a2", "é", "e\u{301}", "/", "https://example.org/a/b", "\"", "\\", "\n", "\t", "\r",
        "\u{8}", "\u{C}", "\u{0}", "\u{1F}", "\u{7F}", "\u{2028}", "😀", "日本", "<script>", "&amp;", " ",
    ]
    static let numbers: [Double] = [
        0, -0.0, 1, -1, 3, 0.1, 0.5, 2.5e-5, 1e-7, 5e-324, 123_456_789.125, 1e15, 1e16, 1e21, -1e15 + 1, 999_999_999_999_999,
        1.2345678901234568e+20, 0.30000000000000004, 100,
    ]

    static func string(_ generator: inout SeededGenerator) -> String {
        (0..<generator.below(4)).map { _ in pieces[generator.below(pieces.count)] }.joined()
    }

    static func value(_ generator: inout SeededGenerator, depth: Int) -> JSONValue {
        switch generator.below(depth > 3 ? 4 : 7) {
        case 0: return .null
        case 1: return .bool(generator.below(2) == 0)
        case 2: return .string(string(&generator))
        case 3: return .number(numbers[generator.below(numbers.count)])
        case 4, 5:
            var members: [String: JSONValue] = [:]
            for _ in 0..<generator.below(5) { members[string(&generator)] = value(&generator, depth: depth + 1) }
            return .object(members)
        default: return .array((0..<generator.below(4)).map { _ in value(&generator, depth: depth + 1) })
        }
    }

    static func encoded(_ value: JSONValue, pretty: Bool) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting =
            pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        return Array(try encoder.encode(value)) + (pretty ? [0x0A] : [])
    }

    @Test("2,000 generated values are written exactly as JSONEncoder writes them, compact and pretty, slashes escaped or not")
    func matchesJSONEncoder() throws {
        var generator = SeededGenerator(seed: 2026)
        for round in 0..<2000 {
            let value = Self.value(&generator, depth: 0)
            let compact = value.compactBytes()
            let pretty = value.prettyBytes()
            #expect(
                compact == (try Self.encoded(value, pretty: false)), "round \(round): \(String(decoding: compact, as: UTF8.self))"
            )
            #expect(
                pretty == (try Self.encoded(value, pretty: true)), "round \(round): \(String(decoding: pretty, as: UTF8.self))")
            #expect(try JSONValue.parse(compact) == value, "round \(round): it reads back")
            let escaping = JSONEncoder()
            escaping.outputFormatting = [.sortedKeys]
            #expect(
                value.compactBytes(escapingSlashes: true) == Array(try escaping.encode(value)), "round \(round), slashes escaped")
        }
    }

    @Test("a number JSON cannot write makes the document null, as the encoder's failure did")
    func nonFiniteNumbers() {
        for number in [Double.nan, .infinity, -.infinity] {
            #expect(JSONValue.array([.number(1), .number(number)]).compactBytes() == Array("null".utf8))
            #expect(JSONValue.object(["a": .number(number)]).prettyBytes() == Array("null\n".utf8))
        }
    }
}
