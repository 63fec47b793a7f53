import CourseLoader
import CourseModel
import CoursePackager
import Foundation

/// The bundled workspace, loaded once, and helpers to build packages of it into temporary folders.
enum PackagingFixture {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// `../shared/schemas`, or the folder `COURSE_TOOLKIT_SCHEMAS` names; nil when absent.
    static let schemaFolder: String? = {
        let candidate =
            ProcessInfo.processInfo.environment["COURSE_TOOLKIT_SCHEMAS"]
            ?? packageRoot.deletingLastPathComponent().appendingPathComponent("shared/schemas").path
        return FileManager.default.fileExists(atPath: candidate) ? candidate : nil
    }()

    static let report: LoadReport = WorkspaceLoader().load(workspaceAt: packageRoot.path)

    static var course: Course { report.workspace.courses.first { $0.id == "sssc-23-things-leadership" }! }

    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("toolkit-package-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func request(_ format: PackageFormat, into folder: URL, thing: Int? = nil, schemas: Bool = false) throws
        -> PackageRequest
    {
        PackageRequest(
            course: course, badges: report.workspace.badges, workspaceRoot: packageRoot.path, format: format,
            thingNumber: thing, outputFolder: folder.path,
            schemas: schemas ? try schemaFolder.map { try SchemaConformance(folder: $0) } : nil)
    }
}

extension PackageResult {
    /// The output as a file URL.
    var outputURL: URL { URL(fileURLWithPath: output) }
}
