import ArgumentParser
import CourseBuild
import CourseLoader
import CourseModel
import CourseValidator
import FileAccess
import OpenBadges
import ToolkitSupport

/// `toolkit badges …`: Open Badges 2.0 export, issuing, revocation and verification.
struct BadgesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "badges",
        abstract:
            "Open Badges 2.0 and 3.0: export issuer, badge classes and achievements; issue and bake assertions and credentials; list, revoke, verify.",
        subcommands: [Export.self, Issue.self, List.self, Revoke.self, Verify.self])

    /// Options every badges subcommand that builds from the course shares.
    struct PublishOptions: ParsableArguments {
        @Option(
            name: .customLong("base-url"), help: "The https URL the output folder is published under (http only for 127.0.0.1).")
        var baseURL: String

        @Option(name: .customLong("page-base-url"), help: "Where the HTML site is published; criteria then link to Thing pages.")
        var pageBaseURL: String?

        @Option(
            name: .customLong("sign-key"), help: "An RSA private key (PEM, mode 600) to sign with; without it badges are hosted.")
        var signKey: String?

        @Option(
            help: ArgumentHelp(
                "Which Open Badges to make: 2.0 (default), 3.0 or both.",
                discussion:
                    "3.0 credentials are signed with --ed25519-key (Data Integrity, eddsa-rdfc-2022), --sign-key (VC-JWT, RS256), or both."
            ))
        var spec: OpenBadgesSpec = .v2

        @Option(
            name: .customLong("ed25519-key"),
            help: "An Ed25519 private key (PKCS#8 PEM, mode 600) for Open Badges 3.0 Data Integrity proofs.")
        var ed25519Key: String?

        @Option(
            help:
                "The folder of the pinned JSON-LD contexts Data Integrity proofs need (default: $COURSE_TOOLKIT_SCHEMAS/openbadges/v3)."
        )
        var contexts: String?

        @Option(help: "The folder to publish (default: build/<course>-badges/ in the workspace).")
        var output: String?

        @Flag(
            name: .customLong("allow-new-base-url"),
            help:
                "Publish a folder already published under another base URL under this one (earlier badges point to the old one).")
        var allowNewBaseURL = false
    }

    // MARK: export

    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write issuer.json, badges/<id>.json with images, and (with --sign-key) the public key and revocation list."
        )

        @OptionGroup var courses: CourseSelectionOptions
        @OptionGroup var publish: PublishOptions

        func run() throws {
            let environment = CommandEnvironment.current
            let context = try BadgeContext.prepare(courses, publish, environment)
            // Courses export independently (each folder written atomically): across the cores, reported in order.
            let courses = context.report.workspace.courses
            let exports = ParallelMap.map(courses) { course in
                Result { () throws(CommandFailure) in
                    let (export, folder) = try context.export(course)
                    let notes = try context.run { () throws(BadgeError) in
                        try folder.transaction { () throws(BadgeError) in
                            try export.write(to: folder, allowingNewBaseURL: context.allowNewBaseURL)
                        }
                    }
                    return (export, folder, notes)
                }
            }
            for outcome in exports {
                let (export, folder, notes) = try outcome.get()
                for note in export.notes + notes { environment.standardError("note: \(TerminalText.escaped(note))\n") }
                environment.standardOutput(
                    "wrote \(context.display(folder.path)) (issuer and \(Plural.counted(export.badgeIDs.count, "badge class", "badge classes"))\(context.key == nil ? ", hosted" : ", signed"))\n"
                )
            }
        }
    }

    // MARK: issue

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an assertion per earner row, baked into PNG and SVG; award collections whose members are all held.",
            discussion: """
                The earners file is CSV with the header email,badge,issuedOn,evidenceUrl,evidenceNarrative (extra columns \
                are ignored). Bad rows are reported with row and column and nothing is issued, unless --keep-going. \
                Re-running with the same file issues nothing twice. A private ledger of what was issued is kept \
                beside the output folder (<output>.ledger.json), with a per-row summary of the last run \
                (<output>.issued.csv: row, email, badge, outcome, assertion, files); do not publish either.
                """)

        @OptionGroup var courses: CourseSelectionOptions
        @OptionGroup var publish: PublishOptions

        @Option(help: "The earners CSV file.")
        var earners: String

        @Flag(name: .customLong("keep-going"), help: "Issue the good rows even when some rows are bad (exit status stays 1).")
        var keepGoing = false

        func run() throws {
            let environment = CommandEnvironment.current
            let context = try BadgeContext.prepare(courses, publish, environment)
            let csvPath = context.environment.absolutePath(earners)
            if let size = environment.fileSystem.fileSize(at: csvPath), size > EarnerCSV.maximumFileSize {
                throw CommandFailure.io(
                    "\(earners): \(size / 1024 / 1024) MB is more than an earners file may be (\(EarnerCSV.maximumFileSize / 1024 / 1024) MB)"
                )
            }
            // A regular file only: the disk file system refuses pipes and devices.
            guard let bytes = try? environment.fileSystem.readFile(csvPath) else {
                throw CommandFailure.io("\(earners): cannot read the earners file")
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw CommandFailure(message: "\(earners): the earners file is not UTF-8 text", code: ToolkitExitCode.failure)
            }
            guard context.report.workspace.courses.count == 1, let course = context.report.workspace.courses.first else {
                throw CommandFailure.io("issuing needs one course: pass its folder")
            }
            let (export, folder) = try context.export(course)
            let collectionBadges = Set(course.collections.compactMap(\.badge?.id))
            let (rows, problems) = EarnerCSV.parse(
                text, issuable: Set(export.badgeIDs).subtracting(collectionBadges), collections: collectionBadges)
            let shown = context.display(csvPath)
            for problem in problems {
                environment.standardError(
                    TerminalText.escaped("\(shown):\(problem.row):\(problem.column): error: \(problem.message)")
                        + " [earners-csv]\n")
            }
            if !problems.isEmpty && !keepGoing {
                environment.standardError(
                    "error: \(problems.count) bad \(problems.count == 1 ? "cell" : "cells"); nothing was issued (fix them, or pass --keep-going)\n"
                )
                throw ExitCode(ToolkitExitCode.failure)
            }
            let openBadges3 = try export.openBadges3.map { documents in
                try context.run { () throws(BadgeError) in
                    try OpenBadges3Issuer(export: documents, keys: context.openBadges3Keys, urls: context.urls)
                }
            }
            let issuer = BadgeIssuer(
                course: course, badges: context.report.workspace.badges, workspace: context.workspaceFiles, urls: context.urls,
                key: context.key, spec: context.spec, openBadges3: openBadges3)
            // One transaction: the badge classes the assertions point to and the assertions themselves.
            let outcome = try context.run { () throws(BadgeError) in
                try folder.transaction { () throws(BadgeError) in
                    try export.write(to: folder, allowingNewBaseURL: context.allowNewBaseURL)
                    return try issuer.issue(rows, into: folder)
                }
            }
            try context.run { () throws(BadgeError) in try IssueSummary.write(outcome, refused: problems, beside: folder) }
            for note in outcome.notes { environment.standardError("note: \(TerminalText.escaped(note))\n") }
            let collections = outcome.issued.filter { $0.row == nil }.count
            environment.standardOutput(
                "issued \(Plural.counted(outcome.issued.count - collections, context.spec == .v2 ? "assertion" : context.spec == .v3 ? "credential" : "badge")) and \(Plural.counted(collections, "collection badge"))\(context.spec == .both ? " (each as a 2.0 assertion and a 3.0 credential)" : "") into \(context.display(folder.path))"
                    + (outcome.alreadyIssued > 0
                        ? "; \(outcome.alreadyIssued) \(outcome.alreadyIssued == 1 ? "row was" : "rows were") already issued"
                        : "") + "; row by row: \(context.display(folder.issueSummaryPath))\n")
            if !problems.isEmpty { throw ExitCode(ToolkitExitCode.failure) }
        }
    }

    // MARK: list

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Who holds which badge: email, badge, issued date, assertion id, revoked or not (from the private ledger).")

        /// The forms the list is printed in.
        enum Format: String, ExpressibleByArgument, CaseIterable {
            case text, csv, json
        }

        @Option(help: "text (a table), csv (for a spreadsheet) or json.")
        var format: Format = .text

        @Option(help: "Only this earner's badges.")
        var email: String?

        @Option(help: "Only holders of this badge id.")
        var badge: String?

        @Option(help: "The published folder (default: the only course's build/<course>-badges/).")
        var output: String?

        func run() throws {
            let environment = CommandEnvironment.current
            let folder = try BadgeContext.publishedFolder(output, environment)
            let holdings = try BadgeContext.run { () throws(BadgeError) in
                try BadgeHoldings.list(in: folder, email: email, badge: badge)
            }
            switch format {
            case .csv: environment.standardOutput(BadgeHoldings.csv(holdings))
            case .json: environment.standardOutput(BadgeHoldings.json(holdings))
            case .text:
                let rows = holdings.map {
                    [
                        $0.email ?? "(address not recorded)", $0.badge, $0.issuedOn, $0.id,
                        $0.revoked ? "revoked: \($0.revocationReason ?? "no reason given")" : "",
                    ]
                }
                environment.standardOutput(
                    TextTable.render(header: ["EMAIL", "BADGE", "ISSUED", "ASSERTION", "REVOKED"], rows: rows))
                let revoked = holdings.filter(\.revoked).count
                environment.standardOutput(
                    "\(Plural.counted(holdings.count, "badge")) held by \(Plural.counted(Set(holdings.map { $0.email ?? $0.id }).count, "earner")); \(revoked) revoked\n"
                )
            }
        }
    }

    // MARK: revoke

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Revoke a badge, by assertion id or by --email and --badge: mark it revoked (hosted) or list it (signed).",
            discussion: """
                A badge already revoked keeps its first reason (verifiers were told it) unless --force is given.
                """)

        @Argument(help: "The assertion's id: its URL, urn:uuid:…, or UUID (or give --email and --badge).")
        var assertionID: String?

        @Option(help: "The earner's email (with --badge).")
        var email: String?

        @Option(help: "The badge id (with --email).")
        var badge: String?

        @Option(help: "Why it is revoked (shown to verifiers).")
        var reason: String

        @Flag(help: "Replace the reason of a badge already revoked.")
        var force = false

        @Option(
            name: .customLong("sign-key"),
            help: "The RSA key 3.0 credentials were issued with (their status list is signed again).")
        var signKey: String?

        @Option(
            name: .customLong("ed25519-key"),
            help: "The Ed25519 key 3.0 credentials were issued with (their status list is signed again).")
        var ed25519Key: String?

        @Option(help: "The folder of the pinned JSON-LD contexts (with --ed25519-key).")
        var contexts: String?

        @Option(help: "The published folder (default: the only course's build/<course>-badges/).")
        var output: String?

        func validate() throws {
            switch (assertionID, email, badge) {
            case (.some, nil, nil), (nil, .some, .some): break
            case (.some, _, _): throw ValidationError("give an assertion id or --email and --badge, not both")
            default: throw ValidationError("give an assertion id, or both --email and --badge")
            }
            if reason.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                throw ValidationError("--reason must say why: verifiers show it")
            }
        }

        func run() throws {
            let environment = CommandEnvironment.current
            let folder = try BadgeContext.publishedFolder(output, environment)
            var jwt: SigningKey?
            if let signKey {
                do {
                    jwt = try SigningKey.load(path: environment.absolutePath(signKey))
                } catch {
                    throw CommandFailure.io(error.description)
                }
            }
            let keys = try BadgeContext.openBadges3Keys(
                jwt: jwt, ed25519Key: ed25519Key, contexts: contexts, environment)
            let outcome = try BadgeContext.run { () throws(BadgeError) in
                try folder.transaction { () throws(BadgeError) in
                    if let assertionID {
                        return try BadgeRevoker.revoke(
                            assertionID, reason: reason, force: force, openBadges3Keys: keys, in: folder)
                    }
                    return try BadgeRevoker.revoke(
                        email: email!, badgeID: badge!, reason: reason, force: force, openBadges3Keys: keys, in: folder)
                }
            }
            for line in outcome.said { environment.standardOutput(TerminalText.escaped(line) + "\n") }
        }
    }

    // MARK: verify

    struct Verify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Check a baked PNG/SVG, an assertion JSON or a JWS against the published issuer and badge files, offline.")

        @Argument(help: "The file to check.")
        var file: String

        @Option(help: "The earner's email: also check the badge was issued to it.")
        var email: String?

        @Option(help: "The folder of the pinned JSON-LD contexts, for 3.0 Data Integrity proofs (default as for issue).")
        var contexts: String?

        @Option(help: "The published folder (default: the only course's build/<course>-badges/).")
        var output: String?

        func run() throws {
            let environment = CommandEnvironment.current
            let folder = try BadgeContext.publishedFolder(output, environment)
            guard let bytes = try? environment.fileSystem.readFile(environment.absolutePath(file)) else {
                throw CommandFailure.io("\(file): cannot read it")
            }
            // Only a 3.0 Data Integrity proof needs them: when they cannot be read, that check says so.
            let pinned = try? BadgeContext.pinnedContexts(contexts, environment)
            let report = BadgeVerifier(folder: folder, contexts: pinned).verify(bytes, email: email)
            if let email, let matches = report.recipientMatches {
                environment.standardOutput(
                    TerminalText.escaped(
                        matches
                            ? "\(file): issued to \(email): yes, the recipient matches"
                            : "\(file): issued to \(email): NO, this badge was issued to someone else") + "\n")
            }
            if report.problems.isEmpty {
                environment.standardOutput(
                    "\(file): valid \(report.verification ?? "") \(report.isCredential ? "credential" : "assertion") \(report.assertionID ?? "") of “\(report.badgeName ?? "")”\n"
                )
            } else {
                for problem in report.problems {
                    environment.standardError(TerminalText.escaped("\(file): error: \(problem)") + "\n")
                }
                throw ExitCode(ToolkitExitCode.failure)
            }
        }
    }
}

