/// The statements of one graph, indexed by subject, for reading signed data: what a subject says
/// under a predicate, which subjects have a type.
public struct RDFGraph: Sendable {
    /// The statements, as given.
    public let quads: [RDFQuad]
    private let bySubject: [RDFTerm: [(predicate: String, object: RDFTerm)]]

    /// The statements of the default graph among `quads`.
    public init(_ quads: [RDFQuad]) {
        self.quads = quads
        var index: [RDFTerm: [(predicate: String, object: RDFTerm)]] = [:]
        for quad in quads where quad.graph == nil {
            guard case .iri(let predicate) = quad.predicate else { continue }
            index[quad.subject, default: []].append((predicate, quad.object))
        }
        bySubject = index
    }

    /// The objects of `subject` under `predicate`, in a stable order.
    public func objects(_ subject: RDFTerm, _ predicate: String) -> [RDFTerm] {
        (bySubject[subject] ?? []).filter { $0.predicate == predicate }.map(\.object).sorted { "\($0)" < "\($1)" }
    }

    /// The one object of `subject` under `predicate`; nil when there is none or more than one.
    public func object(_ subject: RDFTerm, _ predicate: String) -> RDFTerm? {
        let all = objects(subject, predicate)
        return all.count == 1 ? all[0] : nil
    }

    /// The subjects with `rdf:type` `type`.
    public func subjects(ofType type: String) -> [RDFTerm] {
        bySubject.filter { _, statements in
            statements.contains { $0.predicate == RDFVocabulary.type && $0.object == .iri(type) }
        }.map(\.key).sorted { "\($0)" < "\($1)" }
    }
}

extension RDFTerm {
    /// The IRI, if this is one.
    public var iri: String? {
        if case .iri(let value) = self { return value }
        return nil
    }

    /// The literal's text, if this is a literal.
    public var literal: String? {
        if case .literal(let value, _, _) = self { return value }
        return nil
    }
}
