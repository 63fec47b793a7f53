import CourseModel
import CourseYAML
import ToolkitSupport

/// Reads one YAML mapping into typed values, reporting every problem with its exact position:
/// unknown keys (with did-you-mean), missing required fields, wrong value types. The keys it knows
/// come from a `MappingDefinition` of `CourseFileFields`, and in debug builds every read is checked
/// against it (the type asked for, whether it is required), so the table the JSON Schemas are
/// written from cannot drift from what the loader reads.
final class MappingReader {
    /// Where each field was written.
    private(set) var fields: FieldLocations
    /// What the mapping describes, for messages ("Thing", "activity").
    let entityName: String
    /// The keys the mapping may have.
    let definition: MappingDefinition
    /// The variant of `definition` read, when it has variants and the mapping names one.
    let variant: String?
    private let yaml: YAMLText
    private let sink: FindingSink
    /// The known keys present, with their values, in written order (a scan: mappings are small).
    private var values: [(key: String, node: YAMLNode)] = []
    /// Known keys that an unknown key was taken to be a misspelling of (reported with a did-you-mean).
    private var misspelt: Set<String> = []

    /// Reads `node` as a mapping whose keys must be among `definition`'s (with those of the variant
    /// `variant`; of every variant when nil); nil (after reporting) when it is not a mapping.
    init?(
        _ node: YAMLNode, yaml: YAMLText, sink: FindingSink, entityName: String, definition: MappingDefinition,
        variant: String? = nil
    ) {
        self.yaml = yaml
        self.sink = sink
        self.entityName = entityName
        self.definition = definition
        self.variant = variant
        let knownKeys = definition.knownKeys(variant: variant)
        let location = yaml.location(of: node)
        self.fields = FieldLocations(entity: location)
        guard node.kind == .mapping else {
            sink.error(
                LoaderRuleID.valueType, "\(entityName) must be a mapping of `key: value` lines, not \(Self.describe(node))",
                at: location)
            return nil
        }
        for (keyNode, value) in node.pairs {
            let key = keyNode.scalar ?? ""
            let keyLocation = yaml.location(of: keyNode)
            guard knownKeys.contains(key) else {
                if let meant = NameSuggestion.closest(to: key, in: knownKeys) { misspelt.insert(meant) }
                sink.error(
                    LoaderRuleID.unknownKey, "unknown key `\(key)` in \(entityName)", at: keyLocation,
                    hint: NameSuggestion.hint(for: key, in: knownKeys)
                        ?? "known keys: \(knownKeys.joined(separator: ", "))")
                continue
            }
            values.append((key, value))
            fields.record(key, key: keyLocation, value: yaml.location(of: value))
        }
    }

    /// Whether the key is present with a non-null value.
    func has(_ key: String) -> Bool { present(key) != nil }

    /// Text; numbers and booleans are taken as written. Reports lists and mappings.
    func string(_ key: String, required: Bool = false) -> String? {
        assertDefined(key, required: required) {
            switch $0 {
            case .text, .identifier, .url, .oneOf: true
            default: false
            }
        }
        guard let node = present(key, required: required) else { return nil }
        guard let text = node.scalar else {
            typeError(key, expected: "text", found: node)
            return nil
        }
        if required, text.allSatisfy(\.isWhitespace) {
            sink.error(LoaderRuleID.requiredField, "`\(key)` of \(entityName) is empty", at: fields[key])
            return nil
        }
        return carriable(text, key: key, at: yaml.location(of: node))
    }

    /// `text` when pages and manifests can carry every character of it; otherwise reported (an escape
    /// such as `"\x01"` in double quotes yields characters XML refuses) and nil.
    private func carriable(_ text: String, key: String, at location: SourceLocation) -> String? {
        guard let bad = text.unicodeScalars.first(where: Self.isUncarriable) else { return text }
        sink.error(
            LoaderRuleID.textEncoding,
            "`\(key)` holds the control character U+\(String(bad.value, radix: 16, uppercase: true).leftPadded(to: 4)), which pages and SCORM manifests cannot carry",
            at: location, hint: "remove it (an escape such as `\\x01` or `\\u0001` in double quotes writes one)")
        return nil
    }

