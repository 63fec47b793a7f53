import Foundation
import ToolkitSupport

/// A term of an RDF statement.
public enum RDFTerm: Hashable, Sendable {
    /// An IRI.
    case iri(String)
    /// A blank node, by its label (without `_:`).
    case blank(String)
    /// A literal with its datatype IRI and, for `rdf:langString`, its language.
    case literal(String, datatype: String, language: String?)

    /// The blank node label, if this is one.
    var blankLabel: String? {
        if case .blank(let label) = self { return label }
        return nil
    }
}

/// One statement of a dataset; `graph` nil is the default graph.
public struct RDFQuad: Hashable, Sendable {
    /// The subject: an IRI or a blank node.
    public var subject: RDFTerm
    /// The predicate IRI.
    public var predicate: RDFTerm
    /// The object.
    public var object: RDFTerm
    /// The graph name, nil for the default graph.
    public var graph: RDFTerm?

    /// A statement in `graph` (nil: the default graph).
    public init(subject: RDFTerm, predicate: RDFTerm, object: RDFTerm, graph: RDFTerm?) {
        self.subject = subject
        self.predicate = predicate
        self.object = object
        self.graph = graph
    }
}

/// RDF vocabulary IRIs the conversion writes.
enum RDFVocabulary {
    static let type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    static let first = "http://www.w3.org/1999/02/22-rdf-syntax-ns#first"
    static let rest = "http://www.w3.org/1999/02/22-rdf-syntax-ns#rest"
    static let nilList = "http://www.w3.org/1999/02/22-rdf-syntax-ns#nil"
    static let langString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
    static let json = "http://www.w3.org/1999/02/22-rdf-syntax-ns#JSON"
    static let string = "http://www.w3.org/2001/XMLSchema#string"
    static let boolean = "http://www.w3.org/2001/XMLSchema#boolean"
    static let integer = "http://www.w3.org/2001/XMLSchema#integer"
    static let double = "http://www.w3.org/2001/XMLSchema#double"
}

/// N-Quads, one statement per line, in the form RDFC-1.0 hashes (literal text escaped as the
/// reference implementations do: backslash, tab, line feed, carriage return and quote).
public enum NQuads {
    /// One line, with its newline.
    public static func line(_ quad: RDFQuad) -> String {
        var text = term(quad.subject) + " " + term(quad.predicate) + " " + term(quad.object)
        if let graph = quad.graph { text += " " + term(graph) }
        return text + " .\n"
    }

    static func term(_ term: RDFTerm) -> String {
        switch term {
        case .iri(let iri): return "<" + iri + ">"
        case .blank(let label): return "_:" + label
        case .literal(let value, let datatype, let language):
            var text = "\"" + escape(value) + "\""
            if let language {
                text += "@" + language
            } else if datatype != RDFVocabulary.string {
                text += "^^<" + datatype + ">"
            }
            return text
        }
    }

