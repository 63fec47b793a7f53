import Foundation
import LinkedData
import ToolkitSupport

/// Checks a baked image, an assertion JSON or a JWS (Open Badges 2.0), or a credential JSON or
/// VC-JWT (3.0), against the published files in an output folder, offline: structure, recipient
/// hash, badge class or achievement and issuer, signature or hosted copy, and revocation.
public struct BadgeVerifier: Sendable {
    /// What verification found.
    public struct Report: Sendable {
        /// The assertion's id, when it could be read.
        public var assertionID: String?
        /// The badge's name, when its class was found.
        public var badgeName: String?
        /// `hosted` or `signed`.
        public var verification: String?
        /// Whether it is an Open Badges 3.0 credential (else a 2.0 assertion).
        public var isCredential = false
        /// Whether the recipient is the email asked about (nil when none was asked or the recipient is unreadable).
        public var recipientMatches: Bool?
        /// Everything wrong; empty means the badge verifies.
        public var problems: [String] = []
    }

    /// The published folder, with its base URL.
    public let folder: BadgeFolder
    /// The URL layout.
    public var urls: BadgeURLs { folder.urls }

    /// The pinned JSON-LD contexts, for Open Badges 3.0 Data Integrity proofs.
    public var contexts: PinnedContexts?
    /// The time validity dates are checked against.
    public var now = Date()

    /// Creates a verifier for the files in `folder`; `contexts` lets it check 3.0 Data Integrity proofs.
    public init(folder: BadgeFolder, contexts: PinnedContexts? = nil) {
        self.folder = folder
        self.contexts = contexts
    }

