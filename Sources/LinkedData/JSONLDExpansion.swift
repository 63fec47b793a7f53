import ToolkitSupport

/// The Expansion Algorithm (JSON-LD 1.1 Processing Algorithms §5.1, §5.3.2): a document with its
/// contexts applied, every term an IRI, every value an object. Bounded: nesting deeper than
/// `maximumDepth` or more than `maximumNodes` values is refused, as a hostile document would.
struct Expander {
    let contexts: ContextProcessor
    static let maximumDepth = 64
    static let maximumNodes = 200_000
    private var visited = 0
    /// Refuse, rather than drop or map through `@vocab`, any member name or type that is not a term
    /// the contexts define, and any `@context` below the top: what is read from such a document is
    /// then exactly what it says, for every JSON reader.
    var strict = false

    init(loader: any ContextLoader, strict: Bool = false) {
        self.contexts = ContextProcessor(loader: loader)
        self.strict = strict
    }

    /// The expanded form of `document`: an array of node objects.
    mutating func expand(_ document: JSONValue) throws(LinkedDataError) -> [JSONValue] {
        let expanded = try expand(ActiveContext(), property: nil, document, depth: 0)
        if case .object(let members)? = expanded, members.count == 1, let graph = members["@graph"] {
            return graph.arrayValue ?? [graph]
        }
        guard let expanded else { return [] }
        return expanded.arrayValue ?? [expanded]
    }

    private mutating func expand(
        _ context: ActiveContext, property: String?, _ element: JSONValue, depth: Int, fromMap: Bool = false
    ) throws(LinkedDataError) -> JSONValue? {
        visited += 1
        guard depth <= Self.maximumDepth, visited <= Self.maximumNodes else {
            throw LinkedDataError("the document is nested too deeply or too large to process")
        }
        var active = context
        let propertyScoped = property.flatMap { active.terms[$0]?.context }
        switch element {
        case .null: return nil
        case .array(let items):
            var result: [JSONValue] = []
            let isList = property.flatMap { active.terms[$0] }?.container.contains("@list") == true
            for item in items {
                guard var expanded = try expand(active, property: property, item, depth: depth + 1) else { continue }
                if isList, case .array(let inner) = expanded { expanded = .object(["@list": .array(inner)]) }
                if case .array(let inner) = expanded { result += inner } else { result.append(expanded) }
            }
            return .array(result)
        case .object(let members):
            return try expandObject(
                &active, property: property, members, propertyScoped: propertyScoped, depth: depth, fromMap: fromMap)
        default:
            if property == nil || property == "@graph" { return nil }
            if let propertyScoped { active = try contexts.process(active, propertyScoped, overrideProtected: true) }
            return try expandValue(&active, property: property!, element)
        }
    }

