import Foundation

/// A JSON value that keeps Open Badges documents exact: written with sorted keys (deterministic),
/// read back for verification.
public indirect enum JSONValue: Hashable, Sendable, Codable, ExpressibleByStringLiteral, ExpressibleByDictionaryLiteral,
    ExpressibleByArrayLiteral, ExpressibleByBooleanLiteral
{
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSONValue])
    case object([String: JSONValue])
    case null

    /// Creates a string value.
    public init(stringLiteral value: String) { self = .string(value) }
    /// Creates an object.
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    /// Creates an array.
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    /// Creates a boolean.
    public init(booleanLiteral value: Bool) { self = .bool(value) }

    /// Decodes any JSON value.
    public init(from decoder: Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    /// Encodes the value.
    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if value == value.rounded(), abs(value) < 1e15 {
                try container.encode(Int(value))
            } else {
                try container.encode(value)
            }
        case .bool(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        case .null: try container.encodeNil()
        }
    }

    /// The member of an object, if any.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members[key] }
        return nil
    }

    /// The string, if this is one.
    public var stringValue: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The elements, if this is an array.
    public var arrayValue: [JSONValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// Pretty-printed JSON with sorted keys and unescaped slashes, as files are published.
    /// (A value holding a number JSON cannot write, NaN or an infinity, is written as `null`.)
    public func prettyBytes() -> [UInt8] {
        var writer = JSONWriter(pretty: true)
        return writer.write(self) ? writer.bytes + [0x0A] : Array("null\n".utf8)
    }

    /// Compact JSON with sorted keys (for signing and baking compactly); `escapingSlashes` writes `/`
    /// as `\/`, as `JSONEncoder` does by default (what pages have always carried).
    public func compactBytes(escapingSlashes: Bool = false) -> [UInt8] {
        var writer = JSONWriter(pretty: false, escapesSlashes: escapingSlashes)
        return writer.write(self) ? writer.bytes : Array("null".utf8)
    }

    /// Parses JSON bytes strictly (see `StrictJSONParser`: a member name written twice is refused)
    /// within `limits`.
    public static func parse(_ bytes: [UInt8], limits: JSONParseLimits = .standard) throws(JSONParseError) -> JSONValue {
        try StrictJSONParser.parse(bytes, limits: limits)
    }
}
