/// A folder holding `Courses/` and `Badges/`: everything one organisation authors.
public struct Workspace: Sendable {
    /// Absolute path of the workspace folder.
    public var rootPath: String
    /// The courses, in the order their folders sort.
    public var courses: [Course]
    /// The badge catalogue under `Badges/`.
    public var badges: BadgeCatalog
    /// Files that exist but could not be read into the model (a YAML slip, broken front matter): they
    /// count as present, so references to them and numbering do not fail elsewhere.
    public var unloadedFiles: Set<String> = []

    /// Creates a workspace.
    public init(rootPath: String, courses: [Course], badges: BadgeCatalog) {
        self.rootPath = rootPath
        self.courses = courses
        self.badges = badges
    }
}
