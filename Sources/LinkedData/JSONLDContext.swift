import ToolkitSupport

/// Why a JSON-LD document could not be turned into RDF, or a dataset could not be canonicalised.
public struct LinkedDataError: Error, CustomStringConvertible, Sendable, Hashable {
    /// What went wrong, in words (JSON-LD error codes where the specification names one).
    public var description: String

    /// Creates an error.
    public init(_ description: String) { self.description = description }
}

/// Where remote `@context` documents come from. The toolkit never fetches one: a loader answers
/// only from pinned copies (`PinnedContexts`) and refuses every other URL.
public protocol ContextLoader: Sendable {
    /// The context document (an object with an `@context` member) published at `url`.
    func document(at url: String) throws(LinkedDataError) -> JSONValue

    /// Where contexts processed from scratch are kept for the loader's lifetime (its documents never
    /// change), or nil to process them every time.
    var processedContexts: ProcessedContexts? { get }
}

extension ContextLoader {
    /// No memory by default.
    public var processedContexts: ProcessedContexts? { nil }
}

/// Contexts already processed, by the context they were applied to and their JSON: every
/// credential of a run names the same contexts and the same type-scoped ones, and processing them
/// was most of the work of expanding one.
public final class ProcessedContexts: Sendable {
    /// What a processing step is known by: the active context's derivation, the local context, the flags.
    struct Step: Hashable {
        var derivation: Int
        var local: JSONValue
        var overrideProtected: Bool
        var propagate: Bool
    }

    let storage = LockedValue<[Step: ActiveContext]>([:])

    /// An empty memory.
    public init() {}
}

/// One term of an active context (JSON-LD 1.1 §4.2).
struct TermDefinition: Hashable, Sendable {
    /// The IRI or keyword the term maps to; nil for a term explicitly mapped to null.
    var iri: String?
    var isPrefix = false
    var isProtected = false
    var typeMapping: String?
    var container: Set<String> = []
    /// The scoped context (`@context` of the definition), when it has one; `.null` is a reset.
    var context: JSONValue?
    /// `@language` of the definition: nil when absent, `.some(nil)` when explicitly null.
    var language: String??

    /// The definition with its protection flag ignored, for the protected-redefinition check.
    var ignoringProtection: TermDefinition {
        var copy = self
        copy.isProtected = false
        return copy
    }
}

/// The state JSON-LD expansion runs in: terms, vocabulary mapping, default language, and the
/// context to return to when a type-scoped context must not propagate.
struct ActiveContext: Sendable {
    var terms: [String: TermDefinition] = [:]
    var vocab: String?
    var defaultLanguage: String?
    /// Holds at most one context: the one before a non-propagating (type-scoped) context.
    var previous: [ActiveContext] = []
    /// Which remembered processing step made this context (0: the empty context); two contexts with
    /// the same derivation are the same.
    var derivation = 0

    var hasProtectedTerms: Bool { terms.values.contains { $0.isProtected } }
}

/// JSON-LD keywords.
enum Keyword {
    static let all: Set<String> = [
        "@base", "@container", "@context", "@direction", "@graph", "@id", "@import", "@included", "@index", "@json",
        "@language", "@list", "@nest", "@none", "@prefix", "@propagate", "@protected", "@reverse", "@set", "@type",
        "@value", "@version", "@vocab",
    ]

    /// Whether `text` has the form of a keyword (`@` then letters) without being one: such terms are ignored.
    static func hasKeywordForm(_ text: String) -> Bool {
        text.count > 1 && text.hasPrefix("@") && text.dropFirst().allSatisfy { $0.isASCII && $0.isLetter }
    }
}

/// Whether `text` is an absolute IRI: a scheme (`ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`) then `:`.
func isAbsoluteIRI(_ text: String) -> Bool {
    var sawScheme = false
    var inScheme = true
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: " "), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "\""), UInt8(ascii: "{"), UInt8(ascii: "}"):
            return false
        case UInt8(ascii: ":") where inScheme:
            guard sawScheme else { return false }
            inScheme = false
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            sawScheme = true
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
            if inScheme && !sawScheme { return false }
        default:
            if inScheme { return false }
        }
    }
    return !inScheme
}

