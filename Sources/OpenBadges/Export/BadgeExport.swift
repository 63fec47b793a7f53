import CourseModel
import FileAccess
import Foundation
import ToolkitSupport

/// The Open Badges 2.0 documents of a course: issuer profile, badge classes with their images, and,
/// for signed badges, the public key and revocation list. Files are written one by one, each
/// atomically, so assertions issued earlier in the same folder are kept.
public struct BadgeExport: Sendable {
    /// One file to publish: its path in the output folder and its bytes.
    public struct File: Sendable, Hashable {
        /// Path relative to the output folder.
        public var path: String
        /// Contents.
        public var bytes: [UInt8]
    }

    /// Where everything is served.
    public let urls: BadgeURLs
    /// The signing key's public half, when the badges are signed.
    public let publicKey: PublishedKey?
    /// The issuer profile, written last (after the files it names).
    private var profile: [String: JSONValue] = [:]
    /// The files, in a stable order.
    public private(set) var files: [File] = []
    /// Things the author should know (alignments left out, and why).
    public private(set) var notes: [String] = []
    /// The exported badge class ids, in order.
    public private(set) var badgeIDs: [String] = []
    /// The Open Badges 3.0 documents, when asked for.
    public private(set) var openBadges3: OpenBadges3Export?
    /// What each badge class says, for the 3.0 achievements: criteria and image URL.
    private var classes: [(badge: BadgeClass, criteria: [String: JSONValue], imageURL: String)] = []

    /// Builds the documents of `course`, reading badge art through `workspace`. `pageBaseURL` is where
    /// the HTML site is published (criteria link to Thing pages, laid out as `pageLayout` says, when
    /// given); `publicKeyPEM` makes the issuer's badges signed.
    public init(
        course: Course, badges: BadgeCatalog, workspace: WorkspaceFiles, urls: BadgeURLs, pageBaseURL: String? = nil,
        publicKey: PublishedKey? = nil, workspaceLayout: WorkspaceLayout = .standard, pageLayout: PackageLayout = .standard,
        spec: OpenBadgesSpec = .v2, openBadges3Keys: OpenBadges3Keys = OpenBadges3Keys()
    ) throws(BadgeError) {
        self.urls = urls
        self.publicKey = publicKey
        let art = BadgeArtReader(workspace: workspace, badgesFolder: workspaceLayout.badgesFolder)
        guard let issuer = badges.issuer else { throw BadgeError(path: workspaceLayout.issuerFile, "is missing") }

        var profile: [String: JSONValue] = [
            "@context": .string(OpenBadgesContext.v2), "type": "Issuer", "id": .string(urls.issuer),
            "name": .string(issuer.name), "description": .string(issuer.description),
        ]
        if let url = issuer.url { profile["url"] = .string(url) }
        if let email = issuer.email { profile["email"] = .string(email) }
        var issuerImage: (url: String, ext: String)?
        if let image = issuer.image {
            let ext = try BadgeArtReader.imageExtension(image)
            add(urls.layout.issuerImage(extension: ext), try art.read(image))
            profile["image"] = .string(urls.issuerImage(extension: ext))
            issuerImage = (urls.issuerImage(extension: ext), ext)
        }
        if let publicKey {
            let keyURL = urls.publicKey(fingerprint: publicKey.fingerprint)
            profile["publicKey"] = .string(keyURL)
            profile["revocationList"] = .string(urls.revocationList)
            add(
                urls.layout.publicKey(fingerprint: publicKey.fingerprint),
                JSONValue.object([
                    "@context": .string(OpenBadgesContext.v2), "type": "CryptographicKey", "id": .string(keyURL),
                    "owner": .string(urls.issuer), "publicKeyPem": .string(publicKey.pem),
                ]).prettyBytes())
        }
        self.profile = profile
        add(urls.layout.issuerProfile, JSONValue.object(profile).prettyBytes())
        // A page anyone can open beside the badges to check one, with no platform and no toolkit.
        add(urls.layout.verifyPage, Array(VerifyPage.html(layout: urls.layout).utf8))

        let published = course.orderedThings.filter { $0.status == .published }
        for thing in published {
            guard let reference = thing.badge, let badge = badges.badge(id: reference.id) else { continue }
            let criteria = CriteriaNarrative.thing(thing, course: course)
            let page = pageBaseURL.map { "\(Self.trimmed($0))/\(pageLayout.thingPage(id: thing.id))" }
            try addBadgeClass(badge, criteria: criteria, criteriaURL: page, art: art)
        }
        for collection in course.collections {
            guard let reference = collection.badge, let badge = badges.badge(id: reference.id) else { continue }
            let members = collection.members.compactMap { course.thing(id: $0.id) }.map { thing -> (String, String?) in
                let memberBadge = thing.badge.flatMap { badges.badge(id: $0.id) }
                let label = memberBadge?.name ?? "Thing \(thing.number)"
                let exported = thing.status == .published && memberBadge != nil
                return (label, exported ? urls.badgeClass(memberBadge!.id) : nil)
            }
            let criteria = CriteriaNarrative.collection(collection, course: course, memberBadges: members)
            try addBadgeClass(badge, criteria: criteria, criteriaURL: nil, art: art)
        }
        if spec.includes3 {
            openBadges3 = OpenBadges3Export(
                issuer: issuer, urls: urls, keys: openBadges3Keys, issuerImage: issuerImage, badgeClasses: classes)
        }
    }

