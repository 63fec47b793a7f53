import CourseLoader
import CourseModel
import FileAccess
import LinkedData
import OpenBadges
import ToolkitSupport

/// How a badges job publishes, as the user gave it (paths absolute): the URLs, the keys, the
/// specification, where the folder goes.
public struct BadgePublishOptions: Sendable {
    /// The https URL the output folder is published under.
    public var baseURL: String
    /// Where the HTML site is published (criteria then link to Thing pages).
    public var pageBaseURL: String?
    /// The RSA private key (PEM) to sign with; without it 2.0 badges are hosted.
    public var signKey: String?
    /// Which Open Badges to make.
    public var spec: OpenBadgesSpec
    /// The Ed25519 private key (PKCS#8 PEM) for 3.0 Data Integrity proofs.
    public var ed25519Key: String?
    /// The folder of the pinned JSON-LD contexts.
    public var contexts: String?
    /// The folder to publish (default: the course's `build/<course>-badges/`).
    public var output: String?
    /// Publish a folder already published under another base URL under this one.
    public var allowNewBaseURL: Bool
    /// The issuer's `did:web` DID for Open Badges 3.0 (its document is `did.json` at the base URL).
    public var issuerDID: String? = nil

    /// Creates the options.
    public init(
        baseURL: String, pageBaseURL: String? = nil, signKey: String? = nil, spec: OpenBadgesSpec = .v2,
        ed25519Key: String? = nil, contexts: String? = nil, output: String? = nil, allowNewBaseURL: Bool = false,
        issuerDID: String? = nil
    ) {
        self.issuerDID = issuerDID
        self.baseURL = baseURL
        self.pageBaseURL = pageBaseURL
        self.signKey = signKey
        self.spec = spec
        self.ed25519Key = ed25519Key
        self.contexts = contexts
        self.output = output
        self.allowNewBaseURL = allowNewBaseURL
    }
}

/// The keys a badges job signs with, and the policy of which are needed: read and checked before any
/// work, so a missing key or context is a usage error (exit 2) before anything is written.
public struct BadgeKeyring: Sendable {
    /// The RSA key (2.0 signed assertions, 3.0 VC-JWT).
    public let signingKey: SigningKey?
    /// The 3.0 keys (and, with an Ed25519 key, the pinned contexts).
    public let openBadges3: OpenBadges3Keys

    /// Reads the keys `options` name and holds them to the specification: 3.0 is always signed, and
    /// an Ed25519 key without 3.0 is a mistake.
    public init(_ options: BadgePublishOptions, variables: [String: String], fileSystem: any FileSystem) throws(BadgeError) {
        let key = try Self.signingKey(options.signKey)
        if options.spec.includes3 {
            openBadges3 = try Self.openBadges3Keys(
                jwt: key, ed25519Key: options.ed25519Key, contexts: options.contexts, variables: variables,
                fileSystem: fileSystem)
            guard openBadges3.canSign else {
                throw BadgeError(
                    "--spec \(options.spec.rawValue) needs a key: Open Badges 3.0 credentials are always signed (--ed25519-key for Data Integrity, --sign-key for VC-JWT)",
                    isIOFailure: true)
            }
        } else if options.ed25519Key != nil {
            throw BadgeError(
                "--ed25519-key signs Open Badges 3.0 credentials: add --spec 3.0 or --spec both", isIOFailure: true)
        } else {
            openBadges3 = OpenBadges3Keys(jwt: key)
        }
        signingKey = key
    }

    /// The RSA key at `path`, when one is given.
    public static func signingKey(_ path: String?) throws(BadgeError) -> SigningKey? {
        guard let path else { return nil }
        do {
            return try SigningKey.load(path: path)
        } catch {
            throw BadgeError(error.description, isIOFailure: true)
        }
    }

