/// Where the pinned JSON-LD contexts Open Badges 3.0 Data Integrity proofs need are read from: a
/// folder holding each context under its published file name (named with `--contexts`, or the
/// `openbadges/v3` folder of the schemas folder `COURSE_TOOLKIT_SCHEMAS` names). The toolkit checks
/// each file against the SHA-256 it pins and never fetches a context; it never looks for them beside
/// the workspace or the repository, where a user has no such folder.
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

    /// The contexts folder: `explicit` if given, else under the schemas folder the environment names;
    /// nil when neither names one.
    public func folder(explicit: String?, environment: [String: String]) -> String? {
        if let explicit { return explicit }
        if let schemas = environment[schemasVariable], !schemas.isEmpty { return schemas + "/" + contextsInSchemas }
        return nil
    }

    /// The path of the context published at `url` in `folder`, if it is one the layout knows.
    public func file(of url: String, in folder: String) -> String? { fileNames[url].map { folder + "/" + $0 } }
}
