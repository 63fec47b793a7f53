/// One named step of a package build: shown on a terminal as `[3/7] Lay out pages`, and carried by
/// any error the step raises. The steps are values, listed once (`steps(for:)`), so a step's name is
/// never typed twice.
public struct PackageStep: Sendable, Hashable, CustomStringConvertible {
    /// What the step does, as shown to the author.
    public let name: String

    private init(_ name: String) { self.name = name }

    /// Chooses the Things to package.
    public static let selectThings = PackageStep("Select Things")
    /// Reads the default theme and the course's overrides, and parses the templates.
    public static let loadTheme = PackageStep("Load theme")
    /// Decides every page's path and prepares their views.
    public static let layOutPages = PackageStep("Lay out pages")
    /// Adds the theme's assets, the badge images and the media the pages show.
    public static let copyAssets = PackageStep("Copy badge images and assets")
    /// Writes the SCORM or Common Cartridge manifest.
    public static let writeManifest = PackageStep("Write imsmanifest.xml")
    /// Writes the cmi5 course structure.
    public static let writeCourseStructure = PackageStep("Write cmi5.xml")
    /// Checks the manifest's (or course structure's) structure, and its XSDs when a schema folder is given.
    public static let checkManifest = PackageStep("Check manifest")
    /// Renders the pages while the zip is written.
    public static let writeZip = PackageStep("Render pages and write zip")
    /// Renders the pages while the site's folder is written.
    public static let writeSite = PackageStep("Render pages and write site")

    /// The steps of a build in `format`, in order.
    public static func steps(for format: PackageFormat) -> [PackageStep] {
        switch format {
        case .html: [.selectThings, .loadTheme, .layOutPages, .copyAssets, .writeSite]
        case .cmi5: [.selectThings, .loadTheme, .layOutPages, .copyAssets, .writeCourseStructure, .checkManifest, .writeZip]
        case .scorm12, .scorm2004, .commonCartridge:
            [.selectThings, .loadTheme, .layOutPages, .copyAssets, .writeManifest, .checkManifest, .writeZip]
        }
    }

    /// The step's name.
    public var description: String { name }

}