    /// The 3.0 keys: the RSA key (already read), the Ed25519 key at `ed25519Key` and, with it, the
    /// pinned contexts.
    public static func openBadges3Keys(
        jwt: SigningKey?, ed25519Key: String?, contexts: String?, variables: [String: String], fileSystem: any FileSystem
    ) throws(BadgeError) -> OpenBadges3Keys {
        var keys = OpenBadges3Keys(jwt: jwt)
        guard let path = ed25519Key else { return keys }
        do {
            keys.dataIntegrity = try DataIntegrityKey.load(path: path)
        } catch {
            throw BadgeError(error.description, isIOFailure: true)
        }
        keys.contexts = try pinnedContexts(contexts, variables: variables, fileSystem: fileSystem)
        return keys
    }

    /// The pinned JSON-LD contexts from the folder `contexts`, or else the first of the schemas folder
    /// and the installed folder that holds them all (see `JSONLDContextsLayout`); the error names every
    /// way of giving them and the files needed.
    public static func pinnedContexts(
        _ contexts: String?, variables: [String: String], fileSystem: any FileSystem, layout: JSONLDContextsLayout = .standard
    ) throws(BadgeError) -> OpenBadges3Keys.Contexts {
        var problems: [String] = []
        for folder in layout.candidateFolders(explicit: contexts, environment: variables) {
            guard fileSystem.isDirectory(folder) else {
                if contexts != nil { problems.append("\(folder) is not a folder") }
                continue
            }
            let found = recognisedContexts(in: folder, fileSystem: fileSystem)
            do throws(BadgeError) {
                return try OpenBadges3Keys.pinnedContexts { url in found[url] }
            } catch {
                problems.append("\(folder): \(error.message)")
            }
        }
        let installed = layout.installedFolder(environment: variables) ?? "the user's data folder"
        throw BadgeError(
            "Open Badges 3.0 Data Integrity proofs need the pinned JSON-LD contexts (\(layout.fileNames.values.sorted().joined(separator: ", "))"
                + (problems.isEmpty ? "" : "; " + problems.joined(separator: "; "))
                + "): install them once with `toolkit badges contexts install` (into \(installed)), or set \(layout.schemasVariable) to a schemas folder holding them in \(layout.contextsInSchemas)/, or pass --contexts with their folder",
            isIOFailure: true)
    }

    /// The pinned contexts among the files of `folder`, by URL, recognised by their SHA-256.
    public static func recognisedContexts(in folder: String, fileSystem: any FileSystem) -> [String: [UInt8]] {
        var found: [String: [UInt8]] = [:]
        for name in (try? fileSystem.contentsOfDirectory(folder)) ?? [] {
            let path = folder + "/" + name
            guard fileSystem.isFile(path), (fileSystem.fileSize(at: path) ?? .max) <= maximumContextSize,
                let bytes = try? fileSystem.readFile(path), let url = PinnedContexts.recognise(bytes)
            else { continue }
            found[url] = bytes
        }
        return found
    }

    /// The largest file read as a possible context (the real ones are 2–15 KB).
    public static let maximumContextSize = 1024 * 1024

