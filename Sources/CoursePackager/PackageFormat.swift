/// The kinds of package the toolkit builds.
public enum PackageFormat: String, Sendable, CaseIterable {
    /// SCORM 1.2 (IMS CP 1.1.2 + ADLCP 1.2): the widest LMS support.
    case scorm12
    /// SCORM 2004 4th Edition (IMS CP 1.1 + ADLCP 1.3, sequencing and navigation).
    case scorm2004
    /// A plain offline website; progress kept in the browser.
    case html

    /// The suffix of the output's name: `scorm12`, `scorm2004`, `html`.
    public var suffix: String { rawValue }

    /// Whether the output is a zip for an LMS.
    public var isSCORM: Bool { self != .html }

    /// How people name the format: `SCORM 1.2`, `SCORM 2004`, `HTML`.
    public var displayName: String {
        switch self {
        case .scorm12: "SCORM 1.2"
        case .scorm2004: "SCORM 2004"
        case .html: "HTML"
        }
    }

    /// The page script's run-time name.
    var runtimeName: String { self == .html ? "local" : rawValue }

    /// The run-time's `cmi.suspend_data` limit in characters.
    public var suspendDataLimit: Int? {
        switch self {
        case .scorm12: 4096
        case .scorm2004: 64000
        case .html: nil
        }
    }
}