/// `--spec 2.0|3.0|both`, read straight into the library's type.
extension OpenBadgesSpec: ExpressibleByArgument {}

/// What the badges subcommands share: the validated workspace, the URL layout, the key, paths.
struct BadgeContext {
    let environment: CommandEnvironment
    let selection: WorkspaceSelection
    let report: LoadReport
    let urls: BadgeURLs
    let key: SigningKey?
    let pageBaseURL: String?
    let output: String?
    let allowNewBaseURL: Bool
    let spec: OpenBadgesSpec
    let openBadges3Keys: OpenBadges3Keys

    static func prepare(
        _ courses: CourseSelectionOptions, _ publish: BadgesCommand.PublishOptions, _ environment: CommandEnvironment
    ) throws -> BadgeContext {
        // Where outputs go is checked first: a usage mistake is reported before any validation.
        let chosen = try courses.selection(in: environment)
        if let output = publish.output {
            try OutputPlacement.refuseInsideSources(environment.absolutePath(output), workspaceRoot: chosen.root)
        }
        let workspace = CheckedWorkspace.check(chosen, fileSystem: environment.fileSystem)
        try BuildRefusal.refuseUnlessBuildable(workspace, in: environment, purpose: "first")
        let urls: BadgeURLs
        do {
            urls = try BadgeURLs(base: publish.baseURL)
        } catch {
            throw CommandFailure.io(error.description)
        }
        if let page = publish.pageBaseURL, (try? BadgeURLs(base: page)) == nil {
            throw CommandFailure.io("--page-base-url `\(page)` must be an https URL")
        }
        var key: SigningKey?
        if let path = publish.signKey {
            do {
                key = try SigningKey.load(path: environment.absolutePath(path))
            } catch {
                throw CommandFailure.io(error.description)
            }
        }
        var ob3Keys = OpenBadges3Keys(jwt: key)
        if publish.spec.includes3 {
            ob3Keys = try openBadges3Keys(
                jwt: key, ed25519Key: publish.ed25519Key, contexts: publish.contexts, environment)
            if !ob3Keys.canSign {
                throw CommandFailure.io(
                    "--spec \(publish.spec.rawValue) needs a key: Open Badges 3.0 credentials are always signed (--ed25519-key for Data Integrity, --sign-key for VC-JWT)"
                )
            }
        } else if publish.ed25519Key != nil {
            throw CommandFailure.io("--ed25519-key signs Open Badges 3.0 credentials: add --spec 3.0 or --spec both")
        }
        return BadgeContext(
            environment: environment, selection: workspace.selection, report: workspace.report, urls: urls, key: key,
            pageBaseURL: publish.pageBaseURL, output: publish.output, allowNewBaseURL: publish.allowNewBaseURL,
            spec: publish.spec, openBadges3Keys: ob3Keys)
    }

