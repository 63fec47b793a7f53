import Foundation
import LinkedData
import ToolkitSupport

/// Writes Open Badges 3.0 `OpenBadgeCredential`s: the earner as a salted, hashed email
/// `identifier` (no address in the credential), the achievement and issuer profile embedded, the
/// evidence, and the proofs the keys allow: an embedded `eddsa-rdfc-2022` Data Integrity proof
/// (`<uuid>.json`) and a VC-JWT (`<uuid>.jwt`). The PNG and SVG are baked with the JSON credential
/// when there is one, else with the VC-JWT.
public struct OpenBadges3Issuer: Sendable {
    let export: OpenBadges3Export
    let keys: OpenBadges3Keys
    let urls: BadgeURLs
    /// When proofs say they were made (an XML Schema dateTime); fixed per run.
    let created: String

    /// An issuer of the credentials of `export`'s achievements, signing with `keys`.
    public init(export: OpenBadges3Export, keys: OpenBadges3Keys, urls: BadgeURLs, now: Date = Date()) throws(BadgeError) {
        guard keys.canSign else {
            throw BadgeError(
                "Open Badges 3.0 credentials must be signed: give an Ed25519 key (--ed25519-key), an RSA key (--sign-key), or both"
            )
        }
        if keys.dataIntegrity != nil && keys.contexts == nil {
            throw BadgeError("Data Integrity proofs need the pinned JSON-LD contexts (--contexts)")
        }
        self.export = export
        self.keys = keys
        self.urls = urls
        created = DateFormats.timestamp(now)
    }

    /// The unsigned credential `id` of `badgeID` for `email`.
    func credential(
        id: String, badgeID: String, email: String, issuedOn: String, evidence: [JSONValue], statusIndex: Int,
        name: String? = nil
    ) throws(BadgeError) -> [String: JSONValue] {
        guard let achievement = export.achievements[badgeID] else {
            throw BadgeError("badge `\(badgeID)` has no Open Badges 3.0 achievement")
        }
        let salt = RecipientIdentity.freshSalt()
        var credential: [String: JSONValue] = [
            "@context": OpenBadges3Export.context, "id": .string(id), "type": ["VerifiableCredential", "OpenBadgeCredential"],
            "issuer": export.issuer, "validFrom": .string(issuedOn), "awardedDate": .string(issuedOn),
            "name": achievement["name"] ?? .string(badgeID),
            "credentialSubject": [
                "type": ["AchievementSubject"],
                "identifier": [
                    [
                        "type": "IdentityObject", "hashed": true, "identityType": "emailAddress", "salt": .string(salt),
                        "identityHash": .string(RecipientIdentity.hash(email: email, salt: salt)),
                    ]
                ],
                "achievement": achievement,
            ],
            "credentialStatus": CredentialStatusList.entry(index: statusIndex, urls: urls),
        ]
        // The earner's name, when the earners file gives it, beside the hashed email: what a wallet shows.
        if let name, case .object(var subject)? = credential["credentialSubject"] {
            subject["identifier"] = .array(
                (subject["identifier"]?.arrayValue ?? []) + [
                    ["type": "IdentityObject", "hashed": false, "identityType": "name", "identityHash": .string(name)]
                ])
            credential["credentialSubject"] = .object(subject)
        }
        // A badge class that expires gives its credentials a last day (wallets show it; verifiers refuse after it).
        if let days = export.expiresAfterDays[badgeID], let until = DateFormats.adding(days: days, to: issuedOn) {
            credential["validUntil"] = .string(until)
        }
        // What wallets show of the credential itself: the achievement's description and picture.
        if let description = achievement["description"] { credential["description"] = description }
        if let image = achievement["image"] { credential["image"] = image }
        if !evidence.isEmpty {
            credential["evidence"] = .array(
                evidence.map { item in
                    guard case .object(var members) = item else { return item }
                    members["type"] = ["Evidence"]
                    return .object(members)
                })
        }
        return credential
    }

    /// Signs and writes the credential, returning the files written (relative to the folder).
    func write(
        id: String, badgeID: String, email: String, issuedOn: String, evidence: [JSONValue], statusIndex: Int,
        name: String? = nil, artworks: [BadgeArt], into output: BadgeFolder
    ) throws(BadgeError) -> [String] {
        let unsigned = try credential(
            id: id, badgeID: badgeID, email: email, issuedOn: issuedOn, evidence: evidence, statusIndex: statusIndex,
            name: name)
        let uuid = BadgeURLs.assertionUUID(of: id)
        var files: [String] = []
        func write(_ bytes: [UInt8], extension ext: String) throws(BadgeError) {
            let path = urls.layout.ob3Credential(uuid: uuid, extension: ext)
            try output.write(bytes, to: path)
            files.append(path)
        }
        var json: String?
        if let key = keys.dataIntegrity, let contexts = keys.contexts, let method = export.verificationMethod {
            var signed = unsigned
            do {
                let proof = try DataIntegrityProof(loader: contexts).sign(
                    .object(unsigned), key: key.privateKey, verificationMethod: method, created: created)
                signed["proof"] = [proof]
            } catch {
                throw BadgeError("cannot sign the credential of `\(badgeID)`: \(error)")
            }
            let bytes = JSONValue.object(signed).prettyBytes()
            json = String(decoding: JSONValue.object(signed).compactBytes(), as: UTF8.self)
            try write(bytes, extension: "json")
        }
        var jwt: String?
        if let key = keys.jwt, let keyID = export.jwtKeyID {
            jwt = try Self.vcJWT(unsigned, key: key, keyID: keyID)
            try write(Array((jwt! + "\n").utf8), extension: "jwt")
        }
        for artwork in artworks {
            let bytes: [UInt8]
            do {
                switch artwork.format {
                case "png":
                    bytes = try PNGBaker.bake(artwork.bytes, text: json ?? jwt ?? "", keyword: PNGBaker.keyword3)
                default:
                    bytes = try SVGBaker.bakeCredential(artwork.bytes, json: json, jwt: json == nil ? jwt : nil)
                }
            } catch {
                throw BadgeError("cannot bake the credential of `\(badgeID)`: \(error)")
            }
            try write(bytes, extension: artwork.format)
        }
        return files
    }

    /// The VC-JWT of `credential` (Open Badges 3.0 §8.2): RS256, `kid` the published JWK's URL, the
    /// credential as the claims set with `iss`, `nbf`, `jti` (and `sub`, `exp` when it has a subject id
    /// or an end date) mapped from it.
    static func vcJWT(_ credential: [String: JSONValue], key: SigningKey, keyID: String) throws(BadgeError) -> String {
        var claims = credential
        claims["proof"] = nil
        claims["iss"] = credential["issuer"]?["id"] ?? credential["issuer"]
        claims["jti"] = credential["id"]
        if let subject = credential["credentialSubject"]?["id"] { claims["sub"] = subject }
        if let seconds = credential["validFrom"]?.stringValue.flatMap(DateFormats.epochSeconds) {
            claims["nbf"] = .number(seconds)
        }
        if let seconds = credential["validUntil"]?.stringValue.flatMap(DateFormats.epochSeconds) {
            claims["exp"] = .number(seconds)
        }
        do {
            return try JWS.sign(
                payload: JSONValue.object(claims).compactBytes(), with: key, header: ["kid": .string(keyID), "typ": "JWT"])
        } catch {
            throw BadgeError("cannot sign the VC-JWT: \(error)")
        }
    }
}