    /// Installs the pinned contexts into the user's data folder, under the layout's file names: from
    /// the files of `source` (recognised by SHA-256, whatever their names: openbadgeslib's `contexts`
    /// folder, or a folder an admin copied), or, without one, fetched by `download` from each context's
    /// canonical address and checked against its pin. Returns the files written; nothing is written
    /// unless every context was found.
    public static func installContexts(
        from source: String?, variables: [String: String], fileSystem: any FileSystem,
        download: (String) throws -> [UInt8], layout: JSONLDContextsLayout = .standard
    ) throws(BadgeError) -> [String] {
        guard let target = layout.installedFolder(environment: variables) else {
            throw BadgeError(
                "neither XDG_DATA_HOME nor HOME is set: there is no user data folder to install into", isIOFailure: true)
        }
        var found: [String: [UInt8]] = [:]
        if let source {
            guard fileSystem.isDirectory(source) else { throw BadgeError(path: source, "is not a folder", isIOFailure: true) }
            found = recognisedContexts(in: source, fileSystem: fileSystem)
        } else {
            for pin in PinnedContexts.pins {
                let bytes: [UInt8]
                do {
                    bytes = try download(pin.url)
                } catch {
                    throw BadgeError(
                        "cannot download \(pin.url) (\(error)); give a folder holding the contexts instead", isIOFailure: true)
                }
                guard PinnedContexts.recognise(bytes) == pin.url else {
                    throw BadgeError(
                        "\(pin.url) answered with a document that is not the pinned one; nothing was installed (the toolkit signs only with contexts it knows)"
                    )
                }
                found[pin.url] = bytes
            }
        }
        let missing = PinnedContexts.pins.map(\.url).filter { found[$0] == nil }
        guard missing.isEmpty else {
            throw BadgeError(
                path: source, "holds no pinned copy of \(missing.joined(separator: ", ")); nothing was installed",
                isIOFailure: true)
        }
        let output = AtomicOutput(fileSystem: fileSystem)
        var written: [String] = []
        for (url, bytes) in found.sorted(by: { $0.key < $1.key }) {
            guard let path = layout.file(of: url, in: target) else { continue }
            do {
                try output.writeFile(bytes, to: path)
            } catch {
                throw BadgeError(path: path, "cannot write: \(error.reason)", isIOFailure: true)
            }
            written.append(path)
        }
        return written
    }
}

/// What every badges job that builds from the course shares: the checked workspace, the URL layout,
/// the keys, and where each course's folder is.
public struct BadgePublishing: Sendable {
    /// The checked, buildable workspace.
    public let checked: CheckedWorkspace
    /// The options given.
    public let options: BadgePublishOptions
    /// The URL layout under the base URL.
    public let urls: BadgeURLs
    /// The keys.
    public let keys: BadgeKeyring
    /// Where everything is read and written.
    public let fileSystem: any FileSystem

    /// Checks the URLs and reads the keys of `options` for a job over `checked`.
    public init(
        _ checked: CheckedWorkspace, options: BadgePublishOptions, variables: [String: String], fileSystem: any FileSystem
    ) throws(BadgeError) {
        if options.issuerDID != nil, !options.spec.includes3 {
            throw BadgeError(
                "--issuer-did names the issuer of Open Badges 3.0 credentials: add --spec 3.0 or --spec both", isIOFailure: true)
        }
        do {
            let base = try BadgeURLs(base: options.baseURL)
            urls = try options.issuerDID.map { did throws(BadgeURLs.Problem) in try base.identifyingIssuer(as: did) } ?? base
        } catch {
            throw BadgeError(error.description, isIOFailure: true)
        }
        if let page = options.pageBaseURL, (try? BadgeURLs(base: page)) == nil {
            throw BadgeError("--page-base-url `\(page)` must be an https URL", isIOFailure: true)
        }
        try Self.refuseExampleIssuer(checked.workspace.badges.issuer)
        self.checked = checked
        self.options = options
        self.keys = try BadgeKeyring(options, variables: variables, fileSystem: fileSystem)
        self.fileSystem = fileSystem
    }

    /// Refuses an issuer still named, addressed or reachable as the scaffold left it, or on a domain
    /// reserved for examples (RFC 2606): every badge names its issuer for good, and a credential cannot
    /// be corrected once issued.
    public static func refuseExampleIssuer(_ issuer: Issuer?) throws(BadgeError) {
        guard let issuer else { return }
        func refuse(_ what: String, _ value: String, field: String) throws(BadgeError) {
            throw BadgeError(
                path: issuer.fields[field].description,
                "the issuer's \(what) `\(value)` is \(what == "name" ? "the placeholder `toolkit new` wrote" : "an example address no organisation has"); every badge names its issuer for good, so write the organisation's own before exporting or issuing"
            )
        }
        if ScaffoldPlaceholder.sentences.contains(issuer.name) { try refuse("name", issuer.name, field: "name") }
        if let url = issuer.url {
            let host = url.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map {
                String($0.split(separator: ":").first ?? $0)
            }
            if url == ScaffoldPlaceholder.issuerURL || host.map(ScaffoldPlaceholder.isReservedExampleHost) == true {
                try refuse("web address", url, field: "url")
            }
        }
        if let email = issuer.email,
            email == ScaffoldPlaceholder.issuerEmail
                || email.split(separator: "@").last.map({ ScaffoldPlaceholder.isReservedExampleHost(String($0)) }) == true
        {
            try refuse("email address", email, field: "email")
        }
    }

