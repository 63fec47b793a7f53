import CourseModel
import FileAccess
import Foundation
import ThemeTemplates

/// The page templates and assets: the default theme, with any file a course puts in its own
/// `theme/` folder used instead of the default file of the same name.
public struct Theme: Sendable {
    /// The templates the renderer needs.
    public static let templateNames = WorkspaceLayout.themeTemplateNames
    /// The assets every package carries, copied to the package's assets folder.
    public static let assetNames = WorkspaceLayout.themeAssetNames
    /// Every file a theme has, and so every name a course may override.
    public static let fileNames = WorkspaceLayout.themeFileNames

    /// File contents by name (`thing.mustache`, `course.css`, …).
    public let files: [String: [UInt8]]

    /// A theme problem: a file that cannot be read or a template that does not parse.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// What is wrong.
        public var description: String
    }

    /// The toolkit's own theme, read once from its resources.
    private static let defaultFiles: Result<[String: [UInt8]], Problem> = {
        guard let folder = Bundle.module.url(forResource: "Theme", withExtension: nil) else {
            return .failure(Problem(description: "the default theme is missing from the toolkit's resources"))
        }
        var files: [String: [UInt8]] = [:]
        for name in fileNames {
            guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) else {
                return .failure(Problem(description: "the default theme has no \(name)"))
            }
            files[name] = Array(data)
        }
        return .success(files)
    }()

    /// The default theme, overridden by the files in the workspace folder `courseThemeFolder` (relative
    /// to the workspace), each read through the safe path rules (a link out of the workspace is refused).
    public static func load(courseThemeFolder: String, files workspace: WorkspaceFiles) throws(Problem) -> Theme {
        var files = try defaultFiles.get()
        let absoluteFolder = workspace.absolute(courseThemeFolder)
        if workspace.fileSystem.isDirectory(absoluteFolder),
            let names = try? workspace.fileSystem.contentsOfDirectory(absoluteFolder)
        {
            for name in names where files[name] != nil {
                do {
                    files[name] = try workspace.read(courseThemeFolder + "/" + name)
                } catch {
                    throw Problem(description: error.description)
                }
            }
        }
        return Theme(files: files)
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