    /// Characters XML 1.0 cannot hold: C0 controls other than tab and line breaks, and U+FFFE/U+FFFF.
    static func isUncarriable(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t" && scalar != "\n" && scalar != "\r") || scalar.value == 0xFFFE
            || scalar.value == 0xFFFF
    }

    /// A whole number.
    func int(_ key: String, required: Bool = false) -> Int? {
        assertDefined(key, required: required) {
            if case .wholeNumber = $0 { true } else { false }
        }
        guard let node = present(key, required: required) else { return nil }
        guard let value = ScalarKind.int(node) else {
            typeError(key, expected: "a whole number", found: node)
            return nil
        }
        // The field table's range is the one the schemas state: a value outside it is refused here.
        if let field = definition.field(key, variant: variant), case .wholeNumber(let minimum?) = field.type, value < minimum {
            sink.error(
                LoaderRuleID.allowedValue, "`\(key)` must be at least \(minimum), not \(value)", at: yaml.location(of: node),
                hint: field.isRequired ? nil : "leave `\(key)` out when there is nothing to count")
            return nil
        }
        return value
    }

    /// A number.
    func double(_ key: String) -> Double? {
        assertDefined(key, required: false) {
            if case .number = $0 { true } else { false }
        }
        guard let node = present(key) else { return nil }
        let fraction: Double? = {
            // `75%` or `75` for a value between 0 and 1: a pass mark written as a percentage.
            guard case .number(let minimum, let maximum) = definition.field(key, variant: variant)?.type, minimum == 0,
                maximum == 1, let text = node.scalar
            else { return nil }
            let digits = text.hasSuffix("%") ? String(text.dropLast()).trimmingCharacters(in: .whitespaces) : text
            guard let percent = Double(digits), percent > 1, percent <= 100 else { return nil }
            return percent / 100
        }()
        let percentageHint = fraction.map {
            "a share is written between 0 and 1: for \(Self.percent($0)) write `\(Self.decimal($0))`"
        }
        guard let value = ScalarKind.number(node) else {
            typeError(key, expected: "a number", found: node, hint: percentageHint)
            return nil
        }
        if case .number(let minimum, let maximum) = definition.field(key, variant: variant)?.type,
            !(minimum...maximum).contains(value)
        {
            sink.error(
                LoaderRuleID.allowedValue,
                "`\(key)` must be between \(Self.decimal(minimum)) and \(Self.decimal(maximum)), not \(node.scalar ?? "")",
                at: yaml.location(of: node), hint: percentageHint)
            return nil
        }
        return value
    }

