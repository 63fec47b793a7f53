/// Where each file of a published Open Badges folder sits, relative to that folder (and so to the
/// base URL it is served under): the issuer profile, badge classes with their images, the signing
/// key, the revocation list and the assertions.
public struct PublishedBadgesLayout: Sendable, Hashable {
    /// The issuer profile.
    public var issuerProfile = "issuer.json"
    /// The stem of the issuer's image (`issuer.png`, `issuer.svg`).
    public var issuerImageStem = "issuer"
    /// The folder of badge classes and their images.
    public var badgeClassesFolder = "badges"
    /// The folder of the issuer's public key documents, one per key ever used, named by fingerprint.
    public var keysFolder = "keys"
    /// The revocation list of signed assertions.
    public var revocationList = "revocations.json"
    /// The folder of assertions and their baked images.
    public var assertionsFolder = "assertions"

    /// The folder of the Open Badges 3.0 documents (profile, achievements, keys, credentials),
    /// beside the 2.0 ones so one folder and one base URL serve both.
    public var openBadges3Folder = "ob3"

    /// The standard layout.
    public static let standard = PublishedBadgesLayout()

    /// Creates the standard layout.
    public init() {}

    /// The issuer's image with this extension.
    public func issuerImage(extension ext: String) -> String { issuerImageStem + "." + ext }
    /// A badge class document.
    public func badgeClass(id: String) -> String { badgeClassesFolder + "/" + id + ".json" }
    /// A badge class's image, beside it.
    public func badgeImage(id: String, extension ext: String) -> String { badgeClassesFolder + "/" + id + "." + ext }
    /// The public key document of the key with this fingerprint.
    public func publicKey(fingerprint: String) -> String { keysFolder + "/" + fingerprint + ".json" }
    /// An assertion's file with this extension (`json` hosted, `jws` signed, `png`/`svg` baked).
    public func assertion(uuid: String, extension ext: String) -> String { assertionsFolder + "/" + uuid + "." + ext }

    /// The Open Badges 3.0 issuer `Profile`.
    public var ob3Profile: String { openBadges3Folder + "/" + issuerProfile }
    /// An Open Badges 3.0 `Achievement`.
    public func ob3Achievement(id: String) -> String { openBadges3Folder + "/achievements/" + id + ".json" }
    /// A public key document for Open Badges 3.0: a Multikey (Ed25519) or a JSON Web Key (RSA, `jwk` kind).
    public func ob3Key(fingerprint: String, kind: String) -> String {
        openBadges3Folder + "/" + keysFolder + "/" + fingerprint + "." + kind + ".json"
    }
    /// An Open Badges 3.0 credential's file with this extension (`json`, `jwt`, `png`, `svg`).
    public func ob3Credential(uuid: String, extension ext: String) -> String {
        openBadges3Folder + "/credentials/" + uuid + "." + ext
    }
    /// The page that checks a badge in the browser, published with the badges.
    public var verifyPage: String { "verify/index.html" }
    /// The `did:web` document of an issuer identified by a DID (at the folder's root).
    public var didDocument: String { "did.json" }
    /// The signed Bitstring Status List of revoked 3.0 credentials.
    public var ob3StatusList: String { openBadges3Folder + "/status/revocation.json" }
    /// The same list as a VC-JWT.
    public var ob3StatusListJWT: String { openBadges3Folder + "/status/revocation.jwt" }
}
