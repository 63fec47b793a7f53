import Crypto
import Foundation
import LinkedData
import ToolkitSupport
import _CryptoExtras

/// Checks an Open Badges 3.0 credential (JSON with an embedded `eddsa-rdfc-2022` proof, or a VC-JWT)
/// against the published folder, offline: the proof with the issuer's published key, that the
/// issuer and achievement are this folder's, the validity dates, the recipient, and the signed
/// status list.
struct CredentialVerifier {
    let folder: BadgeFolder
    let contexts: PinnedContexts?
    let now: Date

    /// An Open Badges 3.0 credential as it was baked or sent.
    enum Form {
        /// JSON with an embedded proof, parsed.
        case json(JSONValue)
        /// A VC-JWT.
        case jwt(String)
    }

    /// `text` (unbaked) as a 3.0 credential, or nil when it is a 2.0 assertion (or nothing). JSON is
    /// parsed strictly within the limits for untrusted input: a member name written twice, or a
    /// document too large or too deep, is refused before anything else.
    static func form(of text: String) throws(JSONParseError) -> Form? {
        if text.hasPrefix("{") {
            let parsed = try JSONValue.parse(Array(text.utf8), limits: .untrusted)
            guard parsed["@context"]?.arrayValue?.first == .string(PinnedContexts.credentialsV2) else { return nil }
            return .json(parsed)
        }
        return JWS.unverifiedHeader(text)?["typ"]?.stringValue == "JWT" ? .jwt(text) : nil
    }

    func verify(_ form: Form, email: String?, into report: inout BadgeVerifier.Report) {
        let urls = folder.urls
        let credential: JSONValue
        let claims: CredentialClaims
        switch form {
        case .json(let parsed):
            report.verification = "Open Badges 3.0 (Data Integrity)"
            credential = parsed
            report.assertionID = credential["id"]?.stringValue
            // Nothing is read from a credential whose proof does not verify: only signed statements count.
            guard let verified = checkDataIntegrity(credential, &report) else { return }
            do {
                claims = try CredentialClaims(signed: verified.statements)
            } catch {
                report.problems.append(error.message)
                return
            }
        case .jwt(let text):
            report.verification = "Open Badges 3.0 (VC-JWT)"
            guard let payload = JWS.unverifiedPayload(text) else {
                report.problems.append("the VC-JWT's payload is not JSON")
                return
            }
            do {
                credential = try JSONValue.parse(payload, limits: .untrusted)
            } catch {
                report.problems.append("the VC-JWT's payload is refused: \(error)")
                return
            }
            report.assertionID = credential["id"]?.stringValue
            guard checkJWT(text, credential, &report) else { return }
            claims = CredentialClaims(json: credential)
        }
        report.assertionID = claims.id
        if credential["@context"] != OpenBadges3Export.context {
            report.problems.append("@context is not the Verifiable Credentials 2.0 and Open Badges 3.0.3 contexts")
        }
        if !claims.types.contains("VerifiableCredential") || !claims.types.contains("OpenBadgeCredential") {
            report.problems.append("type is not VerifiableCredential, OpenBadgeCredential")
        }
        if claims.issuer != urls.ob3IssuerID {
            report.problems.append("the credential names another issuer: \(claims.issuer ?? "none")")
        }
        checkDates(claims, &report)
        report.badgeName = claims.achievementName
        if claims.achievementID.flatMap(folder.read(url:)) == nil {
            report.problems.append("the achievement is not one published in this folder")
        }
        if let email { checkRecipient(claims, email: email, &report) }
        checkStatus(claims, &report)
    }

    /// The verified proof and signed statements of `credential`, or nil (with the problem reported).
    private func checkDataIntegrity(_ credential: JSONValue, _ report: inout BadgeVerifier.Report)
        -> DataIntegrityProof.Verified?
    {
        let proofs = credential["proof"].map { $0.arrayValue ?? [$0] } ?? []
        guard let method = proofs.first?["verificationMethod"]?.stringValue else {
            report.problems.append("the credential has no proof")
            return nil
        }
        guard let key = multikey(method, &report) else { return nil }
        guard let contexts else {
            report.problems.append(
                "cannot check the Data Integrity proof without the pinned JSON-LD contexts (pass --contexts)")
            return nil
        }
        do {
            return try DataIntegrityProof(loader: contexts).verify(credential, publicKey: key)
        } catch {
            report.problems.append("the proof does not verify: \(error.description)")
            return nil
        }
    }