    private mutating func expandObject(
        _ active: inout ActiveContext, property: String?, _ element: [String: JSONValue], propertyScoped: JSONValue?,
        depth: Int, fromMap: Bool
    ) throws(LinkedDataError) -> JSONValue? {
        // A type-scoped context does not reach into nested node objects.
        if let previous = active.previous.first, !fromMap {
            var expandsToValue = false
            var keyIDs: [String] = []
            for key in element.keys {
                let expanded = try contexts.expandIRI(&active, key, vocab: true)
                if expanded == "@value" { expandsToValue = true }
                keyIDs.append(expanded ?? "")
            }
            if !expandsToValue && !(keyIDs.count == 1 && keyIDs[0] == "@id") { active = previous }
        }
        if let propertyScoped { active = try contexts.process(active, propertyScoped, overrideProtected: true) }
        if let local = element["@context"] {
            if strict && depth > 0 { throw LinkedDataError("an embedded @context (only the top may name contexts)") }
            active = try contexts.process(active, local)
        }
        var typeScoped = active
        var typeKeys: [String] = []
        for key in element.keys.sorted() where try contexts.expandIRI(&active, key, vocab: true) == "@type" {
            typeKeys.append(key)
            let values = (element[key]!.arrayValue ?? [element[key]!]).compactMap(\.stringValue).sorted()
            for term in values {
                if let scoped = typeScoped.terms[term]?.context {
                    active = try contexts.process(active, scoped, propagate: false)
                }
            }
        }
        var result: [String: JSONValue] = [:]
        var inputType: String?
        if let lastKey = typeKeys.last, let types = element[lastKey] {
            if let last = (types.arrayValue ?? [types]).last?.stringValue {
                inputType = try contexts.expandIRI(&active, last, vocab: true)
            }
        }
        for key in element.keys.sorted() where key != "@context" {
            let value = element[key]!
            if strict, !Keyword.all.contains(key), active.terms[key]?.iri == nil {
                throw LinkedDataError("`\(key)` is not a term the credential's contexts define")
            }
            guard let expandedProperty = try contexts.expandIRI(&active, key, vocab: true) else { continue }
            if Keyword.all.contains(expandedProperty) {
                try expandKeyword(
                    expandedProperty, value, into: &result, active: &active, typeScoped: &typeScoped, property: property,
                    inputType: inputType, depth: depth)
                continue
            }
            guard expandedProperty.contains(":") else { continue }  // not an IRI: dropped, as the spec does
            let definition = active.terms[key]
            var expanded: JSONValue?
            if definition?.typeMapping == "@json" {
                expanded = .object(["@value": value, "@type": "@json"])
            } else if definition?.container.contains("@language") == true, case .object(let languages) = value {
                var strings: [JSONValue] = []
                for language in languages.keys.sorted() {
                    for item in languages[language]!.arrayValue ?? [languages[language]!] {
                        guard case .string = item else { throw LinkedDataError("invalid language map value") }
                        var object: [String: JSONValue] = ["@value": item]
                        if language != "@none" { object["@language"] = .string(language.lowercased()) }
                        strings.append(.object(object))
                    }
                }
                expanded = .array(strings)
            } else if let container = definition?.container,
                !container.isDisjoint(with: ["@index", "@id", "@type"]), case .object = value
            {
                throw LinkedDataError("index, id and type maps are not supported (`\(key)`)")
            } else {
                expanded = try expand(active, property: key, value, depth: depth + 1)
            }
            guard var expandedValue = expanded else { continue }
            if definition?.container.contains("@list") == true, !(expandedValue["@list"] != nil) {
                expandedValue = .object(["@list": .array(expandedValue.arrayValue ?? [expandedValue])])
            }
            if let container = definition?.container, container.contains("@graph"),
                container.isDisjoint(with: ["@id", "@index"])
            {
                expandedValue = .array(
                    (expandedValue.arrayValue ?? [expandedValue]).map { .object(["@graph": .array($0.arrayValue ?? [$0])]) })
            }
            let existing = result[expandedProperty]?.arrayValue ?? []
            result[expandedProperty] = .array(existing + (expandedValue.arrayValue ?? [expandedValue]))
        }
        return try finish(result, property: property)
    }