/// Context processing and IRI expansion (JSON-LD 1.1 Processing Algorithms §4.1, §4.2, §5.2), for the
/// features credentials use: protected terms, property- and type-scoped contexts, `@vocab`, compact
/// IRIs, typed and container mappings. What the toolkit does not support (`@import`, `@reverse`,
/// `@nest`, index and id maps) is refused with an error rather than read differently.
struct ContextProcessor {
    let loader: any ContextLoader
    /// How many remote contexts one document may pull in (a cycle or a bomb stops here).
    static let maximumRemoteContexts = 32

    func process(
        _ active: ActiveContext, _ local: JSONValue, remote: [String] = [], overrideProtected: Bool = false,
        propagate: Bool = true
    ) throws(LinkedDataError) -> ActiveContext {
        guard let memory = loader.processedContexts else {
            return try processAfresh(active, local, remote: remote, overrideProtected: overrideProtected, propagate: propagate)
        }
        let step = ProcessedContexts.Step(
            derivation: active.derivation, local: local, overrideProtected: overrideProtected, propagate: propagate)
        if let known = memory.storage.withLock({ $0[step] }) { return known }
        var result = try processAfresh(active, local, remote: remote, overrideProtected: overrideProtected, propagate: propagate)
        return memory.storage.withLock { known in
            if let raced = known[step] { return raced }
            result.derivation = known.count + 1
            known[step] = result
            return result
        }
    }

    private func processAfresh(
        _ active: ActiveContext, _ local: JSONValue, remote: [String], overrideProtected: Bool, propagate: Bool
    ) throws(LinkedDataError) -> ActiveContext {
        var result = active
        var propagate = propagate
        if case .object(let members) = local, let value = members["@propagate"] {
            guard case .bool(let flag) = value else { throw LinkedDataError("invalid @propagate value") }
            propagate = flag
        }
        if !propagate && result.previous.isEmpty { result.previous = [active] }
        let contexts: [JSONValue] = local.arrayValue ?? [local]
        for context in contexts {
            switch context {
            case .null:
                if !overrideProtected && result.hasProtectedTerms {
                    throw LinkedDataError("invalid context nullification: protected terms would be lost")
                }
                let previous = result
                result = ActiveContext()
                if !propagate { result.previous = [previous] }
            case .string(let url):
                guard remote.count < Self.maximumRemoteContexts else {
                    throw LinkedDataError("context overflow: more than \(Self.maximumRemoteContexts) remote contexts")
                }
                if remote.contains(url) { continue }
                let document = try loader.document(at: url)
                guard let loaded = document["@context"] else {
                    throw LinkedDataError("invalid remote context: \(url) has no @context")
                }
                result = try process(result, loaded, remote: remote + [url])
            case .object(let members):
                try processObject(&result, members, remote: remote, overrideProtected: overrideProtected)
            default:
                throw LinkedDataError("invalid local context: a context is an object, a URL or null")
            }
        }
        return result
    }

    private func processObject(
        _ result: inout ActiveContext, _ context: [String: JSONValue], remote: [String], overrideProtected: Bool
    ) throws(LinkedDataError) {
        if let version = context["@version"], version != .number(1.1) {
            throw LinkedDataError("invalid @version value: only 1.1")
        }
        if context["@import"] != nil { throw LinkedDataError("@import is not supported") }
        if context["@direction"] != nil { throw LinkedDataError("@direction is not supported") }
        if let vocab = context["@vocab"] {
            switch vocab {
            case .null: result.vocab = nil
            case .string(let text):
                guard let expanded = try expandIRI(&result, text, vocab: true, documentRelative: true),
                    isAbsoluteIRI(expanded) || expanded.hasPrefix("_:")
                else { throw LinkedDataError("invalid vocab mapping `\(text)`") }
                result.vocab = expanded
            default: throw LinkedDataError("invalid vocab mapping")
            }
        }
        if let language = context["@language"] {
            switch language {
            case .null: result.defaultLanguage = nil
            case .string(let text): result.defaultLanguage = text.lowercased()
            default: throw LinkedDataError("invalid default language")
            }
        }
        var protectedDefault = false
        if let flag = context["@protected"] {
            guard case .bool(let value) = flag else { throw LinkedDataError("invalid @protected value") }
            protectedDefault = value
        }
        var defined: [String: Bool] = [:]
        let settings: Set<String> = [
            "@base", "@direction", "@import", "@language", "@propagate", "@protected", "@version", "@vocab",
        ]
        for term in context.keys.sorted() where !settings.contains(term) {
            try defineTerm(
                &result, context, term, &defined, protectedDefault: protectedDefault, overrideProtected: overrideProtected,
                remote: remote)
        }
    }