    /// The 3.0 keys: the RSA key (already read), the Ed25519 key at `ed25519Key` and, with it, the pinned
    /// contexts from `contexts` or the default folder.
    static func openBadges3Keys(
        jwt: SigningKey?, ed25519Key: String?, contexts: String?, _ environment: CommandEnvironment
    ) throws -> OpenBadges3Keys {
        var keys = OpenBadges3Keys(jwt: jwt)
        guard let path = ed25519Key else { return keys }
        do {
            keys.dataIntegrity = try DataIntegrityKey.load(path: environment.absolutePath(path))
        } catch {
            throw CommandFailure.io(error.description)
        }
        keys.contexts = try pinnedContexts(contexts, environment)
        return keys
    }

    /// The pinned JSON-LD contexts from `contexts`, or the default folder (see `JSONLDContextsLayout`).
    static func pinnedContexts(_ contexts: String?, _ environment: CommandEnvironment)
        throws(CommandFailure) -> OpenBadges3Keys.Contexts
    {
        let layout = JSONLDContextsLayout.standard
        guard let folder = layout.folder(explicit: contexts.map(environment.absolutePath), environment: environment.variables)
        else {
            throw CommandFailure.io(
                "Open Badges 3.0 Data Integrity proofs need the pinned JSON-LD contexts (\(layout.fileNames.values.sorted().joined(separator: ", "))): pass --contexts with their folder, or set \(layout.schemasVariable) to a schemas folder holding them in \(layout.contextsInSchemas)/"
            )
        }
        do throws(BadgeError) {
            return try OpenBadges3Keys.pinnedContexts { url in
                JSONLDContextsLayout.standard.file(of: url, in: folder).flatMap { try? environment.fileSystem.readFile($0) }
            }
        } catch {
            throw CommandFailure.io(
                "\(folder): \(error.message) (pass --contexts with the folder of the pinned JSON-LD contexts)")
        }
    }

