import Crypto
import Foundation
import ToolkitSupport

/// W3C Data Integrity proofs with the `eddsa-rdfc-2022` cryptosuite: the document (without its
/// proof) and the proof options (with the document's `@context`) are each canonicalised with
/// RDFC-1.0 and hashed with SHA-256; the Ed25519 signature over both hashes travels as a base58btc
/// `proofValue`.
public struct DataIntegrityProof: Sendable {
    /// The cryptosuite's name.
    public static let cryptosuite = "eddsa-rdfc-2022"
    let loader: any ContextLoader

    /// Proofs over documents whose contexts `loader` resolves.
    public init(loader: any ContextLoader) { self.loader = loader }

    /// The proof of `document` (which has no `proof` member) made with `key`, named by
    /// `verificationMethod` (the URL of the published Multikey), at `created` (an XML Schema dateTime).
    public func sign(
        _ document: JSONValue, key: Curve25519.Signing.PrivateKey, verificationMethod: String, created: String,
        proofPurpose: String = "assertionMethod"
    ) throws(LinkedDataError) -> JSONValue {
        guard
            case .object(var options) = Self.options(
                verificationMethod: verificationMethod, created: created, purpose: proofPurpose)
        else { return .null }
        let data = try hashData(document, options: .object(options))
        let signature: Data
        do {
            signature = try key.signature(for: Data(data))
        } catch {
            throw LinkedDataError("cannot sign: \(error)")
        }
        options["proofValue"] = .string(Multibase.base58btc(Array(signature)))
        return .object(options)
    }

    /// The proof options (everything but `proofValue`).
    static func options(verificationMethod: String, created: String, purpose: String) -> JSONValue {
        .object([
            "type": "DataIntegrityProof", "cryptosuite": .string(cryptosuite), "created": .string(created),
            "verificationMethod": .string(verificationMethod), "proofPurpose": .string(purpose),
        ])
    }

    /// What is signed: SHA-256 of the canonical proof configuration, then SHA-256 of the canonical document.
    public func hashData(_ document: JSONValue, options: JSONValue) throws(LinkedDataError) -> [UInt8] {
        try signedData(document, options: options).hash
    }

    /// What is signed (`hash`) and the statements of the document it covers (`statements`).
    private func signedData(_ document: JSONValue, options: JSONValue) throws(LinkedDataError) -> (
        hash: [UInt8], statements: [RDFQuad]
    ) {
        guard case .object(var configuration) = options, case .object(var unsecured) = document else {
            throw LinkedDataError("the document and its proof must be JSON objects")
        }
        unsecured["proof"] = nil
        configuration["proofValue"] = nil
        configuration["@context"] = unsecured["@context"]
        let converter = JSONLDToRDF(loader: loader)
        let canonicalizer = RDFCanonicalizer()
        let proofHash = SHA256.hash(
            data: Data(try canonicalizer.canonicalNQuads(try converter.quads(of: .object(configuration))).utf8))
        let statements = try converter.quads(of: .object(unsecured))
        let documentHash = SHA256.hash(data: Data(try canonicalizer.canonicalNQuads(statements).utf8))
        return (Array(proofHash) + Array(documentHash), statements)
    }

    /// A document whose proof verified: the proof, and the statements the proof covers, which are
    /// all a verifier may read (a member JSON-LD drops, or one written under its full IRI, is not
    /// where a reader of the raw JSON would look).
    public struct Verified: Sendable {
        /// The proof checked.
        public let proof: JSONValue
        /// The signed statements of the document (without its proof).
        public let statements: RDFGraph
    }

    /// Checks the `eddsa-rdfc-2022` proof of `document` against `publicKey`. Before anything else, a
    /// document using a member name or type its contexts do not define, or an embedded context, is
    /// refused (see `Expander.strict`).
    @discardableResult
    public func verify(_ document: JSONValue, publicKey: Curve25519.Signing.PublicKey, purpose: String = "assertionMethod")
        throws(LinkedDataError) -> Verified
    {
        _ = try JSONLDToRDF(loader: loader).quads(of: document, strict: true)
        let proofs = document["proof"].map { $0.arrayValue ?? [$0] } ?? []
        guard let proof = proofs.first(where: { $0["cryptosuite"]?.stringValue == Self.cryptosuite }) else {
            throw LinkedDataError("no \(Self.cryptosuite) proof")
        }
        guard proof["type"]?.stringValue == "DataIntegrityProof" else {
            throw LinkedDataError("the proof is not a DataIntegrityProof")
        }
        guard proof["proofPurpose"]?.stringValue == purpose else {
            throw LinkedDataError("the proof's purpose is not \(purpose)")
        }
        guard let value = proof["proofValue"]?.stringValue, let signature = Multibase.decodeBase58btc(value),
            signature.count == 64
        else { throw LinkedDataError("the proofValue is not a base58btc Ed25519 signature") }
        let (data, statements) = try signedData(document, options: proof)
        guard publicKey.isValidSignature(Data(signature), for: Data(data)) else {
            throw LinkedDataError(
                "the signature does not match: the credential was changed after it was signed, or signed with another key")
        }
        return Verified(proof: proof, statements: RDFGraph(statements))
    }
}