    private static func escape(_ value: String) -> String {
        var result = ""
        result.reserveCapacity(value.utf8.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\t": result += "\\t"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\"": result += "\\\""
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

/// JSON-LD to RDF (JSON-LD 1.1 Processing Algorithms §7.1 Node Map Generation and §8.1 Deserialize
/// JSON-LD to RDF): the statements an expanded document makes, which is what a Data Integrity proof
/// signs. Relative IRIs (there is no base) and blank-node predicates are left out, as the spec does.
public struct JSONLDToRDF {
    let loader: any ContextLoader

    /// A converter resolving remote contexts through `loader`.
    public init(loader: any ContextLoader) { self.loader = loader }

    /// The statements `document` makes, duplicates removed. `strict` refuses a document with a
    /// member name or type its contexts do not define, or an embedded context (see `Expander.strict`).
    public func quads(of document: JSONValue, strict: Bool = false) throws(LinkedDataError) -> [RDFQuad] {
        var expander = Expander(loader: loader, strict: strict)
        let expanded = try expander.expand(document)
        var map = NodeMap()
        var none: [JSONValue]? = nil
        for element in expanded { try map.add(element, graph: "@default", subject: nil, property: nil, list: &none) }
        return map.quads()
    }
}

/// Node Map Generation, kept simple: graph name → subject → node (property → values).
private struct NodeMap {
    typealias Node = [String: [JSONValue]]
    var graphs: [String: [String: Node]] = ["@default": [:]]
    var blankLabels: [String: String] = [:]
    var counter = 0

    mutating func blank(_ existing: String?) -> String {
        if let existing, let label = blankLabels[existing] { return label }
        let label = "_:b\(counter)"
        counter += 1
        if let existing { blankLabels[existing] = label }
        return label
    }

    /// One value of one property, to keep values unique without searching the list.
    private struct Entry: Hashable {
        let graph: String
        let subject: String
        let property: String
        let value: JSONValue
    }
    private var present = Set<Entry>()

    /// Appends in place (a hashed set keeps values unique): copying the list out and back, or searching
    /// it, made a credential with long arrays take minutes.
    private mutating func append(_ value: JSONValue, to subject: String, _ property: String, in graph: String, unique: Bool) {
        if unique && !present.insert(Entry(graph: graph, subject: subject, property: property, value: value)).inserted {
            return
        }
        graphs[graph, default: [:]][subject, default: ["@id": [.string(subject)]]][property, default: []].append(value)
    }

    /// Adds `element` (expanded) found as `property` of `subject` (or at the top) in `graph`; inside a
    /// list, to `list` instead.
    mutating func add(
        _ element: JSONValue, graph: String, subject: String?, property: String?, list: inout [JSONValue]?
    ) throws(LinkedDataError) {
        if case .array(let items) = element {
            for item in items { try add(item, graph: graph, subject: subject, property: property, list: &list) }
            return
        }
        guard case .object(var members) = element else { return }
        if let types = members["@type"]?.arrayValue {
            members["@type"] = .array(
                types.map { type in
                    if let text = type.stringValue, text.hasPrefix("_:") { return .string(blank(text)) }
                    return type
                })
        }
        if members["@value"] != nil {
            if list != nil {
                list!.append(.object(members))
            } else if let subject, let property {
                append(.object(members), to: subject, property, in: graph, unique: true)
            }
            return
        }
        if let inner = members["@list"] {
            var items: [JSONValue]? = []
            try add(inner, graph: graph, subject: subject, property: property, list: &items)
            let listObject = JSONValue.object(["@list": .array(items ?? [])])
            if list != nil {
                list!.append(listObject)
            } else if let subject, let property {
                append(listObject, to: subject, property, in: graph, unique: false)
            }
            return
        }
        var id: String
        if case .string(let given)? = members["@id"] {
            id = given.hasPrefix("_:") ? blank(given) : given
        } else {
            id = blank(nil)
        }
        if graphs[graph]?[id] == nil { graphs[graph, default: [:]][id] = ["@id": [.string(id)]] }
        let reference = JSONValue.object(["@id": .string(id)])
        if list != nil {
            list!.append(reference)
        } else if let subject, let property {
            append(reference, to: subject, property, in: graph, unique: true)
        }
        var none: [JSONValue]? = nil
        for type in members["@type"]?.arrayValue ?? [] { append(type, to: id, "@type", in: graph, unique: true) }
        if let inner = members["@graph"] {
            if graphs[id] == nil { graphs[id] = [:] }
            try add(inner, graph: id, subject: nil, property: nil, list: &none)
        }
        for key in members.keys.sorted() where !key.hasPrefix("@") {
            let name = key.hasPrefix("_:") ? blank(key) : key
            if graphs[graph]?[id]?[name] == nil { graphs[graph, default: [:]][id, default: [:]][name] = [] }
            try add(members[key]!, graph: graph, subject: id, property: name, list: &none)
        }
    }

    func quads() -> [RDFQuad] {
        var seen = Set<RDFQuad>()
        var result: [RDFQuad] = []
        var generated = counter
        func emit(_ quad: RDFQuad) { if seen.insert(quad).inserted { result.append(quad) } }
        func node(_ id: String) -> RDFTerm? {
            if id.hasPrefix("_:") { return .blank(String(id.dropFirst(2))) }
            return isAbsoluteIRI(id) ? .iri(id) : nil
        }
        func object(_ item: JSONValue, _ graphName: RDFTerm?) -> RDFTerm? {
            if let id = item["@id"]?.stringValue { return node(id) }
            if let items = item["@list"]?.arrayValue { return listObject(items, graphName) }
            guard let value = item["@value"] else { return nil }
            let datatype = item["@type"]?.stringValue
            let language = item["@language"]?.stringValue
            switch value {
            case .bool(let flag):
                return .literal(flag ? "true" : "false", datatype: datatype ?? RDFVocabulary.boolean, language: nil)
            case .number(let number):
                if datatype == "@json" { return .literal(CanonicalJSON.text(value), datatype: RDFVocabulary.json, language: nil) }
                if number.rounded() != number || abs(number) >= 1e21 || datatype == RDFVocabulary.double {
                    return .literal(Self.canonicalDouble(number), datatype: datatype ?? RDFVocabulary.double, language: nil)
                }
                return .literal(
                    String(format: "%.0f", number), datatype: datatype ?? RDFVocabulary.integer, language: nil)
            case .string(let text):
                if datatype == "@json" { return .literal(CanonicalJSON.text(value), datatype: RDFVocabulary.json, language: nil) }
                if let language { return .literal(text, datatype: RDFVocabulary.langString, language: language) }
                return .literal(text, datatype: datatype ?? RDFVocabulary.string, language: nil)
            default:
                guard datatype == "@json" else { return nil }
                return .literal(CanonicalJSON.text(value), datatype: RDFVocabulary.json, language: nil)
            }
        }
        func listObject(_ items: [JSONValue], _ graphName: RDFTerm?) -> RDFTerm {
            guard !items.isEmpty else { return .iri(RDFVocabulary.nilList) }
            let labels = items.map { _ -> String in
                defer { generated += 1 }
                return "b\(generated)"
            }
            for (index, item) in items.enumerated() {
                let subject = RDFTerm.blank(labels[index])
                if let value = object(item, graphName) {
                    emit(RDFQuad(subject: subject, predicate: .iri(RDFVocabulary.first), object: value, graph: graphName))
                }
                let rest: RDFTerm = index + 1 < labels.count ? .blank(labels[index + 1]) : .iri(RDFVocabulary.nilList)
                emit(RDFQuad(subject: subject, predicate: .iri(RDFVocabulary.rest), object: rest, graph: graphName))
            }
            return .blank(labels[0])
        }
        for graphName in graphs.keys.sorted() {
            let graphTerm: RDFTerm?
            if graphName == "@default" {
                graphTerm = nil
            } else {
                guard let term = node(graphName) else { continue }
                graphTerm = term
            }
            let nodes = graphs[graphName]!
            for subjectID in nodes.keys.sorted() {
                guard let subject = node(subjectID) else { continue }
                let properties = nodes[subjectID]!
                for property in properties.keys.sorted() where property != "@id" {
                    let values = properties[property]!
                    if property == "@type" {
                        for type in values {
                            guard let text = type.stringValue, let object = node(text) else { continue }
                            emit(RDFQuad(subject: subject, predicate: .iri(RDFVocabulary.type), object: object, graph: graphTerm))
                        }
                        continue
                    }
                    guard !property.hasPrefix("@"), !property.hasPrefix("_:"), isAbsoluteIRI(property) else { continue }
                    for item in values {
                        guard let value = object(item, graphTerm) else { continue }
                        emit(RDFQuad(subject: subject, predicate: .iri(property), object: value, graph: graphTerm))
                    }
                }
            }
        }
        return result
    }

    /// The canonical xsd:double form JSON-LD writes: `1.5E0`, `1.0E21`.
    static func canonicalDouble(_ value: Double) -> String {
        let text = String(format: "%1.15E", value)
        guard let e = text.firstIndex(of: "E") else { return text }
        var mantissa = String(text[..<e])
        var exponent = String(text[text.index(after: e)...])
        while mantissa.hasSuffix("0") && !mantissa.hasSuffix(".0") { mantissa.removeLast() }
        let negative = exponent.hasPrefix("-")
        exponent = String(exponent.drop { $0 == "+" || $0 == "-" })
        while exponent.count > 1 && exponent.hasPrefix("0") { exponent.removeFirst() }
        return mantissa + "E" + (negative ? "-" : "") + exponent
    }
}

/// JSON Canonicalization (RFC 8785) for `@json` literals: keys sorted by UTF-16 code units, no
/// whitespace, numbers in their shortest form.
enum CanonicalJSON {
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            if number.rounded() == number && abs(number) < 1e21 { return String(format: "%.0f", number) }
            return "\(number)"
        case .string(let text): return string(text)
        case .array(let items): return "[" + items.map(text).joined(separator: ",") + "]"
        case .object(let members):
            let keys = members.keys.sorted { $0.utf16.lexicographicallyPrecedes($1.utf16) }
            return "{" + keys.map { string($0) + ":" + text(members[$0]!) }.joined(separator: ",") + "}"
        }
    }

    private static func string(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\u{08}": result += "\\b"
            case "\u{0C}": result += "\\f"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    result += String(format: "\\u%04x", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
