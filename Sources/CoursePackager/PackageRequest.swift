import CourseMarkdown
import CourseMedia
import CourseModel
import FileAccess

/// What to package: a course, in which format, which Things, and where to.
public struct PackageRequest: Sendable {
    /// The course.
    public var course: Course
    /// The workspace's badge catalogue.
    public var badges: BadgeCatalog
    /// The workspace folder, absolute (badge images and theme overrides are read from it).
    public var workspaceRoot: String
    /// SCORM 1.2, SCORM 2004 or HTML.
    public var format: PackageFormat
    /// Package only the Thing with this number.
    public var thingNumber: Int?
    /// Include draft Things too.
    public var includeDrafts: Bool
    /// The folder the package is written into, absolute.
    public var outputFolder: String
    /// A SCORM schema folder: validate the manifest against it and ship its XSDs at the zip root.
    public var schemas: SchemaConformance?
    /// Where everything is read from and written to.
    public var fileSystem: any FileSystem
    /// Where the course's files are in the workspace.
    public var workspaceLayout: WorkspaceLayout
    /// Where everything goes inside the package.
    public var packageLayout: PackageLayout
    /// How outputs are named.
    public var outputLayout: OutputLayout
    /// The LMS the package is for (`generic`: any).
    public var lms: LMSProfile
    /// cmi5: the IRI the course's publisher ids start with (default: a URN from the course id).
    public var publisherIRI: String?
    /// Common Cartridge: where the HTML site is hosted, so each page links to its interactive version.
    public var siteURL: String?
    /// Where the package goes: written into `outputFolder` (a zip streamed entry by entry, or a folder),
    /// or kept in memory (the preview serves it from there).
    public var target: PackageTarget = .outputFolder
    /// Each Thing's body as the workspace check parsed it (nil: parsed here).
    public var markdown: ParsedMarkdownCache?
    /// The media as the workspace check inspected it (nil: inspected here).
    public var media: MediaFiles?
    /// Pages rendered by earlier builds of the same preview, reused when their inputs are unchanged;
    /// nil renders every page.
    public var renderedPages: RenderedPages?

    /// Creates a request.
    public init(
        course: Course, badges: BadgeCatalog, workspaceRoot: String, format: PackageFormat, thingNumber: Int? = nil,
        includeDrafts: Bool = false, outputFolder: String, schemas: SchemaConformance? = nil,
        fileSystem: any FileSystem = DiskFileSystem(), workspaceLayout: WorkspaceLayout = .standard,
        packageLayout: PackageLayout = .standard, outputLayout: OutputLayout = .standard, lms: LMSProfile = .generic,
        publisherIRI: String? = nil, siteURL: String? = nil
    ) {
        self.course = course
        self.badges = badges
        self.workspaceRoot = workspaceRoot
        self.format = format
        self.thingNumber = thingNumber
        self.includeDrafts = includeDrafts
        self.outputFolder = outputFolder
        self.schemas = schemas
        self.fileSystem = fileSystem
        self.workspaceLayout = workspaceLayout
        self.packageLayout = packageLayout
        self.outputLayout = outputLayout
        self.lms = lms
        self.publisherIRI = publisherIRI
        self.siteURL = siteURL
    }

    /// The output's file or folder name: `<course>[-<thing>]-scorm12.zip`, `…-scorm2004.zip`, `…-html`.
    public func outputName(thingID: String?) -> String {
        outputLayout.packageName(course: course.id, thing: thingID, formatSuffix: format.suffix, isArchive: format.isArchive)
    }
}

/// Where a package goes.
public enum PackageTarget: Sendable, Hashable {
    /// A zip or a folder in the request's output folder, written through a temporary path and moved
    /// into place; a zip is streamed entry by entry to its temporary file, so at most one entry is in
    /// memory at a time.
    case outputFolder
    /// Kept in memory, file by file, in `PackageResult.memoryFiles` (nothing is written).
    case memory
}

/// What a build produced.
public struct PackageResult: Sendable {
    /// The zip or folder written, absolute.
    public var output: String
    /// The package's files, sorted.
    public var files: [String]
    /// The Things packaged, in course order.
    public var thingIDs: [String]
    /// Whether the manifest was validated against the official XSDs.
    public var schemaValidated: Bool
    /// What the author should know (a package near the LMS's upload limit).
    public var warnings: [String] = []
    /// The package's files by path, for the memory target (nil otherwise).
    public var memoryFiles: [String: [UInt8]]? = nil
}

/// A build that failed, with the step and the path involved.
public struct PackageError: Error, CustomStringConvertible, Sendable {
    /// The step that failed.
    public var step: PackageStep
    /// The file or folder involved, if any.
    public var path: String?
    /// What went wrong (one or more lines).
    public var message: String
    /// Whether a file could not be read or written (exit 2), rather than the course being wrong (exit 1).
    public var isIOFailure: Bool

    /// Creates an error of `step`.
    public init(step: PackageStep, path: String?, message: String, isIOFailure: Bool = false) {
        self.step = step
        self.path = path
        self.message = message
        self.isIOFailure = isIOFailure
    }

    /// `step: path: message`.
    public var description: String {
        [step.name, path, message].compactMap { $0 }.joined(separator: ": ")
    }
}
