import CourseModel
import FileAccess
import Foundation
import ToolkitSupport

/// Issues assertions for earners: hashed recipients, hosted or signed verification, baked PNG and
/// SVG images, stable ids (re-running the same file issues nothing twice), and collection badges
/// for earners who hold every member badge.
public struct BadgeIssuer: Sendable {
    /// One assertion written.
    public struct Issued: Sendable, Hashable {
        /// The assertion's id (URL when hosted, `urn:uuid:` when signed).
        public var id: String
        /// The badge id.
        public var badgeID: String
        /// The earner's email as given.
        public var email: String
        /// Spreadsheet row it came from; nil for a collection awarded automatically.
        public var row: Int?
        /// Files written, relative to the output folder.
        public var files: [String]
    }

    /// What a run did.
    public struct Outcome: Sendable {
        /// Assertions written now.
        public var issued: [Issued] = []
        /// Rows whose assertion already existed (nothing written; `files` is empty).
        public var alreadyHeld: [Issued] = []
        /// How many rows were already issued.
        public var alreadyIssued: Int { alreadyHeld.count }
        /// Things worth telling the user.
        public var notes: [String] = []
    }

    let course: Course
    let badges: BadgeCatalog
    let art: BadgeArtReader
    let urls: BadgeURLs
    let key: SigningKey?
    let spec: OpenBadgesSpec
    let openBadges3: OpenBadges3Issuer?

    /// Creates an issuer reading badge art through `workspace`; with a key, 2.0 assertions are signed,
    /// otherwise hosted. With `spec` 3.0 or both, `openBadges3` (the export's 3.0 documents and the
    /// keys) issues an Open Badges 3.0 credential per badge too.
    public init(
        course: Course, badges: BadgeCatalog, workspace: WorkspaceFiles, urls: BadgeURLs, key: SigningKey?,
        workspaceLayout: WorkspaceLayout = .standard, spec: OpenBadgesSpec = .v2, openBadges3: OpenBadges3Issuer? = nil
    ) {
        self.course = course
        self.badges = badges
        self.art = BadgeArtReader(workspace: workspace, badgesFolder: workspaceLayout.badgesFolder)
        self.urls = urls
        self.key = key
        self.spec = spec
        self.openBadges3 = spec.includes3 ? openBadges3 : nil
    }

    /// What the issuing steps share: the rows and the folder, the ledger as it is updated, what was
    /// decided and not yet written, the art baked into it, and what the run did.
    public struct Run: Sendable {
        /// The earners' rows to issue.
        public let rows: [EarnerRow]
        /// The folder written into.
        public let output: BadgeFolder
        /// What the run did (complete once every step ran).
        public var outcome = Outcome()
        var ledger = IssuedLedger()
        var pending: [Pending] = []
        /// Earner key → email, for this run's earners only.
        var emails: [String: String] = [:]
        /// Earner key → name, for this run's earners whose row gives one.
        var names: [String: String] = [:]
        var art: [String: [BadgeArt]] = [:]

        /// A run issuing `rows` into `output`.
        public init(rows: [EarnerRow], output: BadgeFolder) {
            self.rows = rows
            self.output = output
        }
    }

    /// Issuing as steps, to be run holding the folder's lock. First it decides, in order, what to
    /// issue (ids are stable, so the ledger can be updated before anything is written); then every
    /// piece of art is read and test-baked, so that a bad file stops the run before the first
    /// assertion; then the assertions are written across the cores; the ledger, the record of what
    /// was issued, is saved last, so a file left by an interrupted run is simply written again under
    /// its stable id.
    public var steps: [Step<Run>] {
        let work: [@Sendable (inout Run) throws -> Void] = [
            { run in
                if spec.includes3 && openBadges3 == nil {
                    throw BadgeError("Open Badges 3.0 credentials must be signed: give an Ed25519 key, an RSA key, or both")
                }
                run.ledger = try IssuedLedger.load(from: run.output)
            },
            { run in try decideRows(&run) },
            { run in try awardCollections(&run) },
            { run in try prepareArt(&run) },
            { run in try writePending(&run) },
            { run in try run.ledger.save(to: run.output) },
        ]
        return zip(Self.stepNames, work).map { name, perform in Step(name) { run in try perform(&run) } }
    }