    /// The Ed25519 key of a Multikey document published in the folder and controlled by its issuer.
    private func multikey(_ url: String, _ report: inout BadgeVerifier.Report) -> Curve25519.Signing.PublicKey? {
        let urls = folder.urls
        guard let bytes = folder.read(url: url), let document = try? JSONValue.parse(bytes) else {
            report.problems.append("the verification method \(url) is not a key published in this folder")
            return nil
        }
        guard document["controller"]?.stringValue == urls.ob3IssuerID else {
            report.problems.append("the key \(url) is not controlled by the issuer")
            return nil
        }
        // The proof's purpose: the controller lists the key under assertionMethod (as verifier-core checks).
        let controller = folder.read(urls.issuerDID != nil ? urls.layout.didDocument : urls.layout.ob3Profile)
            .flatMap { try? JSONValue.parse($0) }
        guard controller?["assertionMethod"]?.arrayValue?.contains(.string(url)) == true else {
            report.problems.append(
                "the key \(url) is not listed under assertionMethod by its controller \(urls.ob3IssuerID): it may not make assertions for the issuer"
            )
            return nil
        }
        guard let raw = document["publicKeyMultibase"]?.stringValue.flatMap(Multibase.ed25519PublicKey(multibase:)),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            report.problems.append("the key \(url) is not an Ed25519 Multikey")
            return nil
        }
        return key
    }

    /// Whether the VC-JWT's signature verifies with the issuer's published key (the payload's
    /// claims are checked against its registered names either way).
    @discardableResult
    private func checkJWT(_ jwt: String, _ credential: JSONValue, _ report: inout BadgeVerifier.Report) -> Bool {
        guard let keyID = JWS.unverifiedHeader(jwt)?["kid"]?.stringValue, let key = jwk(keyID, &report) else {
            if JWS.unverifiedHeader(jwt)?["kid"] == nil { report.problems.append("the VC-JWT names no key (kid)") }
            return false
        }
        var signed = true
        do {
            _ = try JWS.verify(jwt, publicKey: key)
        } catch {
            report.problems.append(error.description)
            signed = false
        }
        let issuerID = credential["issuer"]?["id"] ?? credential["issuer"]
        if credential["iss"] != issuerID { report.problems.append("the VC-JWT's iss is not the credential's issuer") }
        if credential["jti"] != credential["id"] { report.problems.append("the VC-JWT's jti is not the credential's id") }
        let validFrom = credential["validFrom"]?.stringValue.flatMap(DateFormats.epochSeconds)
        if validFrom == nil || credential["nbf"] != .number(validFrom!) {
            report.problems.append("the VC-JWT's nbf is not the credential's validFrom")
        }
        return signed
    }

    private func jwk(_ url: String, _ report: inout BadgeVerifier.Report) -> _RSA.Signing.PublicKey? {
        guard let bytes = folder.read(url: url), let document = try? JSONValue.parse(bytes),
            document["kty"]?.stringValue == "RSA", let n = document["n"]?.stringValue.flatMap({ JWS.decode(Substring($0)) }),
            let e = document["e"]?.stringValue.flatMap({ JWS.decode(Substring($0)) }),
            let key = try? _RSA.Signing.PublicKey(n: n, e: e)
        else {
            report.problems.append("the VC-JWT's key \(url) is not an RSA key published in this folder")
            return nil
        }
        return key
    }

    private func checkDates(_ claims: CredentialClaims, _ report: inout BadgeVerifier.Report) {
        guard let validFrom = claims.validFrom.flatMap(DateFormats.epochSeconds) else {
            report.problems.append("validFrom is missing or not a date and time with a time zone")
            return
        }
        if validFrom > now.timeIntervalSince1970 { report.problems.append("the credential is not valid yet (validFrom)") }
        if let until = claims.validUntil {
            if let seconds = DateFormats.epochSeconds(until) {
                if seconds <= now.timeIntervalSince1970 { report.problems.append("the credential expired (validUntil)") }
            } else {
                report.problems.append("validUntil is not a date and time with a time zone")
            }
        }
    }

    private func checkRecipient(_ claims: CredentialClaims, email: String, _ report: inout BadgeVerifier.Report) {
        let emails = claims.identifiers.filter { $0.identityType == "emailAddress" }
        guard !emails.isEmpty else {
            report.problems.append("the credential names no email recipient")
            return
        }
        report.recipientMatches = emails.contains { identifier in
            let hash = identifier.identityHash ?? ""
            if identifier.hashed {
                return RecipientIdentity.hash(email: email, salt: identifier.salt ?? "") == hash
            }
            return RecipientIdentity.normalise(hash) == RecipientIdentity.normalise(email)
        }
        if report.recipientMatches == false { report.problems.append("the badge was not issued to \(email)") }
    }

    /// This issuer gives every credential one revocation entry: a credential with none, or several,
    /// cannot be verified (never "valid" because the status could not be found).
    private func checkStatus(_ claims: CredentialClaims, _ report: inout BadgeVerifier.Report) {
        guard claims.statuses.count == 1, let status = claims.statuses.first else {
            report.problems.append(
                claims.statuses.isEmpty
                    ? "the credential carries no status, though this issuer gives each credential one: its revocation cannot be checked"
                    : "the credential carries \(claims.statuses.count) status entries; this issuer gives each credential one")
            return
        }
        guard status.type == "BitstringStatusListEntry", status.purpose == "revocation", let listURL = status.listURL,
            let index = status.index.flatMap({ Int($0) }), index >= 0, index < StatusList.capacity
        else {
            report.problems.append("the credential's status is not a revocation entry of a Bitstring Status List")
            return
        }
        guard let bytes = folder.read(url: listURL), let list = try? JSONValue.parse(bytes) else {
            report.problems.append("the status list \(listURL) is not in the published folder")
            return
        }
        // The list must be the issuer's: its own proof checked as the credential's is, and its bits
        // read from what that proof signed.
        var listReport = BadgeVerifier.Report()
        var encoded: String?
        let jwtList = folder.read(folder.urls.layout.ob3StatusListJWT).map { String(decoding: $0, as: UTF8.self) }
        // A VC-JWT list needs no JSON-LD contexts: without them, it is the one checked.
        if list["proof"] != nil, contexts != nil || jwtList == nil {
            if let verified = checkDataIntegrity(list, &listReport) {
                let lists = verified.statements.quads.filter {
                    $0.graph == nil && $0.predicate == .iri(OpenBadges3Vocabulary.status + "encodedList")
                }
                encoded = lists.count == 1 ? lists[0].object.literal : nil
                let ids = verified.statements.subjects(ofType: OpenBadges3Vocabulary.credentials + "VerifiableCredential")
                if ids != [.iri(listURL)] { listReport.problems.append("it is not the list \(listURL) names") }
            }
        } else if let jwt = jwtList,
            let payload = JWS.unverifiedPayload(jwt).flatMap({ try? JSONValue.parse($0, limits: .untrusted) })
        {
            checkJWT(jwt.trimmingCharacters(in: .whitespacesAndNewlines), payload, &listReport)
            if payload["credentialSubject"] != list["credentialSubject"] {
                listReport.problems.append("the signed status list differs from the published one")
            }
            if payload["id"]?.stringValue != listURL { listReport.problems.append("it is not the list \(listURL) names") }
            encoded = payload["credentialSubject"]?["encodedList"]?.stringValue
        } else {
            listReport.problems.append("it is not signed")
        }
        if !listReport.problems.isEmpty {
            report.problems.append("the status list cannot be trusted: \(listReport.problems.joined(separator: "; "))")
            return
        }
        guard let encoded, let bits = StatusList.decode(encoded) else {
            report.problems.append("the status list cannot be read")
            return
        }
        if bits.isSet(index) { report.problems.append("the credential was revoked") }
    }
}
