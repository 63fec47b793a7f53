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
        subcommands: [Export.self, Issue.self, List.self, Revoke.self, Verify.self, Contexts.self])

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

        @Option(
            name: .customLong("issuer-did"),
            help: ArgumentHelp(
                "Identify the issuer of 3.0 credentials as did:web:<host>[:<path>] (its did.json is published at the base URL).",
                discussion: "For --base-url https://badges.example.org/sssc the DID is did:web:badges.example.org:sssc."))
        var issuerDID: String?

        @Flag(
            name: .customLong("allow-new-base-url"),
            help:
                "Publish a folder already published under another base URL under this one (earlier badges point to the old one).")
        var allowNewBaseURL = false

        /// The options as the jobs take them, paths made absolute.
        func library(in environment: CommandEnvironment) -> BadgePublishOptions {
            BadgePublishOptions(
                baseURL: baseURL, pageBaseURL: pageBaseURL, signKey: signKey.map(environment.absolutePath), spec: spec,
                ed25519Key: ed25519Key.map(environment.absolutePath), contexts: contexts.map(environment.absolutePath),
                output: output.map(environment.absolutePath), allowNewBaseURL: allowNewBaseURL, issuerDID: issuerDID)
        }
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
            let progress = StepPrinter(environment, total: BadgeExportJob.stepNames.count)
            let publishing = try BadgeCommandSupport.prepare(courses, publish, environment, progress: progress)
            // Courses export independently (each folder written atomically): across the cores, reported in order.
            let courses = publishing.checked.workspace.courses
            let onStep = progress.onStep(showing: courses.count == 1)
            let exports = ParallelMap.map(courses) { course in
                Result { () throws(BadgeError) in try BadgeExportJob.run(course, with: publishing, onStep: onStep) }
            }
            let display = BadgeCommandSupport.display(publishing, environment)
            for outcome in exports {
                let done = try BadgeCommandSupport.run { () throws(BadgeError) in try outcome.get() }
                for note in done.notes { environment.standardError("note: \(TerminalText.escaped(note))\n") }
                environment.standardOutput(
                    "wrote \(display(done.folder.path)) (issuer and \(Plural.counted(done.export.badgeIDs.count, "badge class", "badge classes"))\(publishing.keys.signingKey == nil ? ", hosted" : ", signed"))\n"
                )
            }
        }
    }

    // MARK: issue

    struct Issue: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Issue an assertion per earner row, baked into PNG and SVG; award collections whose members are all held.",
            discussion: """
                The earners file is CSV with the header email,badge,issuedOn,evidenceUrl,evidenceNarrative and, optionally, \
                name (Open Badges 3.0 credentials then name the earner, unhashed, beside the hashed email); extra columns \
                are ignored. Bad rows are reported with row and column and nothing is issued, unless --keep-going. \
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

        @Option(help: "How bad rows are reported: text (compiler style), json, github (Actions annotations) or sarif.")
        var format: ReportFormatArgument = .text

        func run() throws {
            let environment = CommandEnvironment.current
            let progress = StepPrinter(environment, total: BadgeIssueJob.stepCount)
            let publishing = try BadgeCommandSupport.prepare(courses, publish, environment, progress: progress)
            let onStep = progress.onStep(showing: true)
            let job = try BadgeCommandSupport.run { () throws(BadgeError) in try BadgeIssueJob(publishing, onStep: onStep) }
            let display = BadgeCommandSupport.display(publishing, environment)
            let csvPath = environment.absolutePath(earners)
            let (rows, problems, findings) = try BadgeCommandSupport.run { () throws(BadgeError) in
                try job.readEarners(at: csvPath, shownAs: display(csvPath), onStep: onStep)
            }
            if !findings.isEmpty {
                let reporter: any FindingReporter =
                    format == .text ? TextReporter(useColor: environment.outputIsTerminal) : format.format.reporter()
                environment.standardError(reporter.render(findings, filesChecked: 1))
            }
            if !problems.isEmpty && !keepGoing {
                environment.standardError(
                    "error: \(Plural.counted(problems.count, "bad cell")); nothing was issued (fix them, or pass --keep-going)\n")
                throw ExitCode(ToolkitExitCode.failure)
            }
            let outcome = try BadgeCommandSupport.run { () throws(BadgeError) in
                try job.issue(rows, refused: problems, onStep: onStep)
            }
            for note in outcome.notes { environment.standardError("note: \(TerminalText.escaped(note))\n") }
            let spec = publishing.options.spec
            let collections = outcome.issued.filter { $0.row == nil }.count
            environment.standardOutput(
                "issued \(Plural.counted(outcome.issued.count - collections, spec == .v2 ? "assertion" : spec == .v3 ? "credential" : "badge")) and \(Plural.counted(collections, "collection badge"))\(spec == .both ? " (each as a 2.0 assertion and a 3.0 credential)" : "") into \(display(job.folder.path))"
                    + (outcome.alreadyIssued > 0
                        ? "; \(outcome.alreadyIssued) \(outcome.alreadyIssued == 1 ? "row was" : "rows were") already issued"
                        : "") + "; row by row: \(display(job.folder.issueSummaryPath))\n")
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
            let folder = try BadgeCommandSupport.publishedFolder(output, environment)
            let holdings = try BadgeCommandSupport.run { () throws(BadgeError) in
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
                    ].map(TerminalText.escaped)
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

        @Flag(
            name: .customLong("keep-collections"),
            help: "Keep the collection badges awarded on this badge (by default they are revoked with it).")
        var keepCollections = false

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
            let folder = try BadgeCommandSupport.publishedFolder(output, environment)
            let keys = try BadgeCommandSupport.run { () throws(BadgeError) in
                try BadgeKeyring.openBadges3Keys(
                    jwt: try BadgeKeyring.signingKey(signKey.map(environment.absolutePath)),
                    ed25519Key: ed25519Key.map(environment.absolutePath), contexts: contexts.map(environment.absolutePath),
                    variables: environment.variables, fileSystem: environment.fileSystem)
            }
            let outcome = try BadgeCommandSupport.run { () throws(BadgeError) in
                try folder.transaction { () throws(BadgeError) in
                    if let assertionID {
                        return try BadgeRevoker.revoke(
                            assertionID, reason: reason, force: force, keepCollections: keepCollections,
                            openBadges3Keys: keys, in: folder)
                    }
                    return try BadgeRevoker.revoke(
                        email: email!, badgeID: badge!, reason: reason, force: force, keepCollections: keepCollections,
                        openBadges3Keys: keys, in: folder)
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
            let folder = try BadgeCommandSupport.publishedFolder(output, environment)
            guard let bytes = try? environment.fileSystem.readFile(environment.absolutePath(file)) else {
                throw CommandFailure.io("\(file): cannot read it")
            }
            // Only a 3.0 Data Integrity proof needs them: when they cannot be read, that check says so.
            let pinned = try? BadgeKeyring.pinnedContexts(
                contexts.map(environment.absolutePath), variables: environment.variables, fileSystem: environment.fileSystem)
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
                    TerminalText.escaped(
                        "\(file): valid \(report.verification ?? "") \(report.isCredential ? "credential" : "assertion") \(report.assertionID ?? "") of “\(report.badgeName ?? "")”"
                    ) + "\n")
            } else {
                for problem in report.problems {
                    environment.standardError(TerminalText.escaped("\(file): error: \(problem)") + "\n")
                }
                throw ExitCode(ToolkitExitCode.failure)
            }
        }
    }
}

extension BadgesCommand {
    /// `toolkit badges contexts …`: the JSON-LD contexts Open Badges 3.0 Data Integrity proofs need.
    struct Contexts: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The JSON-LD contexts Open Badges 3.0 Data Integrity proofs are signed and checked with.",
            subcommands: [Install.self])

        /// `toolkit badges contexts install [DIR]`.
        struct Install: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Install the pinned contexts into your data folder ($XDG_DATA_HOME/course-toolkit/contexts), once.",
                discussion: """
                    From DIR when given: any folder holding copies of them, whatever the files are called (they are \
                    recognised by their SHA-256), such as the `ob3/contexts` folder of the openbadgeslib Python package. \
                    Without DIR, each is downloaded from its canonical https address and checked against its pin. \
                    Every badges command then finds them there.
                    """)

            @Argument(help: "A folder holding copies of the contexts (default: download them).")
            var folder: String?

            func run() throws {
                let environment = CommandEnvironment.current
                let written = try BadgeCommandSupport.run { () throws(BadgeError) in
                    try BadgeKeyring.installContexts(
                        from: folder.map(environment.absolutePath), variables: environment.variables,
                        fileSystem: environment.fileSystem,
                        download: {
                            try HTTPSDownload.fetch(
                                $0, accept: "application/ld+json, application/json",
                                maximumBytes: HTTPSDownload.maximumContextBytes)
                        })
                }
                for path in written { environment.standardOutput("installed \(TerminalText.escaped(path))\n") }
            }
        }
    }
}

/// `--spec 2.0|3.0|both`, read straight into the library's type.
extension OpenBadgesSpec: ExpressibleByArgument {}

/// What the badges subcommands share in the terminal: checking the workspace (printing its refusal),
/// mapping badge errors to exit codes, showing paths, finding the published folder.
enum BadgeCommandSupport {
    /// Step 1 of a job that builds from the course: where outputs go is checked first (a usage
    /// mistake is reported before any validation), then the workspace, then the URLs and keys.
    static func prepare(
        _ courses: CourseSelectionOptions, _ publish: BadgesCommand.PublishOptions, _ environment: CommandEnvironment,
        progress: StepPrinter
    ) throws -> BadgePublishing {
        let selection = try courses.selection(in: environment)
        if let output = publish.output {
            try OutputPlacement.refuseInsideSources(environment.absolutePath(output), workspaceRoot: selection.root)
        }
        progress.onStep(showing: true)(StepProgress(number: 1, total: progress.total, name: PackageJob.checkStepName))
        let checked = CheckedWorkspace.check(selection, fileSystem: environment.fileSystem)
        try BuildRefusal.refuseUnlessBuildable(checked, in: environment, purpose: "first")
        return try run { () throws(BadgeError) in
            try BadgePublishing(
                checked, options: publish.library(in: environment), variables: environment.variables,
                fileSystem: environment.fileSystem)
        }
    }

    /// Runs a badge operation, turning its error into the command's: exit 2 when a file could not be
    /// read or written (or the folder's lock was not had), 1 otherwise.
    static func run<Result>(_ body: () throws(BadgeError) -> Result) throws(CommandFailure) -> Result {
        do {
            return try body()
        } catch {
            throw CommandFailure(
                message: error.description, code: error.isIOFailure ? ToolkitExitCode.usageOrIO : ToolkitExitCode.failure)
        }
    }

    /// How paths are shown: relative to the current folder when inside it.
    static func display(_ publishing: BadgePublishing, _ environment: CommandEnvironment) -> (String) -> String {
        let display = PathDisplay(
            workspaceRoot: publishing.checked.selection.root, currentDirectory: environment.currentDirectory)
        return { display.display(absolutePath: $0) }
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
