import ToolkitSupport

/// Where an author's files live in a workspace, as paths relative to its root: the one place that
/// spells `Courses/`, `Badges/`, `course.yaml`, `things/`, `files/` and `theme/`. Pure string work.
public struct WorkspaceLayout: Sendable, Hashable {
    /// The folder holding one folder per course.
    public var coursesFolder = "Courses"
    /// The folder holding the issuer profile, the badge classes and their artwork.
    public var badgesFolder = "Badges"
    /// A course's own file, inside its folder.
    public var courseFileName = "course.yaml"
    /// The folder of Thing files inside a course folder.
    public var thingsFolderName = "things"
    /// The folder of media and handouts inside a course folder.
    public var filesFolderName = "files"
    /// The folder of theme overrides inside a course folder.
    public var themeFolderName = "theme"
    /// The extension of a Thing file.
    public var thingFileExtension = ".md"
    /// The issuer profile's name inside the badges folder.
    public var issuerFileName = "issuer.yaml"
    /// The folder of badge class files inside the badges folder.
    public var badgeClassesFolderName = "badges"
    /// The extension of a badge class file.
    public var badgeClassFileExtension = ".yaml"
    /// Where a course repository keeps the JSON Schemas its editor settings name (committed with the
    /// course, refreshed by `toolkit schema`).
    public var editorSchemasFolder = ".toolkit/schemas"
    /// The editor settings `toolkit new course` writes for VS Code.
    public var editorSettingsFile = ".vscode/settings.json"
    /// The ignore file of a course repository.
    public var gitIgnoreFile = ".gitignore"
    /// The CI workflow of a course repository.
    public var ciWorkflowFile = ".github/workflows/course.yml"

    /// The theme's page templates, by name (`thing` is `thing.mustache`).
    public static let themeTemplateNames = ["thing", "index", "head", "footer", "cartridge"]
    /// The theme's assets, which every package carries.
    public static let themeAssetNames = ["course.css", "scorm-runtime.js", "activities.js"]
    /// Every file of the theme, and so every file a course may override in its theme folder.
    public static let themeFileNames = themeTemplateNames.map { $0 + ".mustache" } + themeAssetNames

    /// The standard layout.
    public static let standard = WorkspaceLayout()

    /// Creates the standard layout; tests change single names to see every user follow.
    public init() {}

    /// `Courses/<name>`: the folder of the course whose folder is called `name`.
    public func courseFolder(named name: String) -> String { coursesFolder + "/" + name }
    /// `Courses/<name>/course.yaml`.
    public func courseFile(inCourseFolder folder: String) -> String { folder + "/" + courseFileName }
    /// `Courses/<name>/things`.
    public func thingsFolder(inCourseFolder folder: String) -> String { folder + "/" + thingsFolderName }
    /// `Courses/<name>/things/<id>.md`: where a Thing with this id is expected.
    public func thingFile(id: String, inCourseFolder folder: String) -> String {
        thingsFolder(inCourseFolder: folder) + "/" + id + thingFileExtension
    }
    /// `Courses/<name>/files`.
    public func filesFolder(inCourseFolder folder: String) -> String { folder + "/" + filesFolderName }
    /// `Courses/<name>/theme`.
    public func themeFolder(inCourseFolder folder: String) -> String { folder + "/" + themeFolderName }
    /// `Badges/issuer.yaml`.
    public var issuerFile: String { badgesFolder + "/" + issuerFileName }
    /// `Badges/badges`.
    public var badgeClassesFolder: String { badgesFolder + "/" + badgeClassesFolderName }
    /// `Badges/badges/<id>.yaml`: where the badge class with this id is expected.
    public func badgeClassFile(id: String) -> String { badgeClassesFolder + "/" + id + badgeClassFileExtension }

    /// `relative` joined to the absolute workspace `root`.
    public static func absolute(_ relative: String, root: String) -> String {
        PathArithmetic.absolute(relative, root: root)
    }
}