    /// Create Term Definition (§4.2).
    func defineTerm(
        _ active: inout ActiveContext, _ local: [String: JSONValue], _ term: String, _ defined: inout [String: Bool],
        protectedDefault: Bool, overrideProtected: Bool, remote: [String]
    ) throws(LinkedDataError) {
        if let state = defined[term] {
            if state { return }
            throw LinkedDataError("cyclic IRI mapping at `\(term)`")
        }
        guard !term.isEmpty else { throw LinkedDataError("invalid term definition: an empty term") }
        defined[term] = false
        let value = local[term] ?? .null
        if term == "@type" {
            guard case .object(let members) = value, members["@container"] == .string("@set"),
                Set(members.keys).isSubset(of: ["@container", "@protected"])
            else { throw LinkedDataError("keyword redefinition: @type") }
        } else if Keyword.all.contains(term) {
            throw LinkedDataError("keyword redefinition: \(term)")
        } else if Keyword.hasKeywordForm(term) {
            defined[term] = true
            return
        }
        let previous = active.terms.removeValue(forKey: term)
        var members: [String: JSONValue]
        var simple = false
        switch value {
        case .null: members = ["@id": .null]
        case .string(let text):
            members = ["@id": .string(text)]
            simple = true
        case .object(let object): members = object
        default: throw LinkedDataError("invalid term definition for `\(term)`")
        }
        var definition = TermDefinition()
        definition.isProtected = protectedDefault
        if let flag = members["@protected"] {
            guard case .bool(let value) = flag else { throw LinkedDataError("invalid @protected value for `\(term)`") }
            definition.isProtected = value
        }
        if let type = members["@type"] {
            guard case .string(let text) = type,
                let expanded = try expandIRI(&active, text, vocab: true, local: local, defined: &defined, remote: remote)
            else { throw LinkedDataError("invalid type mapping for `\(term)`") }
            guard ["@id", "@json", "@none", "@vocab"].contains(expanded) || isAbsoluteIRI(expanded) else {
                throw LinkedDataError("invalid type mapping `\(expanded)` for `\(term)`")
            }
            definition.typeMapping = expanded
        }
        if members["@reverse"] != nil { throw LinkedDataError("@reverse is not supported (term `\(term)`)") }
        if let id = members["@id"], id != .string(term) {
            switch id {
            case .null: definition.iri = nil
            case .string(let text):
                if !Keyword.all.contains(text) && Keyword.hasKeywordForm(text) {
                    defined[term] = true
                    return
                }
                guard let expanded = try expandIRI(&active, text, vocab: true, local: local, defined: &defined, remote: remote),
                    Keyword.all.contains(expanded) || isAbsoluteIRI(expanded) || expanded.hasPrefix("_:")
                else { throw LinkedDataError("invalid IRI mapping for `\(term)`") }
                if expanded == "@context" { throw LinkedDataError("invalid keyword alias: @context") }
                definition.iri = expanded
                let inner = term.dropFirst().dropLast()
                if inner.contains(":") || inner.contains("/") {
                    defined[term] = true
                    let own = try expandIRI(&active, term, vocab: true, local: local, defined: &defined, remote: remote)
                    if own != expanded { throw LinkedDataError("invalid IRI mapping: `\(term)` must expand to itself") }
                }
                if !term.contains(":"), !term.contains("/"), simple,
                    let last = expanded.last, ":/?#[]@".contains(last) || expanded.hasPrefix("_:")
                {
                    definition.isPrefix = true
                }
            default: throw LinkedDataError("invalid IRI mapping for `\(term)`")
            }
        } else if let colon = term.dropFirst().firstIndex(of: ":") {
            let prefix = String(term[..<colon])
            let suffix = String(term[term.index(after: colon)...])
            if local[prefix] != nil {
                try defineTerm(
                    &active, local, prefix, &defined, protectedDefault: protectedDefault, overrideProtected: overrideProtected,
                    remote: remote)
            }
            if let prefixIRI = active.terms[prefix]?.iri, !suffix.hasPrefix("//") {
                definition.iri = prefixIRI + suffix
            } else {
                definition.iri = term
            }
        } else if term.contains("/") {
            guard let expanded = try expandIRI(&active, term, vocab: true), isAbsoluteIRI(expanded) else {
                throw LinkedDataError("invalid IRI mapping for `\(term)`")
            }
            definition.iri = expanded
        } else if term == "@type" {
            definition.iri = "@type"
        } else if let vocab = active.vocab {
            definition.iri = vocab + term
        } else {
            throw LinkedDataError("invalid IRI mapping: `\(term)` has no IRI and the context no @vocab")
        }
        if let container = members["@container"] {
            let values = (container.arrayValue ?? [container]).compactMap(\.stringValue)
            let allowed: Set<String> = ["@graph", "@id", "@index", "@language", "@list", "@set", "@type"]
            guard !values.isEmpty, values.allSatisfy(allowed.contains) else {
                throw LinkedDataError("invalid container mapping for `\(term)`")
            }
            definition.container = Set(values)
        }
        if members["@index"] != nil || members["@nest"] != nil || members["@direction"] != nil {
            throw LinkedDataError("@index, @nest and @direction in term definitions are not supported (term `\(term)`)")
        }
        if let context = members["@context"] { definition.context = context }
        if let language = members["@language"], members["@type"] == nil {
            switch language {
            case .null: definition.language = .some(nil)
            case .string(let text): definition.language = .some(text.lowercased())
            default: throw LinkedDataError("invalid language mapping for `\(term)`")
            }
        }
        if let prefix = members["@prefix"] {
            guard case .bool(let flag) = prefix, !term.contains(":"), !term.contains("/") else {
                throw LinkedDataError("invalid @prefix value for `\(term)`")
            }
            definition.isPrefix = flag
        }
        let known: Set<String> = ["@id", "@reverse", "@container", "@context", "@language", "@prefix", "@protected", "@type"]
        if let odd = members.keys.first(where: { !known.contains($0) }) {
            throw LinkedDataError("invalid term definition for `\(term)`: `\(odd)`")
        }
        if !overrideProtected, let previous, previous.isProtected {
            guard previous.ignoringProtection == definition.ignoringProtection else {
                throw LinkedDataError("protected term redefinition: `\(term)`")
            }
            definition = previous
        }
        active.terms[term] = definition
        defined[term] = true
    }