    /// The safe way to the workspace's files (badge art).
    var workspaceFiles: WorkspaceFiles { WorkspaceFiles(root: selection.root, fileSystem: environment.fileSystem) }

    /// The folder a course's badges are published from: `--output`, or the course's default.
    func folder(for course: Course) -> BadgeFolder {
        let path =
            output.map(environment.absolutePath) ?? BadgeFolder.defaultPath(course: course.id, workspaceRoot: selection.root)
        return BadgeFolder(path: path, urls: urls, fileSystem: environment.fileSystem)
    }

    /// `course`'s issuer and badge classes, made but not yet written, and the folder they go to.
    func export(_ course: Course) throws(CommandFailure) -> (BadgeExport, BadgeFolder) {
        let folder = folder(for: course)
        let export = try run { () throws(BadgeError) in
            try BadgeExport(
                course: course, badges: report.workspace.badges, workspace: workspaceFiles, urls: urls,
                pageBaseURL: pageBaseURL, publicKey: key?.published, spec: spec, openBadges3Keys: openBadges3Keys)
        }
        return (export, folder)
    }

    /// Runs a badge operation, turning its error into the command's: exit 2 when a file could not be
    /// read or written (or the folder's lock was not had), 1 otherwise.
    func run<Result>(_ body: () throws(BadgeError) -> Result) throws(CommandFailure) -> Result {
        try Self.run(body)
    }

    /// Runs a badge operation, turning its error into the command's exit code.
    static func run<Result>(_ body: () throws(BadgeError) -> Result) throws(CommandFailure) -> Result {
        do {
            return try body()
        } catch {
            throw CommandFailure(
                message: error.description, code: error.isIOFailure ? ToolkitExitCode.usageOrIO : ToolkitExitCode.failure)
        }
    }

    func display(_ path: String) -> String {
        PathDisplay(workspaceRoot: selection.root, currentDirectory: environment.currentDirectory).display(absolutePath: path)
    }

    /// The published folder named by `--output`, or the only course's default.
    static func publishedFolder(_ output: String?, _ environment: CommandEnvironment) throws -> BadgeFolder {
        do {
            if let output { return try BadgeFolder.open(environment.absolutePath(output), fileSystem: environment.fileSystem) }
            let selection = try WorkspaceLocator.locate(
                nil, currentDirectory: environment.currentDirectory, fileSystem: environment.fileSystem)
            return try BadgeFolder.openOnlyCourse(workspaceRoot: selection.root, fileSystem: environment.fileSystem)
        } catch let error as BadgeError {
            throw CommandFailure.io(error.description)
        } catch {
            throw CommandFailure.io("\(error)")
        }
    }
}