    private mutating func expandKeyword(
        _ keyword: String, _ value: JSONValue, into result: inout [String: JSONValue], active: inout ActiveContext,
        typeScoped: inout ActiveContext, property: String?, inputType: String?, depth: Int
    ) throws(LinkedDataError) {
        if result[keyword] != nil && keyword != "@type" { throw LinkedDataError("colliding keywords: \(keyword)") }
        var expanded: JSONValue?
        switch keyword {
        case "@id":
            guard case .string(let text) = value else { throw LinkedDataError("invalid @id value") }
            expanded = try contexts.expandIRI(&active, text, documentRelative: true).map(JSONValue.string) ?? .null
        case "@type":
            let items = value.arrayValue ?? [value]
            var types: [JSONValue] = []
            for item in items {
                guard case .string(let text) = item else { throw LinkedDataError("invalid type value") }
                if strict, typeScoped.terms[text]?.iri == nil {
                    throw LinkedDataError("the type `\(text)` is not a term the credential's contexts define")
                }
                if let iri = try contexts.expandIRI(&typeScoped, text, vocab: true, documentRelative: true) {
                    types.append(.string(iri))
                }
            }
            let earlier = result["@type"]?.arrayValue ?? []
            expanded = (value.arrayValue == nil && earlier.isEmpty) ? types.first : .array(earlier + types)
        case "@graph":
            let graph = try expand(active, property: "@graph", value, depth: depth + 1)
            expanded = .array(graph?.arrayValue ?? graph.map { [$0] } ?? [])
        case "@value":
            if inputType == "@json" {
                expanded = value
            } else {
                switch value {
                case .object, .array: throw LinkedDataError("invalid value object value")
                default: expanded = value
                }
            }
            result["@value"] = expanded
            return
        case "@language":
            guard case .string(let text) = value else { throw LinkedDataError("invalid language-tagged string") }
            expanded = .string(text.lowercased())
        case "@index":
            guard case .string = value else { throw LinkedDataError("invalid @index value") }
            expanded = value
        case "@list":
            if property == nil || property == "@graph" { return }
            let list = try expand(active, property: property, value, depth: depth + 1)
            expanded = .array(list?.arrayValue ?? list.map { [$0] } ?? [])
        case "@set":
            expanded = try expand(active, property: property, value, depth: depth + 1)
        case "@context":
            return
        default:
            throw LinkedDataError("\(keyword) is not supported in a document")
        }
        if let expanded { result[keyword] = expanded }
    }

    /// The end of §5.1 step 13 on: value objects checked, `@set` unwrapped, free-floating values dropped.
    private func finish(_ object: [String: JSONValue], property: String?) throws(LinkedDataError) -> JSONValue? {
        var result = object
        if let value = result["@value"] {
            let allowed: Set<String> = ["@value", "@language", "@type", "@index", "@direction"]
            guard Set(result.keys).isSubset(of: allowed), !(result["@type"] != nil && result["@language"] != nil) else {
                throw LinkedDataError("invalid value object")
            }
            if result["@type"] == .string("@json") { return .object(result) }
            if value == .null { return nil }
            if result["@language"] != nil, value.stringValue == nil {
                throw LinkedDataError("invalid language-tagged value")
            }
            if let type = result["@type"], !(type.stringValue.map(isAbsoluteIRI) ?? false) {
                throw LinkedDataError("invalid typed value")
            }
        } else if let type = result["@type"], type.arrayValue == nil {
            result["@type"] = .array([type])
        } else if result["@set"] != nil || result["@list"] != nil {
            guard result.count <= 1 || (result.count == 2 && result["@index"] != nil) else {
                throw LinkedDataError("invalid set or list object")
            }
            if let set = result["@set"] { return set }
        }
        if result.count == 1, result["@language"] != nil { return nil }
        if property == nil || property == "@graph" {
            if result.isEmpty || result["@value"] != nil || result["@list"] != nil { return nil }
            if result.count == 1, result["@id"] != nil { return nil }
        }
        return .object(result)
    }

    /// Value Expansion (§5.3.2).
    private func expandValue(_ active: inout ActiveContext, property: String, _ value: JSONValue) throws(LinkedDataError)
        -> JSONValue
    {
        let definition = active.terms[property]
        if definition?.typeMapping == "@id", case .string(let text) = value {
            return .object(["@id": try contexts.expandIRI(&active, text, documentRelative: true).map(JSONValue.string) ?? .null])
        }
        if definition?.typeMapping == "@vocab", case .string(let text) = value {
            return .object([
                "@id": try contexts.expandIRI(&active, text, vocab: true, documentRelative: true).map(JSONValue.string) ?? .null
            ])
        }
        var result: [String: JSONValue] = ["@value": value]
        if let type = definition?.typeMapping, !["@id", "@vocab", "@none"].contains(type) {
            result["@type"] = .string(type)
        } else if case .string = value {
            let language = definition?.language ?? active.defaultLanguage
            if let language { result["@language"] = .string(language) }
        }
        return .object(result)
    }
}
