import CourseModel
import Foundation

/// What to package: a course, in which format, which Things, and where to.
public struct PackageRequest: Sendable {
    /// The course.
    public var course: Course
    /// The workspace's badge catalogue.
    public var badges: BadgeCatalog
    /// The workspace folder (badge images are read from its `Badges/`).
    public var workspaceRoot: String
    /// SCORM 1.2, SCORM 2004 or HTML.
    public var format: PackageFormat
    /// Package only the Thing with this number.
    public var thingNumber: Int?
    /// Include draft Things too.
    public var includeDrafts: Bool
    /// The folder the package is written into.
    public var outputDirectory: URL
    /// A SCORM schema folder: validate the manifest against it and ship its XSDs at the zip root.
    public var schemas: SchemaConformance?

    /// Creates a request.
    public init(
        course: Course, badges: BadgeCatalog, workspaceRoot: String, format: PackageFormat, thingNumber: Int? = nil,
        includeDrafts: Bool = false, outputDirectory: URL, schemas: SchemaConformance? = nil
    ) {
        self.course = course
        self.badges = badges
        self.workspaceRoot = workspaceRoot
        self.format = format
        self.thingNumber = thingNumber
        self.includeDrafts = includeDrafts
        self.outputDirectory = outputDirectory
        self.schemas = schemas
    }

    /// The output's file or folder name: `<course>[-<thing>]-scorm12.zip`, `…-scorm2004.zip`, `…-html`.
    public func outputName(thingID: String?) -> String {
        let base = [course.id, thingID].compactMap { $0 }.joined(separator: "-") + "-" + format.suffix
        return format.isSCORM ? base + ".zip" : base
    }
}

/// What a build produced.
public struct PackageResult: Sendable {
    /// The zip or folder written.
    public var output: URL
    /// The package's files, sorted.
    public var files: [String]
    /// The Things packaged, in course order.
    public var thingIDs: [String]
    /// Whether the manifest was validated against the official XSDs.
    public var schemaValidated: Bool
}

/// A build step, as shown on a terminal: `[3/7] Lay out pages`.
public struct BuildStep: Sendable, CustomStringConvertible {
    /// 1-based position.
    public var number: Int
    /// How many steps there are.
    public var total: Int
    /// What the step does.
    public var name: String

    /// `[number/total] name`.
    public var description: String { "[\(number)/\(total)] \(name)" }
}

/// A build that failed, with the step and the path involved.
public struct PackageError: Error, CustomStringConvertible, Sendable {
    /// The step that failed.
    public var step: String
    /// The file or folder involved, if any.
    public var path: String?
    /// What went wrong (one or more lines).
    public var message: String

    /// `step: path: message`.
    public var description: String {
        [step, path, message].compactMap { $0 }.joined(separator: ": ")
    }
}
