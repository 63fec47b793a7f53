import Foundation
import ThemeTemplates

/// The page templates and assets: the default theme, with any file a course puts in its own
/// `theme/` folder used instead of the default file of the same name.
public struct Theme: Sendable {
    /// The templates the renderer needs.
    public static let templateNames = ["thing", "index", "head", "footer"]
    /// The assets every package carries, copied to `assets/`.
    public static let assetNames = ["course.css", "scorm-runtime.js", "activities.js"]

    /// File contents by name (`thing.mustache`, `course.css`, …).
    public let files: [String: [UInt8]]
    /// Names of the files the course overrides.
    public let overridden: [String]

    /// A theme problem: a file that cannot be read or a template that does not parse.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// The default theme, overridden by files in `courseThemeFolder` when it exists.
    public static func load(courseThemeFolder: String?) throws(Problem) -> Theme {
        guard let folder = Bundle.module.url(forResource: "Theme", withExtension: nil) else {
            throw Problem(description: "the default theme is missing from the toolkit's resources")
        }
        var files: [String: [UInt8]] = [:]
        for name in templateNames.map({ $0 + ".mustache" }) + assetNames {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                throw Problem(description: "the default theme has no \(name)")
            }
            files[name] = Array(data)
        }
        var overridden: [String] = []
        if let courseThemeFolder, let names = try? FileManager.default.contentsOfDirectory(atPath: courseThemeFolder) {
            for name in names.sorted() where files[name] != nil {
                guard let data = FileManager.default.contents(atPath: courseThemeFolder + "/" + name) else {
                    throw Problem(description: "\(courseThemeFolder)/\(name) cannot be read")
                }
                files[name] = Array(data)
                overridden.append(name)
            }
        }
        return Theme(files: files, overridden: overridden)
    }

    /// The theme's templates, parsed.
    func library() throws(Problem) -> TemplateLibrary {
        var sources: [String: String] = [:]
        for name in Self.templateNames {
            sources[name] = String(decoding: files[name + ".mustache"] ?? [], as: UTF8.self)
        }
        do {
            return try TemplateLibrary(sources: sources)
        } catch {
            throw Problem(description: "template \(error)")
        }
    }
}