    /// The names of `steps`, in order.
    public static let stepNames = [
        "Load ledger", "Decide what each row earns", "Award collections", "Bake badge images", "Write badges",
        "Save ledger",
    ]

    /// Issues one assertion per row (and collections earned), writing into `output`: every step, in
    /// order. A failure names its step (`Bake badge images: Badges/x.svg: cannot be baked: …`).
    public func issue(_ rows: [EarnerRow], into output: BadgeFolder) throws(BadgeError) -> Outcome {
        var run = Run(rows: rows, output: output)
        do {
            try StepRunner().run(steps, on: &run)
        } catch {
            throw BadgeError(failure: error)
        }
        return run.outcome
    }

    /// One ledger entry per row: a badge already held in every form asked for is noted, the rest
    /// become pending.
    private func decideRows(_ run: inout Run) throws(BadgeError) {
        run.outcome.notes += undrawableCollections()
        for row in run.rows {
            let earner = IssuedLedger.earnerKey(issuer: urls.issuer, email: row.email)
            run.emails[earner] = row.email
            run.ledger.remember(email: row.email, of: earner)
            var evidence: [JSONValue] = []
            if row.evidenceURL != nil || row.evidenceNarrative != nil {
                var item: [String: JSONValue] = [:]
                if let url = row.evidenceURL { item["id"] = .string(url) }
                if let narrative = row.evidenceNarrative { item["narrative"] = .string(narrative) }
                evidence.append(.object(item))
            }
            // A badge held in one specification and now asked for in another gets only the missing form.
            let held = run.ledger.earners[earner]?[row.badgeID]
            let forms = missingForms(held)
            if forms.isEmpty, let held {
                run.outcome.alreadyHeld.append(
                    Issued(
                        id: held.assertionID ?? held.credentialID ?? "", badgeID: row.badgeID, email: row.email, row: row.row,
                        files: []))
                continue
            }
            if let name = row.name { run.names[earner] = name }
            var item = try record(
                forms, badgeID: row.badgeID, email: row.email, issuedOn: held?.issuedOn ?? row.issuedOn, evidence: evidence,
                row: row.row, earner: earner, in: &run.ledger)
            item.name = row.name
            run.pending.append(item)
        }
    }

    /// An earner of this run who now holds every member badge of a collection receives its badge.
    private func awardCollections(_ run: inout Run) throws(BadgeError) {
        for (earner, email) in run.emails.sorted(by: { $0.key < $1.key }) {
            for collection in course.collections {
                guard let badgeID = collection.badge?.id, badges.badge(id: badgeID)?.kind == .collection else { continue }
                let members = BadgeExport.memberBadgeIDs(of: collection, in: course)
                guard !members.isEmpty, let held = run.ledger.earners[earner] else { continue }
                // A revoked member badge is not held: it neither completes a collection nor stands as its evidence.
                let holdings = members.compactMap { held[$0] }.filter { $0.revoked == nil }
                guard holdings.count == members.count else { continue }
                let forms = missingForms(held[badgeID])
                guard !forms.isEmpty else { continue }
                let evidence = zip(members, holdings).map { member, holding -> JSONValue in
                    var item: [String: JSONValue] = ["narrative": .string("Holds \(badges.badge(id: member)?.name ?? member).")]
                    if let id = holding.assertionID ?? holding.credentialID { item["id"] = .string(id) }
                    return .object(item)
                }
                let issuedOn = held[badgeID]?.issuedOn ?? holdings.map(\.issuedOn).max() ?? ""
                var item = try record(
                    forms, badgeID: badgeID, email: email, issuedOn: issuedOn, evidence: evidence, row: nil, earner: earner,
                    members: members, in: &run.ledger)
                item.name = run.names[earner]
                run.pending.append(item)
            }
        }
    }

    /// Reads every pending badge's art once (drawing a PNG when only SVG exists) and bakes it once as
    /// a test, before anything is written.
    private func prepareArt(_ run: inout Run) throws(BadgeError) {
        for badgeID in Set(run.pending.map(\.badgeID)).sorted() {
            guard let image = badges.badge(id: badgeID)?.image else { continue }
            let formats = try art.allFormats(of: image)
            for art in formats {
                do {
                    _ =
                        art.format == "png"
                        ? try PNGBaker.bake(art.bytes, text: "{}") : try SVGBaker.bakeSigned(art.bytes, jws: "a.b.c")
                } catch {
                    throw BadgeError(path: image, "cannot be baked: \(error)")
                }
            }
            run.art[badgeID] = formats
        }
    }

