import Crypto
import Foundation
import ToolkitSupport

/// RDF Dataset Canonicalization (W3C RDFC-1.0, formerly URDNA2015) with SHA-256: blank nodes get
/// labels `c14n0`, `c14n1`, … that depend only on the dataset's content, so the same statements
/// always give the same bytes. Canonicalising graphs whose blank nodes cannot be told apart is
/// factorial; `maximumWork` bounds the N-degree hashing so a hostile document fails instead of
/// pinning a core.
public struct RDFCanonicalizer {
    /// The most N-degree hash calls and permutations one dataset may need.
    public var maximumWork = 20_000

    /// A canonicaliser with the default work bound.
    public init() {}

    /// The canonical N-Quads of `quads`: sorted lines, canonical labels.
    public func canonicalNQuads(_ quads: [RDFQuad]) throws(LinkedDataError) -> String {
        var state = State(quads: quads, maximumWork: maximumWork)
        try state.run()
        let lines = Set(quads.map { NQuads.line(state.relabel($0)) })
        return lines.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined()
    }

    /// Issues identifiers with a prefix in order (§4.5).
    struct IdentifierIssuer {
        let prefix: String
        var issued: [String: String] = [:]
        var order: [String] = []

        mutating func issue(_ existing: String) -> String {
            if let label = issued[existing] { return label }
            let label = prefix + String(order.count)
            issued[existing] = label
            order.append(existing)
            return label
        }
    }

    private struct State {
        let quads: [RDFQuad]
        let maximumWork: Int
        var work = 0
        var quadsOf: [String: [RDFQuad]] = [:]
        var canonical = IdentifierIssuer(prefix: "c14n")
        var firstDegreeCache: [String: String] = [:]

        init(quads: [RDFQuad], maximumWork: Int) {
            self.quads = quads
            self.maximumWork = maximumWork
            for quad in quads {
                for label in [quad.subject.blankLabel, quad.object.blankLabel, quad.graph?.blankLabel].compactMap({ $0 }) {
                    if quadsOf[label]?.last != quad { quadsOf[label, default: []].append(quad) }
                }
            }
        }

        func relabel(_ quad: RDFQuad) -> RDFQuad {
            func map(_ term: RDFTerm) -> RDFTerm {
                if case .blank(let label) = term { return .blank(canonical.issued[label] ?? label) }
                return term
            }
            return RDFQuad(
                subject: map(quad.subject), predicate: quad.predicate, object: map(quad.object), graph: quad.graph.map(map))
        }

        mutating func run() throws(LinkedDataError) {
            var byHash: [String: [String]] = [:]
            for label in quadsOf.keys.sorted() { byHash[firstDegreeHash(label), default: []].append(label) }
            var remaining: [String: [String]] = [:]
            for hash in byHash.keys.sorted() {
                let labels = byHash[hash]!
                if labels.count == 1 { _ = canonical.issue(labels[0]) } else { remaining[hash] = labels }
            }
            for hash in remaining.keys.sorted() {
                var results: [(hash: String, issuer: IdentifierIssuer)] = []
                for label in remaining[hash]! where canonical.issued[label] == nil {
                    var temporary = IdentifierIssuer(prefix: "b")
                    _ = temporary.issue(label)
                    results.append(try nDegreeHash(label, temporary))
                }
                results.sort { $0.hash < $1.hash }
                for result in results {
                    for existing in result.issuer.order { _ = canonical.issue(existing) }
                }
            }
        }

        /// Hash First Degree Quads (§4.6).
        mutating func firstDegreeHash(_ label: String) -> String {
            if let cached = firstDegreeCache[label] { return cached }
            func map(_ term: RDFTerm) -> RDFTerm {
                if case .blank(let other) = term { return .blank(other == label ? "a" : "z") }
                return term
            }
            let lines = (quadsOf[label] ?? []).map {
                NQuads.line(
                    RDFQuad(subject: map($0.subject), predicate: $0.predicate, object: map($0.object), graph: $0.graph.map(map)))
            }
            let hash = Self.sha256(lines.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.joined())
            firstDegreeCache[label] = hash
            return hash
        }

