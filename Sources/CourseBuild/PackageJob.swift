import CourseLoader
import CourseModel
import CoursePackager
import FileAccess
import ToolkitSupport

/// `package`: every selected course of a checked workspace built in one format, each as the list of
/// steps its format has, after the check itself (step 1 of the job).
public struct PackageJob: Sendable {
    /// The name of the job's first step.
    public static let checkStepName = "Check workspace"

    /// The format and options every course is built with; `course`, `badges` and `workspaceRoot` are
    /// filled in for each course.
    public var options: PackageOptions

    /// A job building with `options`.
    public init(options: PackageOptions) { self.options = options }

    /// How many steps the job has for one course (the check, then the format's steps).
    public var stepCount: Int { 1 + PackageStep.steps(for: options.format).count }

    /// Checks the workspace (reporting step 1 to `onStep`); nil when the check found a reason not to build.
    public static func check(
        _ selection: WorkspaceSelection, fileSystem: any FileSystem, total: Int, onStep: @Sendable (StepProgress) -> Void
    ) -> CheckedWorkspace {
        onStep(StepProgress(number: 1, total: total, name: checkStepName))
        return CheckedWorkspace.check(selection, fileSystem: fileSystem)
    }

    /// Builds every course of `checked` (which must be buildable) across the cores, in course order;
    /// `onStep` hears the steps when there is one course (several would interleave).
    public func build(
        _ checked: CheckedWorkspace, fileSystem: any FileSystem, onStep: @escaping @Sendable (StepProgress) -> Void = { _ in }
    ) -> [(course: Course, outcome: Result<PackageResult, PackageError>)] {
        let courses = checked.workspace.courses
        let requests = courses.map { request(for: $0, in: checked, fileSystem: fileSystem) }
        let total = stepCount
        let showSteps = courses.count == 1
        let results = ParallelMap.map(requests) { request -> Result<PackageResult, PackageError> in
            var builder = PackageBuilder(onStep: { step in if showSteps { onStep(step) } })
            builder.firstStepNumber = 2
            builder.jobStepCount = total
            return Result { () throws(PackageError) in try builder.build(request) }
        }
        return Array(zip(courses, results).map { (course: $0, outcome: $1) })
    }

    /// The request of one course, carrying what the check already parsed and inspected.
    public func request(for course: Course, in checked: CheckedWorkspace, fileSystem: any FileSystem) -> PackageRequest {
        var request = PackageRequest(
            course: course, badges: checked.workspace.badges, workspaceRoot: checked.selection.root, format: options.format,
            thingNumber: options.thingNumber, includeDrafts: options.includeDrafts, outputFolder: options.outputFolder,
            schemas: options.schemas, fileSystem: fileSystem, lms: options.lms, publisherIRI: options.publisherIRI,
            siteURL: options.siteURL)
        request.target = options.target
        request.markdown = checked.markdown
        request.media = checked.media
        return request
    }
}

/// How `package` builds: the format and its options, the same for every course.
public struct PackageOptions: Sendable {
    /// The package format.
    public var format: PackageFormat
    /// Package only the Thing with this number.
    public var thingNumber: Int?
    /// Include draft Things.
    public var includeDrafts: Bool
    /// Where packages are written, absolute.
    public var outputFolder: String
    /// Official schemas to validate the manifest against.
    public var schemas: SchemaConformance?
    /// The LMS the package is for.
    public var lms: LMSProfile
    /// cmi5: the IRI ids start with.
    public var publisherIRI: String?
    /// Common Cartridge: where the HTML site is hosted.
    public var siteURL: String?
    /// The output folder, or memory.
    public var target: PackageTarget

    /// Creates the options.
    public init(
        format: PackageFormat, thingNumber: Int? = nil, includeDrafts: Bool = false, outputFolder: String,
        schemas: SchemaConformance? = nil, lms: LMSProfile = .generic, publisherIRI: String? = nil, siteURL: String? = nil,
        target: PackageTarget = .outputFolder
    ) {
        self.format = format
        self.thingNumber = thingNumber
        self.includeDrafts = includeDrafts
        self.outputFolder = outputFolder
        self.schemas = schemas
        self.lms = lms
        self.publisherIRI = publisherIRI
        self.siteURL = siteURL
        self.target = target
    }
}
