import CourseXML
import Foundation

/// Validates manifests against the official SCORM XSDs in a schema folder laid out like
/// `../shared/schemas` (`validate-scorm12.xsd`, `validate-scorm2004-4th.xsd`, `catalog.xml`,
/// `scorm12/`, `scorm2004-4th/`), and knows which schema files a package carries at its root.
public struct SchemaConformance: Sendable {
    /// The schema folder.
    public let folder: String

    /// A schema folder that is missing what is needed.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// Uses the schema folder at `folder`.
    public init(folder: String) throws(Problem) {
        for name in ["validate-scorm12.xsd", "validate-scorm2004-4th.xsd", "catalog.xml", "scorm12", "scorm2004-4th"] {
            guard FileManager.default.fileExists(atPath: "\(folder)/\(name)") else {
                throw Problem(description: "\(folder) is not a SCORM schema folder: \(name) is missing")
            }
        }
        self.folder = folder
    }

    private static let cacheLock = NSLock()
    nonisolated(unsafe) private static var cache: [String: XMLSchemaValidator] = [:]

    private func validator(for format: PackageFormat) throws -> XMLSchemaValidator {
        let path = format == .scorm2004 ? "\(folder)/validate-scorm2004-4th.xsd" : "\(folder)/validate-scorm12.xsd"
        Self.cacheLock.lock()
        defer { Self.cacheLock.unlock() }
        if let cached = Self.cache[path] { return cached }
        let validator = try XMLSchemaValidator(schemaPath: path, catalogPath: "\(folder)/catalog.xml")
        Self.cache[path] = validator
        return validator
    }

    /// The XSD problems of a manifest, each as `line N: message`.
    public func validate(manifest bytes: [UInt8], format: PackageFormat) throws -> [String] {
        try validator(for: format).validate(bytes).map(\.description)
    }

    /// The schema files to put at a package's root: path in the package → path on disk.
    public func schemaFiles(for format: PackageFormat) -> [String: String] {
        let subfolder = format == .scorm2004 ? "scorm2004-4th" : "scorm12"
        let base = "\(folder)/\(subfolder)"
        var files: [String: String] = [:]
        guard let enumerator = FileManager.default.enumerator(atPath: base) else { return files }
        while let relative = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: "\(base)/\(relative)", isDirectory: &isDirectory), !isDirectory.boolValue {
                files[relative] = "\(base)/\(relative)"
            }
        }
        return files
    }
}