    /// Verifies `bytes` (PNG, SVG, JSON or JWS, told apart by content); `email`, when given, must match the recipient.
    public func verify(_ bytes: [UInt8], email: String? = nil) -> Report {
        var report = Report()
        let baked: String
        do {
            if bytes.starts(with: PNGBaker.signature) {
                baked = try PNGBaker.unbake(bytes)
            } else if String(decoding: bytes.prefix(512), as: UTF8.self).contains("<svg") {
                baked = try SVGBaker.unbake(bytes)
            } else {
                baked = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        } catch {
            report.problems.append("\(error)")
            return report
        }

        let form: CredentialVerifier.Form?
        do {
            form = try CredentialVerifier.form(of: baked)
        } catch {
            report.problems.append("the baked JSON is refused: \(error)")
            return report
        }
        if let credential = form {
            report.isCredential = true
            CredentialVerifier(folder: folder, contexts: contexts, now: now).verify(credential, email: email, into: &report)
            return report
        }
        var assertion: JSONValue
        if baked.hasPrefix("{") {
            guard let parsed = try? JSONValue.parse(Array(baked.utf8), limits: .untrusted) else {
                report.problems.append("the baked assertion is not valid JSON")
                return report
            }
            assertion = parsed
            report.verification = "hosted"
            checkHosted(assertion, &report)
        } else if baked.hasPrefix("http") {
            guard let local = read(baked), let parsed = try? JSONValue.parse(local) else {
                report.problems.append("the hosted assertion \(baked) is not in the published folder")
                return report
            }
            assertion = parsed
            report.verification = "hosted"
            checkHosted(assertion, &report)
        } else {
            report.verification = "signed"
            guard let payload = JWS.unverifiedPayload(baked) else {
                report.problems.append("neither JSON, a URL nor a compact JWS")
                return report
            }
            let parsed: JSONValue
            do {
                parsed = try JSONValue.parse(payload, limits: .untrusted)
            } catch {
                report.problems.append("the JWS payload is refused: \(error)")
                return report
            }
            assertion = parsed
            checkSigned(baked, assertion, &report)
        }
        report.assertionID = assertion["id"]?.stringValue
        checkAssertion(assertion, email: email, &report)
        return report
    }

    private func read(_ url: String) -> [UInt8]? { folder.read(url: url) }

    private func document(_ url: String?, _ what: String, _ report: inout Report) -> JSONValue? {
        guard let url else {
            report.problems.append("no \(what) is named")
            return nil
        }
        guard let bytes = read(url) else {
            report.problems.append("the \(what) \(url) is not in the published folder")
            return nil
        }
        guard let value = try? JSONValue.parse(bytes) else {
            report.problems.append("the \(what) \(url) is not valid JSON")
            return nil
        }
        return value
    }

    private func checkHosted(_ assertion: JSONValue, _ report: inout Report) {
        if assertion["verification"]?["type"]?.stringValue != "hosted" {
            report.problems.append("the assertion is not hosted, yet no signature was baked")
        }
        guard let hosted = document(assertion["id"]?.stringValue, "hosted assertion", &report) else { return }
        // Revoking rewrites the hosted copy with two members; anything else differing is tampering.
        var unrevoked = hosted
        if case .object(var members) = hosted {
            members["revoked"] = nil
            members["revocationReason"] = nil
            unrevoked = .object(members)
        }
        if unrevoked != assertion { report.problems.append("the baked assertion differs from the hosted copy") }
        if hosted["revoked"] == .bool(true) {
            report.problems.append("the assertion was revoked: \(hosted["revocationReason"]?.stringValue ?? "no reason given")")
        }
    }

    private func checkSigned(_ jws: String, _ assertion: JSONValue, _ report: inout Report) {
        guard assertion["verification"]?["type"]?.stringValue == "signed" else {
            report.problems.append("the assertion does not say it is signed")
            return
        }
        guard let key = document(assertion["verification"]?["creator"]?.stringValue, "signing key", &report) else { return }
        if key["owner"]?.stringValue != urls.issuer { report.problems.append("the signing key does not belong to the issuer") }
        guard let pem = key["publicKeyPem"]?.stringValue else {
            report.problems.append("the signing key document has no publicKeyPem")
            return
        }
        do {
            _ = try JWS.verify(jws, publicKeyPEM: pem)
        } catch {
            report.problems.append(error.description)
        }
        if let issuer = document(urls.issuer, "issuer", &report), let listURL = issuer["revocationList"]?.stringValue,
            let list = document(listURL, "revocation list", &report)
        {
            let id = assertion["id"]?.stringValue
            if let entry = list["revokedAssertions"]?.arrayValue?.first(where: {
                $0["id"]?.stringValue == id || $0.stringValue == id
            }) {
                report.problems.append(
                    "the assertion was revoked: \(entry["revocationReason"]?.stringValue ?? "no reason given")")
            }
        }
    }

    private func checkAssertion(_ assertion: JSONValue, email: String?, _ report: inout Report) {
        if assertion["@context"]?.stringValue != OpenBadgesContext.v2 {
            report.problems.append("@context is not \(OpenBadgesContext.v2)")
        }
        if assertion["type"]?.stringValue != "Assertion" { report.problems.append("type is not Assertion") }
        if let issuedOn = assertion["issuedOn"]?.stringValue {
            if EarnerCSV.normaliseDate(issuedOn) == nil {
                report.problems.append("issuedOn `\(issuedOn)` is not an ISO 8601 date")
            }
        } else {
            report.problems.append("issuedOn is missing")
        }
        if let expires = assertion["expires"]?.stringValue {
            if let seconds = DateFormats.epochSeconds(expires) {
                if seconds <= now.timeIntervalSince1970 { report.problems.append("the assertion expired on \(expires)") }
            } else {
                report.problems.append("expires `\(expires)` is not a date and time with a time zone")
            }
        }
        let recipient = assertion["recipient"]
        let identity = recipient?["identity"]?.stringValue ?? ""
        if recipient?["hashed"] != .bool(true) || !identity.hasPrefix("sha256$") || identity.count != 71 {
            report.problems.append("the recipient is not a sha256-hashed identity")
        } else if let email {
            let salt = recipient?["salt"]?.stringValue ?? ""
            report.recipientMatches = RecipientIdentity.hash(email: email, salt: salt) == identity
            if report.recipientMatches == false { report.problems.append("the badge was not issued to \(email)") }
        }
        guard let badgeClass = document(assertion["badge"]?.stringValue, "badge class", &report) else { return }
        report.badgeName = badgeClass["name"]?.stringValue
        if badgeClass["type"]?.stringValue != "BadgeClass" { report.problems.append("the badge class's type is not BadgeClass") }
        if badgeClass["issuer"]?.stringValue != urls.issuer {
            report.problems.append("the badge class names another issuer: \(badgeClass["issuer"]?.stringValue ?? "none")")
        } else if document(urls.issuer, "issuer", &report)?["type"]?.stringValue.map({ ["Issuer", "Profile"].contains($0) })
            != true
        {
            report.problems.append("the issuer profile's type is not Issuer")
        }
    }
}
