import ToolkitSupport

/// Where everything sits inside a package (a SCORM zip or the HTML site): the manifest, the course
/// index, one page per Thing, the theme's assets, badge images and media. Pages link to each other
/// through `href(to:from:)`, so moving a folder here moves every link with it.
public struct PackageLayout: Sendable, Hashable {
    /// The SCORM or Common Cartridge manifest at the package root.
    public var manifest = "imsmanifest.xml"
    /// The cmi5 course structure at the package root.
    public var courseStructure = "cmi5.xml"
    /// The folder of a cartridge's web link files.
    public var webLinksFolder = "weblinks"
    /// The course's home page (HTML site).
    public var indexPage = "index.html"
    /// The folder of Thing pages.
    public var thingsFolder = "things"
    /// The extension of a page.
    public var pageExtension = ".html"
    /// The folder of theme assets (stylesheet, scripts).
    public var assetsFolder = "assets"
    /// The folder of badge images, by their path under the workspace's badges folder.
    public var badgeImagesFolder = "assets/badges"
    /// The folder of media and handouts.
    public var mediaFolder = "media"

    /// The standard layout.
    public static let standard = PackageLayout()

    /// Creates the standard layout; tests change single names to see every user follow.
    public init() {}

    /// The page of the Thing with this id: `things/<id>.html`.
    public func thingPage(id: String) -> String { thingsFolder + "/" + id + pageExtension }
    /// A theme asset: `assets/<name>`.
    public func asset(_ name: String) -> String { assetsFolder + "/" + name }
    /// A badge image, by its normalised path under the workspace's badges folder.
    public func badgeImage(_ pathUnderBadges: String) -> String { badgeImagesFolder + "/" + pathUnderBadges }
    /// A media file, by its name in the package.
    public func media(_ name: String) -> String { mediaFolder + "/" + name }
    /// A cartridge's web link file for resource `resource` of Thing `thing`.
    public func webLink(thing: String, resource: String) -> String { webLinksFolder + "/" + thing + "-" + resource + ".xml" }
    /// Whether a package path is one of the theme's assets (shared by every page).
    public func isAsset(_ path: String) -> Bool { path.hasPrefix(assetsFolder + "/") }

    /// The relative URL of the package path `target` as written in the page at package path `page`.
    public static func href(to target: String, from page: String) -> String {
        PathArithmetic.href(to: target, from: page)
    }
}
