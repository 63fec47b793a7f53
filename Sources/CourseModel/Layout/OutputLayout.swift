/// Where the toolkit writes what it builds, relative to the workspace root unless an output folder
/// is given: `build/<course>-scorm12.zip`, `build/<course>-html/`, `build/<course>-badges/`, and the
/// private ledger beside the published badge folder.
public struct OutputLayout: Sendable, Hashable {
    /// The default output folder's name inside the workspace.
    public var buildFolder = "build"
    /// The suffix of a course's published badge folder.
    public var badgesSuffix = "-badges"
    /// The suffix of the private ledger written beside a published badge folder.
    public var ledgerSuffix = ".ledger.json"
    /// The suffix of the private per-row summary `badges issue` writes beside a published badge folder.
    public var issueSummarySuffix = ".issued.csv"
    /// The suffix of the lock file badge operations take, beside a published badge folder.
    public var lockSuffix = ".lock"
    /// The extension of a zip package.
    public var archiveExtension = ".zip"
    /// The folder `toolkit schema` writes the JSON Schemas of the course files to, in the output folder.
    public var schemasFolderName = "schemas"

    /// The standard layout.
    public static let standard = OutputLayout()

    /// Creates the standard layout.
    public init() {}

    /// The default output folder of the workspace at `root` (absolute).
    public func defaultFolder(workspaceRoot root: String) -> String {
        WorkspaceLayout.absolute(buildFolder, root: root)
    }

    /// A package's file or folder name: `<course>[-<thing>]-<formatSuffix>` and `.zip` for an archive.
    public func packageName(course: String, thing: String?, formatSuffix: String, isArchive: Bool) -> String {
        let base = [course, thing].compactMap { $0 }.joined(separator: "-") + "-" + formatSuffix
        return isArchive ? base + archiveExtension : base
    }

    /// The folder a course's badges are published from, by default: `build/<course>-badges`.
    public func badgesFolder(course: String, outputFolder: String) -> String {
        outputFolder + "/" + course + badgesSuffix
    }

    /// The folder the JSON Schemas are written to by default: `build/schemas`.
    public func schemasFolder(outputFolder: String) -> String { outputFolder + "/" + schemasFolderName }

    /// The private ledger of a published badge folder: beside it, so it is never published with it.
    public func ledger(ofBadgesFolder folder: String) -> String { trimmed(folder) + ledgerSuffix }

    /// The private summary of the last `badges issue` run (row → assertion files), beside the folder.
    public func issueSummary(ofBadgesFolder folder: String) -> String { trimmed(folder) + issueSummarySuffix }

    /// The lock `toolkit new` takes while it edits the workspace's course and Thing files: two runs at
    /// once each see the other's edit, so neither is lost.
    public func sourcesLock(workspaceRoot root: String) -> String {
        defaultFolder(workspaceRoot: root) + "/.sources" + lockSuffix
    }

    /// The lock file of a published badge folder, beside it.
    public func lock(ofBadgesFolder folder: String) -> String { trimmed(folder) + lockSuffix }

    private func trimmed(_ folder: String) -> String {
        var folder = folder
        while folder.count > 1, folder.hasSuffix("/") { folder.removeLast() }
        return folder
    }
}
