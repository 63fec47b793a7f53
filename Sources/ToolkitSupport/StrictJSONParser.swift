/// How much JSON one parse may take: a hostile credential or status list is refused by size, depth,
/// array length and value count before any later step spends time on it.
public struct JSONParseLimits: Sendable, Hashable {
    /// The most bytes.
    public var maximumBytes: Int
    /// The deepest nesting of arrays and objects.
    public var maximumDepth: Int
    /// The most elements of one array or members of one object.
    public var maximumContainerCount: Int
    /// The most values in the whole document.
    public var maximumValues: Int

    /// Limits as given.
    public init(maximumBytes: Int, maximumDepth: Int, maximumContainerCount: Int, maximumValues: Int) {
        self.maximumBytes = maximumBytes
        self.maximumDepth = maximumDepth
        self.maximumContainerCount = maximumContainerCount
        self.maximumValues = maximumValues
    }

    /// Files this toolkit writes and reads back (ledgers, badge folders): generous.
    public static let standard = JSONParseLimits(
        maximumBytes: 256 * 1024 * 1024, maximumDepth: 256, maximumContainerCount: 10_000_000, maximumValues: 50_000_000)

    /// A credential, assertion or status list presented for verification: a real one is a few
    /// kilobytes with arrays of a handful of entries (a status list's bits are one string).
    public static let untrusted = JSONParseLimits(
        maximumBytes: 1024 * 1024, maximumDepth: 64, maximumContainerCount: 1_000, maximumValues: 20_000)
}

/// Why JSON was refused, with the byte offset where it was seen.
public struct JSONParseError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What is wrong.
    public var message: String
    /// The byte offset, 0-based.
    public var offset: Int

    /// `message (at byte N)`.
    public var description: String { "\(message) (at byte \(offset))" }
}

/// A strict RFC 8259 parser: one value, UTF-8, no trailing commas or comments, and no member name
/// written twice in one object (a last-wins parser such as Python's or `JSON.parse` would read
/// another value than a first-wins one; such JSON is refused, as RFC 7493 I-JSON asks). Names that
/// are canonically equivalent Unicode count as the same name. Bounded by `JSONParseLimits`.
public struct StrictJSONParser {
    private let bytes: [UInt8]
    private let limits: JSONParseLimits
    private var position = 0
    private var values = 0

    /// Parses `bytes` as one JSON value within `limits`.
    public static func parse(_ bytes: [UInt8], limits: JSONParseLimits = .standard) throws(JSONParseError) -> JSONValue {
        guard bytes.count <= limits.maximumBytes else {
            throw JSONParseError(
                message: "the JSON is \(bytes.count) bytes, more than the \(limits.maximumBytes) allowed", offset: 0)
        }
        var parser = StrictJSONParser(bytes: bytes, limits: limits)
        parser.skipWhitespace()
        let value = try parser.value(depth: 0)
        parser.skipWhitespace()
        guard parser.position == bytes.count else { throw parser.error("unexpected text after the JSON value") }
        return value
    }

    private init(bytes: [UInt8], limits: JSONParseLimits) {
        self.bytes = bytes
        self.limits = limits
    }

    private func error(_ message: String) -> JSONParseError { JSONParseError(message: message, offset: position) }

