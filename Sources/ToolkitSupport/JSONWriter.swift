/// Writes a `JSONValue` as JSON text, byte for byte as Foundation's `JSONEncoder` does with sorted
/// keys (and unescaped slashes, unless asked) (compact, or pretty-printed with two-space indents and ` : `), without
/// going through `Encodable` and `Data`: signing and baking write tens of thousands of documents, and
/// the encoder's generic path cost more than the signatures. A test compares the two on generated values.
struct JSONWriter {
    /// Whether to pretty-print.
    let pretty: Bool
    /// Whether to write `/` as `\/`.
    let escapesSlashes: Bool
    /// The text so far.
    private(set) var bytes: [UInt8] = []

    /// A writer that pretty-prints or not.
    init(pretty: Bool, escapesSlashes: Bool = false) {
        self.pretty = pretty
        self.escapesSlashes = escapesSlashes
        bytes.reserveCapacity(1024)
    }

    /// Writes `value` at nesting `depth`; false when it holds a number JSON cannot write (NaN, infinity).
    mutating func write(_ value: JSONValue, depth: Int = 0) -> Bool {
        switch value {
        case .null: append("null")
        case .bool(let flag): append(flag ? "true" : "false")
        case .string(let text): writeString(text)
        case .number(let number):
            guard number.isFinite else { return false }
            if number == number.rounded(), abs(number) < 1e15 {
                append(String(Int(number)))
            } else {
                var text = number.description
                if text.hasSuffix(".0") { text.removeLast(2) }
                append(text)
            }
        case .array(let elements):
            return writeContainer(open: "[", close: "]", count: elements.count, depth: depth) { index, writer in
                writer.write(elements[index], depth: depth + 1)
            }
        case .object(let members):
            let keys = members.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            return writeContainer(open: "{", close: "}", count: keys.count, depth: depth) { index, writer in
                writer.writeString(keys[index])
                writer.append(writer.pretty ? " : " : ":")
                return writer.write(members[keys[index]] ?? .null, depth: depth + 1)
            }
        }
        return true
    }

    private mutating func writeContainer(
        open: String, close: String, count: Int, depth: Int, element: (Int, inout JSONWriter) -> Bool
    ) -> Bool {
        append(open)
        if pretty { bytes.append(0x0A) }
        for index in 0..<count {
            if index > 0 { append(pretty ? ",\n" : ",") }
            indent(depth + 1)
            guard element(index, &self) else { return false }
        }
        if pretty {
            bytes.append(0x0A)
            indent(depth)
        }
        append(close)
        return true
    }

    private mutating func indent(_ depth: Int) {
        if pretty { bytes.append(contentsOf: repeatElement(0x20, count: depth * 2)) }
    }

    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    private mutating func writeString(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "/") where escapesSlashes: append("\\/")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x0A: append("\\n")
            case 0x0D: append("\\r")
            case 0x09: append("\\t")
            case 0..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
