import Crypto
import Foundation
import ToolkitSupport

/// The JSON-LD contexts Open Badges 3.0 credentials use, pinned by SHA-256: a context is read only
/// from a local copy whose bytes hash to its pin, and every other context URL is refused. The
/// toolkit never fetches a context, so what a proof covers cannot change under it.
public struct PinnedContexts: ContextLoader {
    /// One pinned context: its URL and the SHA-256 of each published revision of its document.
    public struct Pin: Sendable, Hashable {
        /// The URL credentials name in `@context`.
        public var url: String
        /// Lowercase hex SHA-256 of the document's bytes, one per revision accepted.
        public var sha256: [String]
    }

    /// The W3C Verifiable Credentials 2.0 context.
    public static let credentialsV2 = "https://www.w3.org/ns/credentials/v2"
    /// The Open Badges 3.0.3 context.
    public static let openBadgesV3 = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
    /// The Data Integrity 2.0 context (for proofs and published keys).
    public static let dataIntegrityV2 = "https://w3id.org/security/data-integrity/v2"
    /// The Multikey 1.0 context (for published keys).
    public static let multikeyV1 = "https://w3id.org/security/multikey/v1"

    /// Every context the toolkit reads, with its pin (the copies 1EdTech and the W3C publish).
    public static let pins: [Pin] = [
        Pin(url: credentialsV2, sha256: ["59955ced6697d61e03f2b2556febe5308ab16842846f5b586d7f1f7adec92734"]),
        // 1EdTech revised the 3.0.3 context in place, adding `endorsementJwt` and `jti` and changing
        // nothing else: both revisions give the same statements for every credential this toolkit makes.
        Pin(
            url: openBadgesV3,
            sha256: [
                "ef2fa9c7846dce233cc166b43639027278be4ee44f00bb1d45c75de2dd0cd761",
                "3d34f4d4ef1bce691106e63798beb5e7b862ba841423f5ee1e53ab7ddf3bca84",
            ]),
        Pin(url: dataIntegrityV2, sha256: ["67f21e6e33a6c14e5ccfd2fc7865f7474fb71a04af7e94136cb399dfac8ae8f4"]),
        Pin(url: multikeyV1, sha256: ["ba2c182de2d92f7e47184bcca8fcf0beaee6d3986c527bf664c195bbc7c58597"]),
    ]

    /// The URL of the pinned context whose document `bytes` are, recognised by their SHA-256 whatever
    /// the file is called; nil when they are none of them.
    public static func recognise(_ bytes: [UInt8]) -> String? {
        let digest = Hexadecimal.lowercase(SHA256.hash(data: Data(bytes)))
        return pins.first { $0.sha256.contains(digest) }?.url
    }

    private let documents: [String: JSONValue]
    /// The top-level contexts processed with these documents.
    public let processedContexts: ProcessedContexts? = ProcessedContexts()

    /// Reads each pinned context through `read` (URL → bytes of its local copy, nil when absent) and
    /// checks it against its pin.
    public init(read: (String) -> [UInt8]?) throws(LinkedDataError) {
        var documents: [String: JSONValue] = [:]
        for pin in Self.pins {
            guard let bytes = read(pin.url) else { throw LinkedDataError("no local copy of the context \(pin.url)") }
            let digest = Hexadecimal.lowercase(SHA256.hash(data: Data(bytes)))
            guard pin.sha256.contains(digest) else {
                throw LinkedDataError(
                    "the local copy of \(pin.url) is not a pinned one (SHA-256 \(digest), expected \(pin.sha256.joined(separator: " or ")))"
                )
            }
            guard let document = try? JSONValue.parse(bytes) else {
                throw LinkedDataError("the local copy of \(pin.url) is not JSON")
            }
            documents[pin.url] = document
        }
        self.documents = documents
    }

    /// The pinned document at `url`; any other URL is refused (contexts are never fetched).
    public func document(at url: String) throws(LinkedDataError) -> JSONValue {
        guard let document = documents[url] else {
            throw LinkedDataError("the context \(url) is not one of the pinned contexts, and contexts are never fetched")
        }
        return document
    }
}