        /// Hash Related Blank Node (§4.7).
        mutating func relatedHash(_ related: String, _ quad: RDFQuad, _ issuer: IdentifierIssuer, _ position: String) -> String {
            var input = position
            if position != "g", case .iri(let predicate) = quad.predicate { input += "<" + predicate + ">" }
            if let label = canonical.issued[related] {
                input += "_:" + label
            } else if let label = issuer.issued[related] {
                input += "_:" + label
            } else {
                input += firstDegreeHash(related)
            }
            return Self.sha256(input)
        }

        /// Hash N-Degree Quads (§4.8).
        mutating func nDegreeHash(_ label: String, _ given: IdentifierIssuer) throws(LinkedDataError) -> (
            hash: String, issuer: IdentifierIssuer
        ) {
            try spend()
            var issuer = given
            var related: [String: [String]] = [:]
            for quad in quadsOf[label] ?? [] {
                for (term, position) in [(quad.subject, "s"), (quad.object, "o"), (quad.graph, "g")] {
                    guard let other = term?.blankLabel, other != label else { continue }
                    related[relatedHash(other, quad, issuer, position), default: []].append(other)
                }
            }
            var data = ""
            for hash in related.keys.sorted() {
                data += hash
                // Checked before the factorial is formed: 21 nodes alike would overflow it.
                let alike = related[hash]!.count
                guard alike <= Self.maximumAlike else {
                    throw LinkedDataError(
                        "canonicalisation needs more than \(maximumWork) steps: too many blank nodes that cannot be told apart")
                }
                let possible = (1...alike).reduce(1, *)
                guard work + possible <= maximumWork else {
                    throw LinkedDataError(
                        "canonicalisation needs more than \(maximumWork) steps: too many blank nodes that cannot be told apart")
                }
                var chosenPath = ""
                var chosenIssuer: IdentifierIssuer?
                for permutation in Self.permutations(related[hash]!) {
                    try spend()
                    var copy = issuer
                    var path = ""
                    var recursion: [String] = []
                    var skip = false
                    for node in permutation {
                        if let canonicalLabel = canonical.issued[node] {
                            path += "_:" + canonicalLabel
                        } else {
                            if copy.issued[node] == nil { recursion.append(node) }
                            path += "_:" + copy.issue(node)
                        }
                        if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, path > chosenPath {
                            skip = true
                            break
                        }
                    }
                    if skip { continue }
                    for node in recursion {
                        let result = try nDegreeHash(node, copy)
                        path += "_:" + copy.issue(node)
                        path += "<" + result.hash + ">"
                        copy = result.issuer
                        if !chosenPath.isEmpty, path.utf8.count >= chosenPath.utf8.count, path > chosenPath {
                            skip = true
                            break
                        }
                    }
                    if skip { continue }
                    if chosenPath.isEmpty || path < chosenPath {
                        chosenPath = path
                        chosenIssuer = copy
                    }
                }
                data += chosenPath
                if let chosenIssuer { issuer = chosenIssuer }
            }
            return (Self.sha256(data), issuer)
        }

        /// The most blank nodes alike one step may order (8! = 40,320 orderings, already over the work bound).
        static let maximumAlike = 8

        mutating func spend() throws(LinkedDataError) {
            work += 1
            if work > maximumWork {
                throw LinkedDataError(
                    "canonicalisation needs more than \(maximumWork) steps: too many blank nodes that cannot be told apart")
            }
        }

        static func sha256(_ text: String) -> String {
            Hexadecimal.lowercase(SHA256.hash(data: Data(text.utf8)))
        }

        /// Every ordering of `items` (Heap's algorithm order does not matter: the smallest path wins).
        static func permutations(_ items: [String]) -> [[String]] {
            guard items.count > 1 else { return [items] }
            var result: [[String]] = []
            for (index, item) in items.enumerated() {
                var rest = items
                rest.remove(at: index)
                for tail in permutations(rest) { result.append([item] + tail) }
            }
            return result
        }
    }
}
