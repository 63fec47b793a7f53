import CourseModel
import FileAccess
import Foundation
import LinkedData
import ToolkitSupport

/// Which Open Badges specifications a run produces.
public enum OpenBadgesSpec: String, Sendable, CaseIterable {
    /// Open Badges 2.0 only (the default: what the SSSC's platform takes today).
    case v2 = "2.0"
    /// Open Badges 3.0 credentials only (the 2.0 issuer and badge classes still anchor the folder).
    case v3 = "3.0"
    /// Both, from the same source.
    case both

    /// Whether 2.0 assertions are issued.
    public var includes2: Bool { self != .v3 }
    /// Whether 3.0 documents and credentials are made.
    public var includes3: Bool { self != .v2 }
}

/// The keys Open Badges 3.0 credentials are secured with: an RSA key makes VC-JWTs (RS256), an
/// Ed25519 key makes embedded Data Integrity proofs (`eddsa-rdfc-2022`), which need the pinned
/// JSON-LD contexts.
public struct OpenBadges3Keys: Sendable {
    /// The pinned JSON-LD contexts Data Integrity proofs are computed with.
    public typealias Contexts = PinnedContexts

    /// The RSA key for VC-JWT.
    public var jwt: SigningKey?
    /// The Ed25519 key for Data Integrity proofs.
    public var dataIntegrity: DataIntegrityKey?
    /// The pinned contexts, needed with `dataIntegrity`.
    public var contexts: PinnedContexts?

    /// Keys for 3.0.
    public init(jwt: SigningKey? = nil, dataIntegrity: DataIntegrityKey? = nil, contexts: PinnedContexts? = nil) {
        self.jwt = jwt
        self.dataIntegrity = dataIntegrity
        self.contexts = contexts
    }

    /// The pinned contexts, read through `read` (context URL → bytes of its local copy).
    public static func pinnedContexts(read: (String) -> [UInt8]?) throws(BadgeError) -> PinnedContexts {
        do {
            return try PinnedContexts(read: read)
        } catch {
            throw BadgeError(error.description, isIOFailure: true)
        }
    }

    /// Whether there is a key to secure credentials with (Open Badges 3.0 has no hosted credentials).
    public var canSign: Bool { jwt != nil || dataIntegrity != nil }
}

/// The Open Badges 3.0 documents of a course, beside the 2.0 ones: the issuer `Profile`, an
/// `Achievement` per published Thing and per collection (the same criteria as 2.0), and the public
/// keys: a Multikey document for the Ed25519 key (the proofs' `verificationMethod`) and a JSON Web
/// Key for the RSA key (the VC-JWT `kid`).
public struct OpenBadges3Export: Sendable {
    /// The `@context` of every 3.0 document.
    public static let context: JSONValue = [.string(PinnedContexts.credentialsV2), .string(PinnedContexts.openBadgesV3)]

    /// The issuer profile as embedded in credentials (without `@context`).
    public private(set) var issuer: JSONValue = .null
    /// Achievements by badge id, as embedded in credentials (without `@context`).
    public private(set) var achievements: [String: JSONValue] = [:]
    /// How many days each badge's credentials stay valid, by badge id, for badges that expire.
    public private(set) var expiresAfterDays: [String: Int] = [:]
    /// The files to publish.
    public private(set) var files: [BadgeExport.File] = []
    /// The URL of the Ed25519 key's Multikey document, when there is one.
    public private(set) var verificationMethod: String?
    /// The URL of the RSA key's JWK, when there is one.
    public private(set) var jwtKeyID: String?
    /// The keys the documents were made for.
    let keys: OpenBadges3Keys
    /// The issuer profile's URL.
    let issuerID: String

