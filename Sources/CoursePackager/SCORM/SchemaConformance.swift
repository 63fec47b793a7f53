import CourseXML
import FileAccess
import ToolkitSupport

/// Validates manifests against the official SCORM XSDs in a schema folder laid out like
/// `../shared/schemas` (`validate-scorm12.xsd`, `validate-scorm2004-4th.xsd`, `catalog.xml`,
/// `scorm12/`, `scorm2004-4th/`), and knows which schema files a package carries at its root.
public struct SchemaConformance: Sendable {
    /// The schema folder.
    public let folder: String
    /// Where the schema files are read from for shipping (libxml2 itself loads the XSDs from disk).
    public let fileSystem: any FileSystem

    /// A schema folder that is missing what is needed.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// Uses the schema folder at `folder`.
    public init(folder: String, fileSystem: any FileSystem = DiskFileSystem()) throws(Problem) {
        for name in ["validate-scorm12.xsd", "validate-scorm2004-4th.xsd", "catalog.xml", "scorm12", "scorm2004-4th"] {
            guard fileSystem.entryKind(at: joinPath(folder, name)) != nil else {
                throw Problem(description: "\(folder) is not a SCORM schema folder: \(name) is missing")
            }
        }
        self.folder = folder
        self.fileSystem = fileSystem
    }

    /// Schemas already loaded, by path: loading one takes longer than validating many manifests.
    private static let cache = LockedValue([String: XMLSchemaValidator]())

    private func validator(for format: PackageFormat) throws -> XMLSchemaValidator {
        let path = joinPath(folder, format == .scorm2004 ? "validate-scorm2004-4th.xsd" : "validate-scorm12.xsd")
        return try Self.cache.withLock { cache in
            if let cached = cache[path] { return cached }
            let validator = try XMLSchemaValidator(schemaPath: path, catalogPath: joinPath(folder, "catalog.xml"))
            cache[path] = validator
            return validator
        }
    }

    /// The XSD problems of a manifest, each as `line N: message`.
    public func validate(manifest bytes: [UInt8], format: PackageFormat) throws -> [String] {
        try validator(for: format).validate(bytes).map(\.description)
    }

    /// The schema files to put at a package's root: path in the package → absolute path to read.
    public func schemaFiles(for format: PackageFormat) -> [String: String] {
        let base = joinPath(folder, format == .scorm2004 ? "scorm2004-4th" : "scorm12")
        return Dictionary(uniqueKeysWithValues: fileSystem.filesBelow(base).map { ($0, joinPath(base, $0)) })
    }
}