    /// The badge classes a collection requires, by exported badge id, for awarding it.
    public static func memberBadgeIDs(of collection: Collection, in course: Course) -> [String] {
        collection.members.compactMap { course.thing(id: $0.id)?.badge?.id }
    }

    /// Writes every file into `folder`, each through a temporary file and a rename (call it inside
    /// the folder's transaction). What was published before is never undone: a folder published under
    /// another base URL is refused unless `allowingNewBaseURL`; an export without a key keeps the key
    /// and revocation list already published; a new key is published beside the earlier ones, which
    /// stay, so earlier signed badges keep verifying. Returns what the author should know.
    @discardableResult
    public func write(to folder: BadgeFolder, allowingNewBaseURL: Bool = false) throws(BadgeError) -> [String] {
        var profile = profile
        var notes: [String] = []
        let existing = folder.read(urls.layout.issuerProfile).flatMap { try? JSONValue.parse($0) }
        if let id = existing?["id"]?.stringValue, id != urls.issuer, !allowingNewBaseURL {
            throw BadgeError(
                path: folder.file(urls.layout.issuerProfile),
                "was published under \(BadgeURLs.base(ofIssuerID: id, layout: urls.layout) ?? id), not \(urls.base); every badge already issued points there. Pass --allow-new-base-url to publish this folder under the new address anyway"
            )
        }
        let earlierKey = existing?["publicKey"]?.stringValue
        if publicKey == nil, let earlierKey, existing?["id"]?.stringValue == urls.issuer {
            // Signed badges were issued from this folder: keep them verifiable and their revocations in force.
            profile["publicKey"] = .string(earlierKey)
            profile["revocationList"] = existing?["revocationList"] ?? .string(urls.revocationList)
            notes.append("no --sign-key given: the published signing key and revocation list are kept")
        }
        if let publicKey, let earlierKey, earlierKey != urls.publicKey(fingerprint: publicKey.fingerprint) {
            notes.append(
                "the signing key changed: the earlier key stays published at \(earlierKey), so badges signed with it keep verifying"
            )
        }
        for file in files + (openBadges3?.files ?? []) where file.path != urls.layout.issuerProfile {
            if file.path == urls.layout.didDocument || file.path == urls.layout.ob3Profile, let earlier = folder.read(file.path) {
                // Key rotation: keys published before stay listed (in the DID document, or the profile's
                // assertionMethod), so what they signed keeps verifying.
                try folder.write(Self.mergedControllerDocument(file.bytes, earlier: earlier), to: file.path)
                continue
            }
            try folder.write(file.bytes, to: file.path)
        }
        try openBadges3?.writeStatusListIfMissing(to: folder)
        try folder.write(JSONValue.object(profile).prettyBytes(), to: urls.layout.issuerProfile)
        // A revocation list is created once and then only ever added to (by `badges revoke`).
        if profile["revocationList"] != nil, folder.read(urls.layout.revocationList) == nil {
            try folder.write(RevocationList.empty(urls: urls).prettyBytes(), to: urls.layout.revocationList)
        }
        return notes
    }