    /// IRI Expansion (§5.2) against `active`; with `local`, terms it uses are defined on the way.
    func expandIRI(
        _ active: inout ActiveContext, _ value: String, vocab: Bool = false, documentRelative: Bool = false,
        local: [String: JSONValue]? = nil, defined: inout [String: Bool], remote: [String] = []
    ) throws(LinkedDataError) -> String? {
        if Keyword.all.contains(value) { return value }
        if Keyword.hasKeywordForm(value) { return nil }
        if let local, local[value] != nil, defined[value] != true {
            try defineTerm(&active, local, value, &defined, protectedDefault: false, overrideProtected: false, remote: remote)
        }
        if vocab, let definition = active.terms[value] { return definition.iri }
        if let colon = value.dropFirst().firstIndex(of: ":") {
            let prefix = String(value[..<colon])
            let suffix = String(value[value.index(after: colon)...])
            if prefix == "_" || suffix.hasPrefix("//") { return value }
            if let local, local[prefix] != nil, defined[prefix] != true {
                try defineTerm(
                    &active, local, prefix, &defined, protectedDefault: false, overrideProtected: false, remote: remote)
            }
            if let definition = active.terms[prefix], let iri = definition.iri, definition.isPrefix { return iri + suffix }
            if isAbsoluteIRI(value) { return value }
        }
        if vocab, let mapping = active.vocab { return mapping + value }
        // No base IRI: a relative reference stays as written (and is left out of the RDF).
        return value
    }

    /// IRI Expansion outside context processing.
    func expandIRI(_ active: inout ActiveContext, _ value: String, vocab: Bool = false, documentRelative: Bool = false)
        throws(LinkedDataError) -> String?
    {
        var defined: [String: Bool] = [:]
        return try expandIRI(&active, value, vocab: vocab, documentRelative: documentRelative, defined: &defined)
    }
}
