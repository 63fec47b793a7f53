/// What a YAML value must be, as the loader reads it and as the JSON Schemas describe it.
public indirect enum FieldType: Sendable, Equatable {
    /// Text (numbers and booleans are taken as written).
    case text
    /// An id: lowercase letters, digits and single hyphens.
    case identifier
    /// A web address.
    case url
    /// A whole number, at least `minimum` when given.
    case wholeNumber(minimum: Int?)
    /// Any number between `minimum` and `maximum`.
    case number(minimum: Double, maximum: Double)
    /// `true` or `false`.
    case boolean
    /// One of a fixed list of words.
    case oneOf([String])
    /// A list of texts.
    case textList
    /// A list of ids.
    case identifierList
    /// A nested mapping.
    case mapping(MappingDefinition)
    /// A list of mappings.
    case listOf(MappingDefinition)
}

/// One key of a YAML mapping: its name, what its value must be, whether it must be written, and
/// what it means (the text editors show beside it).
public struct FieldDefinition: Sendable, Equatable {
    /// The key as written in YAML.
    public let name: String
    /// What the value must be.
    public let type: FieldType
    /// Whether the key must be present with a value.
    public let isRequired: Bool
    /// What the field means, for authors.
    public let description: String

    /// A field named `name`.
    public init(_ name: String, _ type: FieldType, required: Bool = false, _ description: String) {
        self.name = name
        self.type = type
        self.isRequired = required
        self.description = description
    }
}

/// The keys a YAML mapping may have. A mapping with variants (activities) chooses further keys by the
/// value of one of its fields (`type`).
public struct MappingDefinition: Sendable, Equatable {
    /// A short name for the mapping ("Thing", "activity"), used as the schema's title.
    public let name: String
    /// What the mapping describes.
    public let description: String
    /// The keys every mapping of this kind may have.
    public let fields: [FieldDefinition]
    /// The key whose value chooses the variant, and the keys each variant adds.
    public let variants: Variants?
    /// Keys of which exactly one must be written (a prerequisite names a `thing` or a `badge`); empty when none.
    public let exactlyOneOf: [String]

    /// Keys chosen by the value of one field.
    public struct Variants: Sendable, Equatable {
        /// The key whose value chooses (`type`).
        public let key: String
        /// Each value, in order, with the keys it adds.
        public let cases: [(value: String, fields: [FieldDefinition])]

        /// Variants chosen by `key`.
        public init(key: String, cases: [(value: String, fields: [FieldDefinition])]) {
            self.key = key
            self.cases = cases
        }

        /// The keys `value` adds; nil for a value that is not a variant.
        public func fields(for value: String) -> [FieldDefinition]? { cases.first { $0.value == value }?.fields }

        /// Every key of every variant, each once, in order.
        public var allFields: [FieldDefinition] {
            var seen = Set<String>()
            return cases.flatMap(\.fields).filter { seen.insert($0.name).inserted }
        }

        public static func == (left: Variants, right: Variants) -> Bool {
            left.key == right.key && left.cases.map(\.value) == right.cases.map(\.value)
                && left.cases.map(\.fields) == right.cases.map(\.fields)
        }
    }

    /// A mapping named `name` with `fields`.
    public init(
        _ name: String, _ description: String, fields: [FieldDefinition], variants: Variants? = nil,
        exactlyOneOf: [String] = []
    ) {
        self.name = name
        self.description = description
        self.fields = fields
        self.variants = variants
        self.exactlyOneOf = exactlyOneOf
    }

    /// The keys a mapping may have: its own, and those of the variant `variant` (every variant's when nil).
    public func knownKeys(variant: String? = nil) -> [String] {
        guard let variants else { return fields.map(\.name) }
        let extra = variant.flatMap { variants.fields(for: $0) } ?? variants.allFields
        return fields.map(\.name) + extra.map(\.name)
    }

    /// The definition of `key` among the mapping's own fields and those of the variant `variant`
    /// (the first variant's defining it when nil).
    public func field(_ key: String, variant: String? = nil) -> FieldDefinition? {
        if let own = fields.first(where: { $0.name == key }) { return own }
        let extra = variant.flatMap { variants?.fields(for: $0) } ?? variants?.allFields ?? []
        return extra.first { $0.name == key }
    }
}
