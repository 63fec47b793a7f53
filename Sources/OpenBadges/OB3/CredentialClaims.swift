import LinkedData
import ToolkitSupport

/// The IRIs of the Open Badges 3.0 and Verifiable Credentials 2.0 terms a verifier reads, as the
/// pinned contexts define them.
enum OpenBadges3Vocabulary {
    static let rdfType = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    static let credentials = "https://www.w3.org/2018/credentials#"
    static let openBadges = "https://purl.imsglobal.org/spec/vc/ob/vocab.html#"
    static let status = "https://www.w3.org/ns/credentials/status#"
    static let schemaName = "https://schema.org/name"

    /// The types a verifier names, by their short names.
    static let types: [String: String] = [
        credentials + "VerifiableCredential": "VerifiableCredential",
        openBadges + "OpenBadgeCredential": "OpenBadgeCredential",
        openBadges + "AchievementCredential": "AchievementCredential",
        openBadges + "IdentityObject": "IdentityObject",
        status + "BitstringStatusListEntry": "BitstringStatusListEntry",
    ]
}

/// What an Open Badges 3.0 credential claims, read only from the data its signature covers: for a
/// Data Integrity proof, the signed RDF statements (so a member that JSON-LD drops, or one written
/// under its full IRI, is seen exactly as the proof saw it); for a VC-JWT, the signed payload itself.
struct CredentialClaims {
    /// One recipient identifier.
    struct Identifier {
        var type: String?
        var identityType: String?
        var identityHash: String?
        var hashed: Bool
        var salt: String?
    }

    /// One status entry.
    struct Status {
        var type: String?
        var purpose: String?
        var index: String?
        var listURL: String?
    }

    var id: String?
    var types: Set<String> = []
    var issuer: String?
    var validFrom: String?
    var validUntil: String?
    var achievementID: String?
    var achievementName: String?
    var identifiers: [Identifier] = []
    var statuses: [Status] = []

    /// The claims of a VC-JWT's payload (the bytes the signature covers, parsed strictly).
    init(json credential: JSONValue) {
        id = credential["id"]?.stringValue
        types = Set((credential["type"]?.arrayValue ?? [credential["type"]].compactMap { $0 }).compactMap(\.stringValue))
        issuer = credential["issuer"]?["id"]?.stringValue ?? credential["issuer"]?.stringValue
        validFrom = credential["validFrom"]?.stringValue
        validUntil = credential["validUntil"]?.stringValue
        let subject = credential["credentialSubject"]
        achievementID = subject?["achievement"]?["id"]?.stringValue
        achievementName = subject?["achievement"]?["name"]?.stringValue
        identifiers = (subject?["identifier"]?.arrayValue ?? []).map { entry in
            Identifier(
                type: entry["type"]?.stringValue, identityType: entry["identityType"]?.stringValue,
                identityHash: entry["identityHash"]?.stringValue, hashed: entry["hashed"] == .bool(true),
                salt: entry["salt"]?.stringValue)
        }
        if let status = credential["credentialStatus"] {
            statuses = (status.arrayValue ?? [status]).map { entry in
                Status(
                    type: entry["type"]?.stringValue, purpose: entry["statusPurpose"]?.stringValue,
                    index: entry["statusListIndex"]?.stringValue, listURL: entry["statusListCredential"]?.stringValue)
            }
        }
    }

    /// The claims of the signed statements of a Data Integrity credential; a problem when they do
    /// not describe exactly one credential with one subject.
    init(signed graph: RDFGraph) throws(BadgeError) {
        typealias V = OpenBadges3Vocabulary
        let credentials = graph.subjects(ofType: V.credentials + "VerifiableCredential")
        guard credentials.count == 1, let credential = credentials.first else {
            throw BadgeError("the signed data holds \(credentials.count) credentials, not one")
        }
        func types(of node: RDFTerm) -> [String] {
            graph.objects(node, V.rdfType).compactMap(\.iri).map { V.types[$0] ?? $0 }
        }
        id = credential.iri
        self.types = Set(types(of: credential))
        issuer = graph.object(credential, V.credentials + "issuer")?.iri
        validFrom = graph.object(credential, V.credentials + "validFrom")?.literal
        validUntil = graph.object(credential, V.credentials + "validUntil")?.literal
        let subjects = graph.objects(credential, V.credentials + "credentialSubject")
        guard subjects.count == 1, let subject = subjects.first else {
            throw BadgeError("the signed data gives the credential \(subjects.count) subjects, not one")
        }
        if let achievement = graph.object(subject, V.openBadges + "achievement") {
            achievementID = achievement.iri
            achievementName = graph.object(achievement, V.schemaName)?.literal
        }
        identifiers = graph.objects(subject, V.openBadges + "identifier").map { entry in
            Identifier(
                type: types(of: entry).first, identityType: graph.object(entry, V.openBadges + "identityType")?.literal,
                identityHash: graph.object(entry, V.openBadges + "identityHash")?.literal,
                hashed: graph.object(entry, V.openBadges + "hashed")?.literal == "true",
                salt: graph.object(entry, V.openBadges + "salt")?.literal)
        }
        statuses = graph.objects(credential, V.credentials + "credentialStatus").map { entry in
            Status(
                type: types(of: entry).first, purpose: graph.object(entry, V.status + "statusPurpose")?.literal,
                index: graph.object(entry, V.status + "statusListIndex")?.literal,
                listURL: graph.object(entry, V.status + "statusListCredential")?.iri)
        }
    }
}
