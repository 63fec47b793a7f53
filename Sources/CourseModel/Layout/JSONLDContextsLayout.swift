/// Where the pinned JSON-LD contexts Open Badges 3.0 Data Integrity proofs need are read from: a
/// folder holding each context under its published file name (the shared schemas folder of this
/// project, or the `contexts` folder of the `openbadgeslib` package). The toolkit checks each file
/// against the SHA-256 it pins and never fetches a context.
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
    /// The shared schemas folder, relative to the workspace root, used when nothing else is named.
    public var sharedSchemas = "../shared/schemas"

    /// The standard layout.
    public static let standard = JSONLDContextsLayout()

    /// Creates the standard layout.
    public init() {}

    /// The contexts folder: `explicit` if given, else under the schemas folder the environment names,
    /// else under the shared schemas folder beside the workspace.
    public func folder(explicit: String?, environment: [String: String], workspaceRoot: String) -> String {
        if let explicit { return explicit }
        if let schemas = environment[schemasVariable], !schemas.isEmpty { return schemas + "/" + contextsInSchemas }
        return WorkspaceLayout.absolute(sharedSchemas + "/" + contextsInSchemas, root: workspaceRoot)
    }

    /// The path of the context published at `url` in `folder`, if it is one the layout knows.
    public func file(of url: String, in folder: String) -> String? { fileNames[url].map { folder + "/" + $0 } }
}