    /// Writes every pending assertion and credential with its baked images, across the cores.
    private func writePending(_ run: inout Run) throws(BadgeError) {
        let artOfBadge = run.art
        let output = run.output
        let written = ParallelMap.map(run.pending) { item -> Result<Issued, BadgeError> in
            Result { () throws(BadgeError) in
                var files: [String] = []
                var id = ""
                let art = artOfBadge[item.badgeID] ?? []
                if item.forms.contains(.v2) {
                    let issued = try write(
                        badgeID: item.badgeID, email: item.email, issuedOn: item.issuedOn, evidence: item.evidence, row: item.row,
                        art: art, into: output)
                    files += issued.files
                    id = issued.id
                }
                if item.forms.contains(.v3), let openBadges3 {
                    let credentialID = credentialID(badgeID: item.badgeID, email: item.email)
                    let credentialFiles = try openBadges3.write(
                        id: credentialID, badgeID: item.badgeID, email: item.email, issuedOn: item.issuedOn,
                        evidence: item.evidence, statusIndex: item.statusIndex ?? 0, name: item.name, artworks: art,
                        into: output)
                    files += credentialFiles
                    if id.isEmpty { id = credentialID }
                }
                return Issued(id: id, badgeID: item.badgeID, email: item.email, row: item.row, files: files)
            }
        }
        run.outcome.issued = try written.map { result throws(BadgeError) in try result.get() }
    }

    /// The forms asked for that `held` lacks.
    private func missingForms(_ held: IssuedLedger.Holding?) -> Set<OpenBadgesSpec> {
        var forms: Set<OpenBadgesSpec> = []
        if spec.includes2 && held?.assertionID == nil { forms.insert(.v2) }
        if spec.includes3 && held?.credentialID == nil { forms.insert(.v3) }
        return forms
    }

    /// Records in the ledger what is about to be written, and returns it to be written.
    private func record(
        _ forms: Set<OpenBadgesSpec>, badgeID: String, email: String, issuedOn: String, evidence: [JSONValue], row: Int?,
        earner: String, members: [String]? = nil, in ledger: inout IssuedLedger
    ) throws(BadgeError) -> Pending {
        var holding =
            ledger.earners[earner]?[badgeID] ?? IssuedLedger.Holding(assertionID: nil, issuedOn: issuedOn, credentialID: nil)
        if let members { holding.members = members }
        if forms.contains(.v2) { holding.assertionID = assertionID(badgeID: badgeID, email: email) }
        if forms.contains(.v3) {
            guard (ledger.nextStatusIndex ?? 0) < StatusList.capacity else {
                throw BadgeError(
                    "the status list is full (\(StatusList.capacity) credentials); a second list is not supported yet")
            }
            holding.credentialID = credentialID(badgeID: badgeID, email: email)
            holding.statusIndex = ledger.nextStatusIndex ?? 0
            ledger.nextStatusIndex = (ledger.nextStatusIndex ?? 0) + 1
        }
        ledger.earners[earner, default: [:]][badgeID] = holding
        return Pending(
            badgeID: badgeID, email: email, issuedOn: issuedOn, evidence: evidence, row: row, forms: forms,
            statusIndex: holding.statusIndex)
    }

    /// The stable id of the Open Badges 3.0 credential of `badgeID` for `email`.
    func credentialID(badgeID: String, email: String) -> String {
        "urn:uuid:" + RecipientIdentity.stableUUID(["credential", urls.issuer, badgeID, RecipientIdentity.normalise(email)])
    }