    /// `0.75` as written in YAML (no trailing `.0` for whole numbers).
    static func decimal(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// `0.75` as `75%`.
    static func percent(_ share: Double) -> String { decimal((share * 10000).rounded() / 100) + "%" }

    /// `true` or `false`; `defaultValue` when absent.
    func bool(_ key: String, default defaultValue: Bool) -> Bool {
        assertDefined(key, required: false) { $0 == .boolean }
        guard let node = present(key) else { return defaultValue }
        guard let value = ScalarKind.bool(node) else {
            typeError(key, expected: "`true` or `false`", found: node)
            return defaultValue
        }
        return value
    }

    /// One of a fixed set of values; reports others with a did-you-mean.
    func oneOf<Value: RawRepresentable & CaseIterable>(
        _ key: String, as type: Value.Type, required: Bool = false
    ) -> Value? where Value.RawValue == String {
        assertDefined(key, required: required) { $0 == .oneOf(Value.allCases.map(\.rawValue)) }
        guard let text = string(key, required: required) else { return nil }
        if let value = Value(rawValue: text) { return value }
        let allowed = Value.allCases.map(\.rawValue)
        sink.error(
            LoaderRuleID.allowedValue,
            "`\(key)` must be one of \(allowed.map { "`\($0)`" }.joined(separator: ", ")), not `\(text)`",
            at: fields[key], hint: NameSuggestion.hint(for: text, in: allowed))
        return nil
    }

    /// An id naming something defined elsewhere.
    func reference(_ key: String, required: Bool = false) -> Reference? {
        assertDefined(key, required: required) { $0 == .identifier }
        guard let text = string(key, required: required) else { return nil }
        return Reference(id: text, location: fields[key])
    }

    /// A list of texts.
    func strings(_ key: String, required: Bool = false) -> [String] {
        assertDefined(key, required: required) { $0 == .textList }
        return listOfScalars(key, required: required).map(\.text)
    }

    /// A list of ids, each with its own position.
    func references(_ key: String, required: Bool = false) -> [Reference] {
        assertDefined(key, required: required) { $0 == .identifierList }
        return listOfScalars(key, required: required).map { Reference(id: $0.text, location: $0.location) }
    }

    /// The items of a list of mappings or values; reports anything that is not a list.
    func sequence(_ key: String, required: Bool = false) -> [YAMLNode] {
        assertDefined(key, required: required) {
            if case .listOf = $0 { true } else { false }
        }
        guard let node = present(key, required: required) else { return [] }
        guard node.kind == .sequence else {
            typeError(key, expected: "a list", found: node)
            return []
        }
        return node.items
    }

    /// A nested mapping, read by the definition of `key`.
    func mapping(_ key: String, entityName: String, required: Bool = false) -> MappingReader? {
        guard case .mapping(let nested) = definition.field(key, variant: variant)?.type else {
            preconditionFailure("`\(key)` of \(definition.name) is not defined as a mapping in CourseFileFields")
        }
        assertDefined(key, required: required) { _ in true }
        guard let node = present(key, required: required) else { return nil }
        return MappingReader(node, yaml: yaml, sink: sink, entityName: entityName, definition: nested)
    }

    /// A reader for an item of the list `key` of the same file, read by the list's item definition
    /// (with the keys of `variant` when it has variants).
    func child(_ node: YAMLNode, of key: String, entityName: String, variant: String? = nil) -> MappingReader? {
        // `key` is one of this mapping's keys (of its own variant: two types may name a key alike);
        // `variant` is the item's.
        guard case .listOf(let item) = definition.field(key, variant: self.variant)?.type else {
            preconditionFailure("`\(key)` of \(definition.name) is not defined as a list of mappings in CourseFileFields")
        }
        return MappingReader(node, yaml: yaml, sink: sink, entityName: entityName, definition: item, variant: variant)
    }

    /// In debug builds, stops when `key` is read as something its definition does not say: a type
    /// `matches` refuses, or a different required-ness.
    private func assertDefined(_ key: String, required: Bool, _ matches: (FieldType) -> Bool) {
        assert(
            {
                guard let field = definition.field(key, variant: variant) else { return false }
                return matches(field.type) && field.isRequired == required
            }(), "`\(key)` of \(definition.name) is read otherwise than CourseFileFields defines it")
    }

    /// The position of a node of the same file.
    func location(of node: YAMLNode) -> SourceLocation { yaml.location(of: node) }

    /// Records a finding about a field's value.
    func report(_ ruleID: String, _ message: String, field: String, hint: String? = nil) {
        sink.error(ruleID, message, at: fields[field], hint: hint)
    }

    private func listOfScalars(_ key: String, required: Bool) -> [(text: String, location: SourceLocation)] {
        guard let node = present(key, required: required) else { return [] }
        guard node.kind == .sequence else {
            typeError(key, expected: "a list", found: node, hint: "write a list, such as `\(key): [first, second]`")
            return []
        }
        return node.items.compactMap { item in
            guard let text = item.scalar else {
                sink.error(
                    LoaderRuleID.valueType, "each entry of `\(key)` must be text, not \(Self.describe(item))",
                    at: yaml.location(of: item))
                return nil
            }
            warnIfFolded(item, key: key)
            return carriable(text, key: key, at: yaml.location(of: item)).map { ($0, yaml.location(of: item)) }
        }
    }

    /// Warns when a plain list item ran on into lines below it that start with `- `: an item indented
    /// one space too far, which YAML reads as more words of the item above (`First - Second`).
    private func warnIfFolded(_ item: YAMLNode, key: String) {
        guard let text = item.plainScalar, text.contains(literal: " - ") else { return }
        let dashColumn = item.column - 2
        var line = item.line + 1
        while let source = yaml.sourceLine(line) {
            let indentation = source.prefix { $0 == " " }.count
            let rest = source.dropFirst(indentation)
            if rest.isEmpty || rest.hasPrefix("#") {
                line += 1
                continue
            }
            guard indentation + 1 > dashColumn else { return }  // the next item or key: the item ended
            if rest.hasPrefix("- ") {
                sink.warning(
                    LoaderRuleID.listItemFolded,
                    "this line is read as more words of the `\(key)` item above it, not as an item of its own",
                    at: SourceLocation(file: yaml.file, line: line + yaml.lineOffset, column: indentation + 1),
                    hint: "indent the `- ` as the item above (column \(dashColumn))")
                return
            }
            line += 1
        }
    }

    private func present(_ key: String, required: Bool = false) -> YAMLNode? {
        let written = values.first { $0.key == key }?.node
        guard let node = written, !ScalarKind.isNull(node) else {
            // A required key written misspelt (`langauge:`) was reported as unknown with a did-you-mean:
            // saying it is missing too would be the same slip twice.
            if required && !(written == nil && misspelt.contains(key)) {
                if written != nil {
                    sink.error(LoaderRuleID.requiredField, "`\(key)` of \(entityName) has no value", at: fields[key])
                } else {
                    sink.error(
                        LoaderRuleID.requiredField, "\(entityName) is missing the required field `\(key)`", at: fields.entity,
                        hint: "add `\(key): …`")
                }
            }
            return nil
        }
        return node
    }

    private func typeError(_ key: String, expected: String, found node: YAMLNode, hint: String? = nil) {
        sink.error(
            LoaderRuleID.valueType, "`\(key)` must be \(expected), not \(Self.describe(node))", at: yaml.location(of: node),
            hint: hint)
    }

    /// A short description of a node for messages.
    static func describe(_ node: YAMLNode) -> String {
        guard let text = node.scalar else { return node.kind == .mapping ? "a mapping" : "a list" }
        if ScalarKind.isNull(node) { return "nothing" }
        if ScalarKind.bool(node) != nil { return "the boolean `\(text)`" }
        if ScalarKind.number(node) != nil { return "the number `\(text)`" }
        return "the text `\(text)`"
    }
}

/// The YAML 1.2 core schema's types of plain scalars, decided without regular expressions.
enum ScalarKind {
    /// `~`, `null` or nothing at all.
    static func isNull(_ node: YAMLNode) -> Bool {
        guard let text = node.plainScalar else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    /// `true` or `false` (any of the core schema's spellings).
    static func bool(_ node: YAMLNode) -> Bool? {
        switch node.plainScalar {
        case "true", "True", "TRUE": true
        case "false", "False", "FALSE": false
        default: nil
        }
    }

    /// A decimal whole number.
    static func int(_ node: YAMLNode) -> Int? {
        node.plainScalar.flatMap { Int($0) }
    }

    /// Any number.
    static func number(_ node: YAMLNode) -> Double? {
        guard let text = node.plainScalar, text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" || $0 == "." }) == true else {
            return nil
        }
        return Double(text)
    }
}

extension String {
    /// The string with zeros in front, to `width` characters.
    fileprivate func leftPadded(to width: Int) -> String { String(repeating: "0", count: max(0, width - count)) + self }
}