    /// The safe way to the workspace's files (badge art).
    public var workspaceFiles: WorkspaceFiles { WorkspaceFiles(root: checked.selection.root, fileSystem: fileSystem) }

    /// The folder a course's badges are published from: the option's, or the course's default.
    public func folder(for course: Course) -> BadgeFolder {
        let path = options.output ?? BadgeFolder.defaultPath(course: course.id, workspaceRoot: checked.selection.root)
        return BadgeFolder(path: path, urls: urls, fileSystem: fileSystem)
    }

    /// `course`'s issuer and badge classes, made but not yet written.
    public func export(_ course: Course) throws(BadgeError) -> BadgeExport {
        try BadgeExport(
            course: course, badges: checked.workspace.badges, workspace: workspaceFiles, urls: urls,
            pageBaseURL: options.pageBaseURL, publicKey: keys.signingKey?.published, spec: options.spec,
            openBadges3Keys: keys.openBadges3)
    }
}

/// `badges export`: per course, "Check workspace", "Make issuer and badge classes", "Write published
/// folder" (under the folder's lock).
public enum BadgeExportJob {
    /// The steps' names, in order; the first is the workspace check every job starts with.
    public static let stepNames = [PackageJob.checkStepName, "Make issuer and badge classes", "Write published folder"]

    /// What exporting one course did.
    public struct Outcome: Sendable {
        /// The issuer and badge classes written.
        public let export: BadgeExport
        /// The folder written.
        public let folder: BadgeFolder
        /// Things worth telling the user (the export's and the folder's).
        public let notes: [String]
    }

    /// Exports `course` (steps 2 and 3; `onStep` hears them).
    public static func run(
        _ course: Course, with publishing: BadgePublishing, onStep: @escaping @Sendable (StepProgress) -> Void = { _ in }
    ) throws(BadgeError) -> Outcome {
        struct Context {
            var export: BadgeExport?
            var notes: [String] = []
        }
        let folder = publishing.folder(for: course)
        let steps: [Step<Context>] = [
            Step(stepNames[1]) { context in context.export = try publishing.export(course) },
            Step(stepNames[2]) { context in
                let export = context.export!
                context.notes = try folder.transaction { () throws(BadgeError) in
                    try export.write(to: folder, allowingNewBaseURL: publishing.options.allowNewBaseURL)
                }
            },
        ]
        var context = Context()
        do {
            try StepRunner(onStep: onStep).run(steps, on: &context, first: 2, total: stepNames.count)
        } catch {
            throw BadgeError(failure: error)
        }
        return Outcome(export: context.export!, folder: folder, notes: context.export!.notes + context.notes)
    }
}

/// `badges issue`: "Check workspace", "Make issuer and badge classes", "Read earners file" (whose
/// problems the caller reports as findings before going on), then under the folder's lock "Write
/// issuer and badge classes", the issuer's own steps ("Load ledger" … "Save ledger") and "Write
/// row-by-row summary".
public struct BadgeIssueJob: Sendable {
    /// The shared publishing state.
    public let publishing: BadgePublishing
    /// The one course issued from.
    public let course: Course
    /// Its issuer and badge classes, made in step 2.
    public let export: BadgeExport
    /// Its published folder.
    public let folder: BadgeFolder

    /// The names of the steps before the lock is taken.
    public static let openingStepNames = [PackageJob.checkStepName, "Make issuer and badge classes", "Read earners file"]

    /// How many steps the job has.
    public static var stepCount: Int {
        openingStepNames.count + 1 + BadgeIssuer.stepNames.count + 1
    }