    private mutating func skipWhitespace() {
        while position < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[position]) { position += 1 }
    }

    private mutating func value(depth: Int) throws(JSONParseError) -> JSONValue {
        values += 1
        guard values <= limits.maximumValues else {
            throw error("more than \(limits.maximumValues) values in one document")
        }
        guard position < bytes.count else { throw error("the JSON ends early") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"):
            try literal("true")
            return .bool(true)
        case UInt8(ascii: "f"):
            try literal("false")
            return .bool(false)
        case UInt8(ascii: "n"):
            try literal("null")
            return .null
        default: return .number(try number())
        }
    }

    private mutating func literal(_ word: StaticString) throws(JSONParseError) {
        let expected = UnsafeBufferPointer(start: word.utf8Start, count: word.utf8CodeUnitCount)
        guard position + expected.count <= bytes.count, bytes[position..<position + expected.count].elementsEqual(expected)
        else { throw error("not a JSON value") }
        position += expected.count
    }

    private mutating func object(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= limits.maximumDepth else { throw error("nested more than \(limits.maximumDepth) deep") }
        position += 1
        var members: [String: JSONValue] = [:]
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw error("expected a member name in quotes")
            }
            let nameOffset = position
            let name = try string()
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else { throw error("expected `:`") }
            position += 1
            skipWhitespace()
            let member = try value(depth: depth)
            guard members.updateValue(member, forKey: name) == nil else {
                throw JSONParseError(message: "the member name \"\(name)\" is written twice in one object", offset: nameOffset)
            }
            guard members.count <= limits.maximumContainerCount else {
                throw error("an object with more than \(limits.maximumContainerCount) members")
            }
            skipWhitespace()
            guard position < bytes.count else { throw error("the JSON ends inside an object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members)
            } else {
                throw error("expected `,` or `}`")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONParseError) -> JSONValue {
        guard depth <= limits.maximumDepth else { throw error("nested more than \(limits.maximumDepth) deep") }
        position += 1
        var items: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(items)
        }
        while true {
            skipWhitespace()
            items.append(try value(depth: depth))
            guard items.count <= limits.maximumContainerCount else {
                throw error("an array of more than \(limits.maximumContainerCount) elements")
            }
            skipWhitespace()
            guard position < bytes.count else { throw error("the JSON ends inside an array") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
            } else if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(items)
            } else {
                throw error("expected `,` or `]`")
            }
        }
    }

    private mutating func string() throws(JSONParseError) -> String {
        position += 1
        var scalars: [UInt8] = []
        var start = position
        while true {
            guard position < bytes.count else { throw error("the JSON ends inside a string") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                scalars += bytes[start..<position]
                position += 1
                break
            }
            if byte < 0x20 { throw error("a control character inside a string must be escaped") }
            if byte != UInt8(ascii: "\\") {
                position += 1
                continue
            }
            scalars += bytes[start..<position]
            position += 1
            guard position < bytes.count else { throw error("the JSON ends inside an escape") }
            let escape = bytes[position]
            position += 1
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scalars.append(escape)
            case UInt8(ascii: "b"): scalars.append(0x08)
            case UInt8(ascii: "f"): scalars.append(0x0C)
            case UInt8(ascii: "n"): scalars.append(0x0A)
            case UInt8(ascii: "r"): scalars.append(0x0D)
            case UInt8(ascii: "t"): scalars.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard position + 1 < bytes.count, bytes[position] == UInt8(ascii: "\\"),
                        bytes[position + 1] == UInt8(ascii: "u")
                    else { throw error("a lone surrogate in a \\u escape") }
                    position += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw error("a lone surrogate in a \\u escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw error("a lone surrogate in a \\u escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw error("not a Unicode scalar") }
                scalars += Array(String(Character(scalar)).utf8)
            default:
                throw error("an unknown escape")
            }
            start = position
        }
        guard let text = String(validating: scalars, as: UTF8.self) else { throw error("a string that is not UTF-8") }
        return text
    }

    private mutating func hex4() throws(JSONParseError) -> UInt32 {
        guard position + 4 <= bytes.count else { throw error("the JSON ends inside a \\u escape") }
        var code: UInt32 = 0
        for byte in bytes[position..<position + 4] {
            guard let digit = Hexadecimal.value(of: byte) else { throw error("a \\u escape needs four hex digits") }
            code = code << 4 | UInt32(digit)
        }
        position += 4
        return code
    }

    private mutating func number() throws(JSONParseError) -> Double {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[position]) { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let integerStart = position
        let integer = digits()
        guard integer > 0, !(integer > 1 && bytes[integerStart] == UInt8(ascii: "0")) else {
            position = start
            throw error("not a JSON value")
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            guard digits() > 0 else { throw error("a number needs digits after `.`") }
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "e") || bytes[position] == UInt8(ascii: "E") {
            position += 1
            if position < bytes.count, bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-") {
                position += 1
            }
            guard digits() > 0 else { throw error("a number needs digits in its exponent") }
        }
        guard let value = Double(String(decoding: bytes[start..<position], as: UTF8.self)), value.isFinite else {
            throw error("a number out of range")
        }
        return value
    }
}