    /// The controller document `bytes` (a DID document, or the 3.0 profile) with every verification
    /// method and `assertionMethod` entry of `earlier` it lacks kept.
    static func mergedControllerDocument(_ bytes: [UInt8], earlier: [UInt8]) -> [UInt8] {
        guard case .object(var document)? = try? JSONValue.parse(bytes),
            let old = try? JSONValue.parse(earlier), old["id"] == document["id"]
        else { return bytes }
        var assertion = document["assertionMethod"]?.arrayValue ?? []
        if document["verificationMethod"] != nil {
            var methods = document["verificationMethod"]?.arrayValue ?? []
            for method in old["verificationMethod"]?.arrayValue ?? [] where !methods.contains(where: { $0["id"] == method["id"] })
            {
                methods.append(method)
            }
            document["verificationMethod"] = .array(methods)
        }
        for id in old["assertionMethod"]?.arrayValue ?? [] where !assertion.contains(id) { assertion.append(id) }
        if !assertion.isEmpty { document["assertionMethod"] = .array(assertion) }
        return JSONValue.object(document).prettyBytes()
    }

    private mutating func add(_ path: String, _ bytes: [UInt8]) {
        files.append(File(path: path, bytes: bytes))
    }

    private mutating func addBadgeClass(
        _ badge: BadgeClass, criteria: String, criteriaURL: String?, art: BadgeArtReader
    ) throws(BadgeError) {
        guard let image = badge.image else { throw BadgeError(path: badge.file, "badge `\(badge.id)` has no image") }
        let ext = try BadgeArtReader.imageExtension(image)
        add(urls.layout.badgeImage(id: badge.id, extension: ext), try art.read(image))
        var criteriaObject: [String: JSONValue] = ["narrative": .string(criteria)]
        if let criteriaURL { criteriaObject["id"] = .string(criteriaURL) }
        var object: [String: JSONValue] = [
            "@context": .string(OpenBadgesContext.v2), "type": "BadgeClass", "id": .string(urls.badgeClass(badge.id)),
            "name": .string(badge.name),
            "description": .string(badge.description.isEmpty ? badge.name : badge.description),
            "image": .string(urls.badgeImage(badge.id, extension: ext)), "criteria": .object(criteriaObject),
            "issuer": .string(urls.issuer),
        ]
        if !badge.tags.isEmpty { object["tags"] = .array(badge.tags.map(JSONValue.string)) }
        var alignments: [JSONValue] = []
        let unlinked = badge.alignments.filter { $0.targetURL == nil }.map(\.targetName)
        if !unlinked.isEmpty {
            notes.append(
                "badge `\(badge.id)`: \(unlinked.count) alignment\(unlinked.count == 1 ? "" : "s") left out (\(unlinked.joined(separator: ", "))): Open Badges 2.0 requires a targetUrl"
            )
        }
        for alignment in badge.alignments {
            guard let url = alignment.targetURL else { continue }
            var entry: [String: JSONValue] = ["targetName": .string(alignment.targetName), "targetUrl": .string(url)]
            if let framework = alignment.framework { entry["targetFramework"] = .string(framework) }
            alignments.append(.object(entry))
        }
        if !alignments.isEmpty { object["alignment"] = .array(alignments) }
        add(urls.layout.badgeClass(id: badge.id), JSONValue.object(object).prettyBytes())
        classes.append((badge, criteriaObject, urls.badgeImage(badge.id, extension: ext)))
        badgeIDs.append(badge.id)
    }

    private static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
