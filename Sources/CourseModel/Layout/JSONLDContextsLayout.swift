/// Where the pinned JSON-LD contexts Open Badges 3.0 Data Integrity proofs need are read from, in
/// order: the folder `--contexts` names, the `openbadges/v3` folder of the schemas folder
/// `COURSE_TOOLKIT_SCHEMAS` names, and the folder `toolkit badges contexts install` fills in the
/// user's data folder (`$XDG_DATA_HOME/course-toolkit/contexts`). Files are recognised by the SHA-256
/// the toolkit pins, whatever they are called; a context is fetched only by `contexts install`, and
/// never looked for beside the workspace or the repository, where a user has no such folder.
public struct JSONLDContextsLayout: Sendable, Hashable {
    /// The file name of each context, by the URL credentials name it by.
    public var fileNames: [String: String] = [
        "https://www.w3.org/ns/credentials/v2": "credentials-v2.json",
        "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": "context-3.0.3.json",
        "https://w3id.org/security/data-integrity/v2": "data-integrity-v2.json",
        "https://w3id.org/security/multikey/v1": "multikey-v1.json",
    ]
    /// The environment variable naming a schemas folder (as the tests use it); the contexts are in its
    /// `openbadges/v3` folder.
    public var schemasVariable = "COURSE_TOOLKIT_SCHEMAS"
    /// The contexts' folder inside a schemas folder.
    public var contextsInSchemas = "openbadges/v3"

    /// The standard layout.
    public static let standard = JSONLDContextsLayout()

    /// Creates the standard layout.
    public init() {}

    /// The folder contexts are installed into, inside the user's data folder.
    public var installedFolderName = "course-toolkit/contexts"

    /// `$XDG_DATA_HOME/course-toolkit/contexts`, or `~/.local/share/course-toolkit/contexts` when the
    /// variable is unset (the XDG default); nil when neither it nor `HOME` is set.
    public func installedFolder(environment: [String: String]) -> String? {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/" + installedFolderName }
        guard let home = environment["HOME"], home.hasPrefix("/") else { return nil }
        return home + "/.local/share/" + installedFolderName
    }

    /// The folders to look for the contexts in, in order: `explicit` alone when given; otherwise the
    /// schemas folder the environment names, then the installed folder.
    public func candidateFolders(explicit: String?, environment: [String: String]) -> [String] {
        if let explicit { return [explicit] }
        var folders: [String] = []
        if let schemas = environment[schemasVariable], !schemas.isEmpty { folders.append(schemas + "/" + contextsInSchemas) }
        if let installed = installedFolder(environment: environment) { folders.append(installed) }
        return folders
    }

    /// The path of the context published at `url` in `folder`, if it is one the layout knows.
    public func file(of url: String, in folder: String) -> String? { fileNames[url].map { folder + "/" + $0 } }
}