    /// The documents for `course`, with achievement criteria, images and alignments as `badgeClass` gives them.
    init(
        issuer source: Issuer, urls: BadgeURLs, keys: OpenBadges3Keys, issuerImage: (url: String, ext: String)?,
        badgeClasses: [(badge: BadgeClass, criteria: [String: JSONValue], imageURL: String)]
    ) {
        let layout = urls.layout
        let profileURL = urls.ob3IssuerID
        self.keys = keys
        issuerID = profileURL
        var profile: [String: JSONValue] = [
            "id": .string(profileURL), "type": ["Profile"], "name": .string(source.name),
        ]
        if !source.description.isEmpty { profile["description"] = .string(source.description) }
        if let url = source.url { profile["url"] = .string(url) }
        if let email = source.email { profile["email"] = .string(email) }
        if let image = issuerImage { profile["image"] = ["id": .string(image.url), "type": "Image"] }
        issuer = .object(profile)
        if let key = keys.dataIntegrity {
            let url = Self.verificationMethod(of: key, urls: urls)
            verificationMethod = url
            add(
                layout.ob3Key(fingerprint: key.fingerprint, kind: "multikey"),
                [
                    "@context": [.string(PinnedContexts.multikeyV1)], "id": .string(url), "type": "Multikey",
                    "controller": .string(profileURL), "publicKeyMultibase": .string(key.publicKeyMultibase),
                ])
        }
        if let key = keys.jwt {
            let url = Self.keyID(of: key, urls: urls)
            jwtKeyID = url
            guard case .object(var jwk) = key.publicJWK else { return }
            jwk["kid"] = .string(url)
            add(layout.ob3Key(fingerprint: key.fingerprint, kind: "jwk"), .object(jwk))
        }
        // An issuer identified by `did:web` publishes its DID document at the base URL: every key as a
        // verification method controlled by the DID, listed under `assertionMethod`.
        if let did = urls.issuerDID {
            var methods: [JSONValue] = []
            if let key = keys.dataIntegrity, let id = verificationMethod {
                methods.append([
                    "id": .string(id), "type": "Multikey", "controller": .string(did),
                    "publicKeyMultibase": .string(key.publicKeyMultibase),
                ])
            }
            if let key = keys.jwt, let id = jwtKeyID {
                methods.append([
                    "id": .string(id), "type": "JsonWebKey", "controller": .string(did), "publicKeyJwk": key.publicJWK,
                ])
            }
            add(
                layout.didDocument,
                [
                    "@context": ["https://www.w3.org/ns/did/v1", .string(PinnedContexts.multikeyV1)], "id": .string(did),
                    "verificationMethod": .array(methods), "assertionMethod": .array(methods.compactMap { $0["id"] }),
                ])
        }
        // The published profile lists its keys under `assertionMethod`, as verifiers of a proof's purpose
        // (DCC's verifier-core, the Learner Credential Wallet) look for them in the key's controller. No
        // pinned context defines the term outside a proof, so it is plain JSON here, never embedded in a
        // credential (where strict verification would refuse an undefined term).
        var document = profile
        let methods = [verificationMethod, jwtKeyID].compactMap { $0 }.map(JSONValue.string)
        if !methods.isEmpty { document["assertionMethod"] = .array(methods) }
        document["@context"] = Self.context
        add(layout.ob3Profile, .object(document))

        for (badge, criteria, imageURL) in badgeClasses {
            var achievement: [String: JSONValue] = [
                "id": .string(urls.url(of: layout.ob3Achievement(id: badge.id))), "type": ["Achievement"],
                "name": .string(badge.name), "description": .string(badge.description.isEmpty ? badge.name : badge.description),
                "criteria": .object(criteria), "image": ["id": .string(imageURL), "type": "Image"],
                "creator": .object(profile),
            ]
            if !badge.tags.isEmpty { achievement["tag"] = .array(badge.tags.map(JSONValue.string)) }
            let alignments = badge.alignments.compactMap { alignment -> JSONValue? in
                guard let url = alignment.targetURL else { return nil }
                var entry: [String: JSONValue] = [
                    "type": ["Alignment"], "targetName": .string(alignment.targetName), "targetUrl": .string(url),
                ]
                if let framework = alignment.framework { entry["targetFramework"] = .string(framework) }
                return .object(entry)
            }
            if !alignments.isEmpty { achievement["alignment"] = .array(alignments) }
            achievements[badge.id] = .object(achievement)
            if let days = badge.expiresAfterDays { expiresAfterDays[badge.id] = days }
            var published = achievement
            published["@context"] = Self.context
            add(layout.ob3Achievement(id: badge.id), .object(published))
        }
    }

    /// The id of the Multikey of `key` (what proofs name as `verificationMethod`).
    static func verificationMethod(of key: DataIntegrityKey, urls: BadgeURLs) -> String {
        urls.ob3KeyID(fingerprint: key.fingerprint, kind: "multikey")
    }

    /// The id of the JWK of `key` (what VC-JWTs name as `kid`).
    static func keyID(of key: SigningKey, urls: BadgeURLs) -> String {
        urls.ob3KeyID(fingerprint: key.fingerprint, kind: "jwk")
    }

    /// Writes the signed empty status list when the folder has none yet (`badges revoke` keeps it after).
    func writeStatusListIfMissing(to folder: BadgeFolder, now: Date = Date()) throws(BadgeError) {
        guard folder.read(folder.urls.layout.ob3StatusList) == nil else { return }
        try CredentialStatusList.write(
            StatusList(), issuer: issuerID, keys: keys, verificationMethod: verificationMethod, jwtKeyID: jwtKeyID,
            created: DateFormats.timestamp(now), into: folder)
    }

    private mutating func add(_ path: String, _ document: JSONValue) {
        files.append(BadgeExport.File(path: path, bytes: document.prettyBytes()))
    }
}