    /// Makes the course's issuer and badge classes (step 2); the workspace must hold one course.
    public init(_ publishing: BadgePublishing, onStep: @Sendable (StepProgress) -> Void = { _ in }) throws(BadgeError) {
        guard publishing.checked.workspace.courses.count == 1, let course = publishing.checked.workspace.courses.first else {
            throw BadgeError("issuing needs one course: pass its folder", isIOFailure: true)
        }
        onStep(
            StepProgress(
                number: 2, total: Self.stepCount, name: Self.openingStepNames[1]))
        self.publishing = publishing
        self.course = course
        self.export = try publishing.export(course)
        self.folder = publishing.folder(for: course)
    }

    /// The earners file's rows and problems (step 3): a regular UTF-8 file of at most
    /// `EarnerCSV.maximumFileSize` bytes, checked against the course's issuable badges. `shownAs` is
    /// the path findings name.
    public func readEarners(
        at path: String, shownAs: String, onStep: @Sendable (StepProgress) -> Void = { _ in }
    ) throws(BadgeError) -> (rows: [EarnerRow], problems: [EarnerCSVProblem], findings: [Finding]) {
        onStep(
            StepProgress(
                number: 3, total: Self.stepCount, name: Self.openingStepNames[2]))
        let fileSystem = publishing.fileSystem
        if let size = fileSystem.fileSize(at: path), size > EarnerCSV.maximumFileSize {
            throw BadgeError(
                path: shownAs,
                "\(size / 1024 / 1024) MB is more than an earners file may be (\(EarnerCSV.maximumFileSize / 1024 / 1024) MB)",
                isIOFailure: true)
        }
        // A regular file only: the disk file system refuses pipes and devices.
        guard let bytes = try? fileSystem.readFile(path) else {
            throw BadgeError(path: shownAs, "cannot read the earners file", isIOFailure: true)
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw BadgeError(path: shownAs, "the earners file is not UTF-8 text")
        }
        let collections = Set(course.collections.compactMap(\.badge?.id))
        let (rows, problems) = EarnerCSV.parse(
            text, issuable: Set(export.badgeIDs).subtracting(collections), collections: collections)
        return (rows, problems, problems.map { $0.finding(in: shownAs) })
    }

    /// Issues `rows` (steps 4 to the last, holding the folder's lock), writing the row-by-row summary
    /// with the rows `refused`.
    public func issue(
        _ rows: [EarnerRow], refused: [EarnerCSVProblem], onStep: @escaping @Sendable (StepProgress) -> Void = { _ in }
    ) throws(BadgeError) -> BadgeIssuer.Outcome {
        let publishing = publishing
        let spec = publishing.options.spec
        let openBadges3 = try export.openBadges3.map { documents throws(BadgeError) in
            try OpenBadges3Issuer(export: documents, keys: publishing.keys.openBadges3, urls: publishing.urls)
        }
        let issuer = BadgeIssuer(
            course: course, badges: publishing.checked.workspace.badges, workspace: publishing.workspaceFiles,
            urls: publishing.urls, key: publishing.keys.signingKey, spec: spec, openBadges3: openBadges3)
        let export = export
        let folder = folder
        let steps: [Step<BadgeIssuer.Run>] =
            [
                Step("Write issuer and badge classes") { run in
                    run.outcome.notes += try export.write(to: folder, allowingNewBaseURL: publishing.options.allowNewBaseURL)
                }
            ] + issuer.steps + [
                Step("Write row-by-row summary") { run in
                    try IssueSummary.write(run.outcome, refused: refused, beside: folder)
                }
            ]
        // One transaction: the badge classes the assertions point to, the assertions, the ledger.
        return try folder.transaction { () throws(BadgeError) in
            var run = BadgeIssuer.Run(rows: rows, output: folder)
            do throws(StepFailure) {
                try StepRunner(onStep: onStep).run(
                    steps, on: &run, first: Self.openingStepNames.count + 1, total: Self.stepCount)
            } catch {
                throw BadgeError(failure: error)
            }
            return run.outcome
        }
    }
}
