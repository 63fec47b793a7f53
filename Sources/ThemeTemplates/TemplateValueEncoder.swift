/// Turns `Encodable` views into template values through their compiled `encode(to:)`: structs become
/// objects, arrays lists, and optionals that are nil are left out (so that a section over them
/// renders nothing). Reflection did the same job at several times the cost, resolving every field
/// by name at run time.
public enum TemplateValueEncoder {
    /// The template value of `value`.
    public static func encode(_ value: some Encodable) throws -> TemplateValue {
        let slot = Slot()
        try value.encode(to: SlotEncoder(slot: slot, codingPath: []))
        return slot.value ?? .object([:])
    }
}

/// Where one value is being built.
private final class Slot {
    enum Kind {
        case empty, value, object, list
    }

    var kind = Kind.empty
    var scalar: TemplateValue?
    var fields: [String: Slot] = [:]
    var items: [Slot] = []

    var value: TemplateValue? {
        switch kind {
        case .empty: nil
        case .value: scalar
        case .object: .object(fields.compactMapValues(\.value))
        case .list: .list(items.compactMap(\.value))
        }
    }

    /// A new slot for the field `key` of this object.
    func field(_ key: String) -> Slot {
        kind = .object
        let slot = Slot()
        fields[key] = slot
        return slot
    }

    /// A new slot at the end of this list.
    func appended() -> Slot {
        kind = .list
        let slot = Slot()
        items.append(slot)
        return slot
    }

    func set(_ value: TemplateValue) {
        kind = .value
        scalar = value
    }
}

private struct SlotEncoder: Encoder {
    let slot: Slot
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        slot.kind = .object
        return KeyedEncodingContainer(KeyedSlotContainer<Key>(slot: slot, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        slot.kind = .list
        return UnkeyedSlotContainer(slot: slot, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleSlotContainer(slot: slot, codingPath: codingPath)
    }
}

/// The template value of a primitive, or nil for a value that encodes itself (decided by comparing
/// types, which is cheaper than trying casts on every struct).
private func primitive<Value: Encodable>(_ value: Value) -> TemplateValue? {
    if Value.self == String.self { return .text(value as! String) }
    if Value.self == Int.self { return .number(value as! Int) }
    if Value.self == Bool.self { return .flag(value as! Bool) }
    if Value.self == Double.self { return .text(String(describing: value as! Double)) }
    return nil
}

private struct KeyedSlotContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil(forKey key: Key) throws {}
    mutating func encode(_ value: String, forKey key: Key) throws { slot.field(key.stringValue).set(.text(value)) }
    mutating func encode(_ value: Int, forKey key: Key) throws { slot.field(key.stringValue).set(.number(value)) }
    mutating func encode(_ value: Bool, forKey key: Key) throws { slot.field(key.stringValue).set(.flag(value)) }
    mutating func encode(_ value: Double, forKey key: Key) throws {
        slot.field(key.stringValue).set(.text(String(describing: value)))
    }

    mutating func encode(_ value: some Encodable, forKey key: Key) throws {
        let field = slot.field(key.stringValue)
        if let primitive = primitive(value) {
            field.set(primitive)
        } else {
            try value.encode(to: SlotEncoder(slot: field, codingPath: codingPath + [key]))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(
        keyedBy keyType: NestedKey.Type, forKey key: Key
    ) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.field(key.stringValue), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.field(key.stringValue), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.field("super"), codingPath: codingPath) }
    mutating func superEncoder(forKey key: Key) -> any Encoder {
        SlotEncoder(slot: slot.field(key.stringValue), codingPath: codingPath + [key])
    }
}

private struct UnkeyedSlotContainer: UnkeyedEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]
    var count: Int { slot.items.count }

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { slot.appended().set(.text(value)) }
    mutating func encode(_ value: Int) throws { slot.appended().set(.number(value)) }
    mutating func encode(_ value: Bool) throws { slot.appended().set(.flag(value)) }

    mutating func encode(_ value: some Encodable) throws {
        let item = slot.appended()
        if let primitive = primitive(value) {
            item.set(primitive)
        } else {
            try value.encode(to: SlotEncoder(slot: item, codingPath: codingPath))
        }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<NestedKey> {
        SlotEncoder(slot: slot.appended(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        SlotEncoder(slot: slot.appended(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { SlotEncoder(slot: slot.appended(), codingPath: codingPath) }
}

private struct SingleSlotContainer: SingleValueEncodingContainer {
    let slot: Slot
    let codingPath: [any CodingKey]

    mutating func encodeNil() throws {}
    mutating func encode(_ value: String) throws { slot.set(.text(value)) }
    mutating func encode(_ value: Int) throws { slot.set(.number(value)) }
    mutating func encode(_ value: Bool) throws { slot.set(.flag(value)) }

    mutating func encode(_ value: some Encodable) throws {
        if let primitive = primitive(value) {
            slot.set(primitive)
        } else {
            try value.encode(to: SlotEncoder(slot: slot, codingPath: codingPath))
        }
    }
}
