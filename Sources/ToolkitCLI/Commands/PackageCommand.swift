import ArgumentParser
import CourseBuild
import CourseLoader
import CourseModel
import CoursePackager
import CourseValidator
import Foundation
import ToolkitSupport

/// `toolkit package`: SCORM 1.2, SCORM 2004, cmi5, Common Cartridge or HTML packages of the courses.
struct PackageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "package",
        abstract:
            "Build a SCORM zip (1.2 or 2004 4th Edition), a cmi5 zip, a Common Cartridge 1.1 or an offline HTML site for each course.",
        discussion: """
            Validates first and refuses to build when there are errors. Outputs go to build/ of the workspace: \
            <course>-scorm12.zip, <course>-scorm2004.zip, <course>-cmi5.zip, <course>-cc11.zip or <course>-html/ \
            (with -thing-NN before the suffix for --thing). Each output is written to a temporary path and renamed \
            into place. With --schemas (or COURSE_TOOLKIT_SCHEMAS), the manifest (cmi5.xml for cmi5) is validated \
            against the official XSDs; SCORM packages also carry them at the zip root.
            """)

    @OptionGroup var courses: CourseSelectionOptions

    @Flag(help: "Build a SCORM package (a zip for an LMS).")
    var scorm = false

    @Option(name: .customLong("scorm-version"), help: "SCORM version: 1.2 (default, widest LMS support) or 2004 (4th Edition).")
    var scormVersion: ScormVersionArgument = .v12

    @Flag(help: "Build an offline HTML site; progress is kept in the browser.")
    var html = false

    @Flag(help: "Build a cmi5 zip (cmi5.xml and one assignable unit per Thing, reporting through xAPI).")
    var cmi5 = false

    @Flag(help: "Build an IMS Common Cartridge 1.1 for course import (Moodle, Canvas, Blackboard, Sakai).")
    var cc = false

    @Option(
        name: .customLong("site-url"),
        help: ArgumentHelp(
            "With --cc: where the HTML site is hosted; each cartridge page links to its interactive version there.",
            valueName: "url"))
    var siteURL: String?

    @Option(
        name: .customLong("publisher-iri"),
        help: ArgumentHelp(
            "With --cmi5: the IRI the course and AU ids start with (default: urn:course-toolkit:course:<course id>).",
            valueName: "iri"))
    var publisherIRI: String?

    @Option(help: "Package only the Thing with this number.")
    var thing: Int?

    @Option(help: "Folder for the outputs (default: build/ in the workspace).")
    var output: String?

    @Flag(help: "Include draft Things.")
    var includeDrafts = false

    @Option(
        help:
            "A folder of the official schemas (validate-scorm12.xsd, validate-scorm2004-4th.xsd, cmi5/, cc11/) to validate the manifest against."
    )
    var schemas: String?

    @Option(
        help: ArgumentHelp(
            "The LMS the package is for: \(LMSProfile.all.map(\.id).joined(separator: ", ")); generic (the default) is the strictest common subset.",
            valueName: "name"))
    var lms = "generic"

    @Flag(help: "List every file written.")
    var verbose = false

    func validate() throws {
        if [scorm, html, cmi5, cc].filter({ $0 }).count != 1 {
            throw ValidationError("Choose exactly one of --scorm, --cmi5, --cc or --html.")
        }
        if let siteURL {
            guard cc else { throw ValidationError("--site-url goes with --cc.") }
            guard let url = URL(string: siteURL), ["https", "http"].contains(url.scheme?.lowercased() ?? ""), url.host != nil,
                !siteURL.contains(where: { $0 == " " || $0 == "\"" || $0 == "<" || $0 == ">" })
            else {
                throw ValidationError("--site-url takes an https address, such as https://learning.example.org/leadership.")
            }
        }
        if let publisherIRI {
            guard cmi5 else { throw ValidationError("--publisher-iri goes with --cmi5.") }
            guard let colon = publisherIRI.firstIndex(of: ":"), colon != publisherIRI.startIndex,
                !publisherIRI.contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "<" || $0 == ">" })
            else {
                throw ValidationError("--publisher-iri takes a full IRI, such as https://learning.example.org/leadership.")
            }
        }
        if let thing, thing < 1 { throw ValidationError("--thing takes a Thing number, 1 or more.") }
        if LMSProfile.named(lms) == nil {
            throw ValidationError("--lms takes one of \(LMSProfile.all.map(\.id).joined(separator: ", ")), not `\(lms)`.")
        }
    }

    func run() throws {
        let environment = CommandEnvironment.current
        // Where outputs go is checked first: a usage mistake is reported before any validation.
        let selection = try courses.selection(in: environment)
        if let output {
            try OutputPlacement.refuseInsideSources(environment.absolutePath(output), workspaceRoot: selection.root)
        }
        let schemaFolder = schemas ?? environment.variables["COURSE_TOOLKIT_SCHEMAS"]
        var conformance: SchemaConformance?
        if let schemaFolder {
            do {
                conformance = try SchemaConformance(
                    folder: environment.absolutePath(schemaFolder), fileSystem: environment.fileSystem)
            } catch {
                throw CommandFailure.io(error.description)
            }
        }
        let format: PackageFormat = html ? .html : cmi5 ? .cmi5 : cc ? .commonCartridge : scormVersion.format
        let job = PackageJob(
            options: PackageOptions(
                format: format, thingNumber: thing, includeDrafts: includeDrafts,
                outputFolder: output.map(environment.absolutePath)
                    ?? OutputLayout.standard.defaultFolder(workspaceRoot: selection.root),
                schemas: conformance, lms: LMSProfile.named(lms) ?? .generic, publisherIRI: publisherIRI, siteURL: siteURL))
        // One course shows its steps as it goes; several are built across the cores (each package is
        // independent and written atomically), and reported in course order when all are done.
        let onStep = StepPrinter(environment, total: job.stepCount).onStep(
            showing: selection.courseCount(in: environment.fileSystem) == 1)
        let checked = PackageJob.check(selection, fileSystem: environment.fileSystem, total: job.stepCount, onStep: onStep)
        try BuildRefusal.refuseUnlessBuildable(checked, in: environment, purpose: "before packaging")
        let display = PathDisplay(workspaceRoot: selection.root, currentDirectory: environment.currentDirectory)
        for (course, outcome) in job.build(checked, fileSystem: environment.fileSystem, onStep: onStep) {
            switch outcome {
            case .success(let result):
                // Listed here, after the build, so that the files of courses built at once do not interleave.
                if verbose {
                    for file in result.files { environment.standardOutput("  \(file)\n") }
                }
                for warning in result.warnings { environment.standardError("warning: \(warning)\n") }
                if let note = Self.leftOutDrafts(course, included: result.thingIDs, includeDrafts: includeDrafts, thing: thing) {
                    environment.standardError("note: \(note)\n")
                }
                let checked =
                    result.schemaValidated
                    ? ", \(format == .cmi5 ? "cmi5.xml" : "manifest") valid against the \(format.displayName) XSDs" : ""
                environment.standardOutput(
                    "wrote \(display.display(absolutePath: result.output)) (\(Plural.counted(result.thingIDs.count, "Thing")), \(Plural.counted(result.files.count, "file"))\(checked))\n"
                )
            case .failure(let error):
                throw CommandFailure(
                    message: "\(course.id): \(error.description)",
                    code: error.isIOFailure ? ToolkitExitCode.usageOrIO : ToolkitExitCode.failure)
            }
        }
    }
}

extension PackageCommand {
    /// The drafts a package left out, named (five at most, then how many more), and how to add them;
    /// nil when none was left out or one Thing was asked for.
    static func leftOutDrafts(_ course: Course, included: [String], includeDrafts: Bool, thing: Int?) -> String? {
        guard !includeDrafts, thing == nil else { return nil }
        let drafts = course.things.filter { $0.status != .published && !included.contains($0.id) }
            .sorted { $0.number < $1.number }
        guard !drafts.isEmpty else { return nil }
        let shown = drafts.prefix(5).map { String($0.number) }
        let rest = drafts.count - shown.count
        let list =
            drafts.count == 1
            ? "Thing \(shown[0])"
            : "Things " + shown.joined(separator: ", ") + (rest > 0 ? " and \(rest) more" : "")
        return "left out \(Plural.counted(drafts.count, "draft Thing")) (\(list)); --include-drafts adds them"
    }
}

/// `--scorm-version` values.
enum ScormVersionArgument: String, ExpressibleByArgument, CaseIterable {
    case v12 = "1.2"
    case v2004 = "2004"

    /// The package format.
    var format: PackageFormat { self == .v12 ? .scorm12 : .scorm2004 }
}