    /// Why collections cannot be awarded: a member Thing still a draft (its badge is never issued)
    /// or without a badge.
    func undrawableCollections() -> [String] {
        var notes: [String] = []
        for collection in course.collections {
            guard let badgeID = collection.badge?.id, badges.badge(id: badgeID)?.kind == .collection else { continue }
            let blocking = collection.members.compactMap { course.thing(id: $0.id) }.filter {
                $0.status != .published || $0.badge == nil
            }
            guard !blocking.isEmpty else { continue }
            func things(_ group: [Thing], _ one: String, _ many: String) -> String? {
                guard !group.isEmpty else { return nil }
                let numbers = group.map { String($0.number) }.joined(separator: ", ")
                return group.count == 1 ? "Thing \(numbers) \(one)" : "Things \(numbers) \(many)"
            }
            let reasons = [
                things(blocking.filter { $0.status != .published }, "is a draft", "are drafts"),
                things(blocking.filter { $0.status == .published }, "has no badge", "have no badge"),
            ].compactMap { $0 }
            notes.append(
                "collection badge `\(badgeID)` cannot be awarded yet: \(reasons.joined(separator: "; ")) (a Thing's badge is issued once it is published with one)"
            )
        }
        return notes
    }

    /// One assertion decided on, not yet written.
    struct Pending: Sendable {
        let badgeID: String
        let email: String
        let issuedOn: String
        let evidence: [JSONValue]
        let row: Int?
        /// The earner's name, when the earners file gives it (3.0 credentials carry it).
        var name: String? = nil
        let forms: Set<OpenBadgesSpec>
        let statusIndex: Int?
    }

    /// The stable id of the assertion of `badgeID` for `email`.
    func assertionID(badgeID: String, email: String) -> String {
        let uuid = RecipientIdentity.stableUUID(["assertion", urls.issuer, badgeID, RecipientIdentity.normalise(email)])
        return key == nil ? urls.assertion(uuid) : "urn:uuid:\(uuid)"
    }

    private func write(
        badgeID: String, email: String, issuedOn: String, evidence: [JSONValue], row: Int?, art: [BadgeArt],
        into output: BadgeFolder
    ) throws(BadgeError) -> Issued {
        guard let badge = badges.badge(id: badgeID), let image = badge.image else {
            throw BadgeError(path: badges.badge(id: badgeID)?.file, "badge `\(badgeID)` has no image to bake")
        }
        let id = assertionID(badgeID: badgeID, email: email)
        let stem = BadgeURLs.assertionUUID(of: id)
        let salt = RecipientIdentity.freshSalt()
        var assertion: [String: JSONValue] = [
            "@context": .string(OpenBadgesContext.v2), "type": "Assertion", "id": .string(id),
            "recipient": .object([
                "type": "email", "hashed": .bool(true), "salt": .string(salt),
                "identity": .string(RecipientIdentity.hash(email: email, salt: salt)),
            ]),
            "badge": .string(urls.badgeClass(badgeID)), "issuedOn": .string(issuedOn),
            "verification": key == nil
                ? .object(["type": "hosted"])
                : .object(["type": "signed", "creator": .string(urls.publicKey(fingerprint: key!.fingerprint))]),
        ]
        if !evidence.isEmpty { assertion["evidence"] = .array(evidence) }
        if let days = badge.expiresAfterDays, let until = DateFormats.adding(days: days, to: issuedOn) {
            assertion["expires"] = .string(until)
        }
        let document = JSONValue.object(assertion)
        var files: [String] = []
        func write(_ bytes: [UInt8], extension ext: String) throws(BadgeError) {
            let path = urls.layout.assertion(uuid: stem, extension: ext)
            try output.write(bytes, to: path)
            files.append(path)
        }
        let baked: String
        if let key {
            do {
                baked = try JWS.sign(payload: document.compactBytes(), with: key)
            } catch {
                throw BadgeError("cannot sign the assertion of `\(badgeID)`: \(error)")
            }
            try write(Array((baked + "\n").utf8), extension: "jws")
        } else {
            let json = document.prettyBytes()
            baked = String(decoding: json, as: UTF8.self)
            try write(json, extension: "json")
        }
        for artwork in art {
            let bytes: [UInt8]
            do {
                switch artwork.format {
                case "png":
                    bytes = try PNGBaker.bake(artwork.bytes, text: baked)
                default:
                    bytes =
                        key == nil
                        ? try SVGBaker.bakeHosted(artwork.bytes, assertionURL: id, json: baked)
                        : try SVGBaker.bakeSigned(artwork.bytes, jws: baked)
                }
            } catch {
                throw BadgeError(path: image, "cannot bake: \(error)")
            }
            try write(bytes, extension: artwork.format)
        }
        return Issued(id: id, badgeID: badgeID, email: email, row: row, files: files)
    }
}
