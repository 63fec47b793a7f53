import CourseXML
import FileAccess
import ToolkitSupport

/// Validates manifests against the official XSDs in a schema folder (`--schemas` or
/// `COURSE_TOOLKIT_SCHEMAS`) laid out as: SCORM 1.2 and 2004 (`validate-scorm12.xsd`, `validate-scorm2004-4th.xsd`,
/// `catalog.xml`, `scorm12/`, `scorm2004-4th/`), cmi5 (`cmi5/CourseStructure.xsd`) and Common
/// Cartridge 1.1 (`cc11/cc11libxml2validator.xsd`, the set Moodle validates imports with); and knows
/// which schema files a SCORM package carries at its root.
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

    /// Uses the schema folder at `folder`, which must hold the SCORM schemas at least.
    public init(folder: String, fileSystem: any FileSystem = DiskFileSystem()) throws(Problem) {
        for name in ["validate-scorm12.xsd", "validate-scorm2004-4th.xsd", "catalog.xml", "scorm12", "scorm2004-4th"] {
            guard fileSystem.entryKind(at: joinPath(folder, name)) != nil else {
                throw Problem(description: "\(folder) is not a SCORM schema folder: \(name) is missing")
            }
        }
        self.folder = folder
        self.fileSystem = fileSystem
    }

    /// The root schema of `format`'s manifest, relative to the folder; nil for the HTML site.
    static func rootSchema(for format: PackageFormat) -> String? {
        switch format {
        case .scorm12: "validate-scorm12.xsd"
        case .scorm2004: "validate-scorm2004-4th.xsd"
        case .cmi5: "cmi5/CourseStructure.xsd"
        case .commonCartridge: "cc11/cc11libxml2validator.xsd"
        case .html: nil
        }
    }

    /// Schemas already loaded, by path: loading one takes longer than validating many manifests.
    private static let cache = LockedValue([String: XMLSchemaValidator]())

    private func validator(for format: PackageFormat) throws -> XMLSchemaValidator {
        guard let root = Self.rootSchema(for: format) else {
            throw Problem(description: "\(format.displayName) has no manifest to validate")
        }
        let path = joinPath(folder, root)
        guard fileSystem.entryKind(at: path) != nil else {
            throw Problem(description: "\(folder) has no \(root) to validate the \(format.displayName) manifest against")
        }
        return try Self.cache.withLock { cache in
            if let cached = cache[path] { return cached }
            let validator = try XMLSchemaValidator(schemaPath: path, catalogPath: joinPath(folder, "catalog.xml"))
            cache[path] = validator
            return validator
        }
    }

    /// The XSD problems of a manifest (`imsmanifest.xml` or `cmi5.xml`), each as `line N: message`.
    public func validate(manifest bytes: [UInt8], format: PackageFormat) throws -> [String] {
        try validator(for: format).validate(bytes).map(\.description)
    }

    /// The schema files to put at a SCORM package's root: path in the package → absolute path to
    /// read. Other formats carry none (cmi5 and cartridge importers bring their own).
    public func schemaFiles(for format: PackageFormat) -> [String: String] {
        guard format.isSCORM else { return [:] }
        let base = joinPath(folder, format == .scorm2004 ? "scorm2004-4th" : "scorm12")
        return Dictionary(uniqueKeysWithValues: fileSystem.filesBelow(base).map { ($0, joinPath(base, $0)) })
    }
}
