/// The kinds of package the toolkit builds.
public enum PackageFormat: String, Sendable, CaseIterable {
    /// SCORM 1.2 (IMS CP 1.1.2 + ADLCP 1.2): the widest LMS support.
    case scorm12
    /// SCORM 2004 4th Edition (IMS CP 1.1 + ADLCP 1.3, sequencing and navigation).
    case scorm2004
    /// cmi5 (the xAPI profile for LMS-launched content): `cmi5.xml` and one assignable unit per Thing.
    case cmi5
    /// IMS Common Cartridge 1.1: each Thing as a page that stands alone (no script, no theme files),
    /// for course import into Moodle, Canvas, Blackboard or Sakai.
    case commonCartridge = "cc"
    /// A plain offline website; progress kept in the browser.
    case html

    /// The suffix of the output's name: `scorm12`, `scorm2004`, `cmi5`, `cc11`, `html`.
    public var suffix: String {
        switch self {
        case .commonCartridge: "cc11"
        default: rawValue
        }
    }

    /// Whether the output is a SCORM zip (with `imsmanifest.xml` and the SCORM run-time API).
    public var isSCORM: Bool { self == .scorm12 || self == .scorm2004 }

    /// Whether the output is a zip for an LMS (every format but the HTML site).
    public var isArchive: Bool { self != .html }

    /// Whether the pages carry the theme's scripts and stylesheet (a cartridge's pages stand alone).
    public var carriesTheme: Bool { self != .commonCartridge }

    /// How people name the format: `SCORM 1.2`, `SCORM 2004`, `cmi5`, `Common Cartridge 1.1`, `HTML`.
    public var displayName: String {
        switch self {
        case .scorm12: "SCORM 1.2"
        case .scorm2004: "SCORM 2004"
        case .cmi5: "cmi5"
        case .commonCartridge: "Common Cartridge 1.1"
        case .html: "HTML"
        }
    }

    /// The page script's run-time name.
    var runtimeName: String {
        switch self {
        case .html, .commonCartridge: "local"
        default: rawValue
        }
    }

    /// The run-time's `cmi.suspend_data` limit in characters, if any (the cmi5 State API has none).
    public var suspendDataLimit: Int? {
        switch self {
        case .scorm12: 4096
        case .scorm2004: 64000
        case .cmi5, .commonCartridge, .html: nil
        }
    }
}
