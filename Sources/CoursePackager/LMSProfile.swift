/// What a particular LMS accepts and how it records a SCORM package, from its documentation and
/// from field reports: `toolkit package --lms NAME` builds for it and checks what it would refuse.
/// `generic`, the default, is the strictest subset common to all of them.
public struct LMSProfile: Sendable, Hashable, CustomStringConvertible {
    /// The name given to `--lms`.
    public let id: String
    /// The LMS's name, for messages.
    public let name: String
    /// The SCORM versions it imports.
    public let formats: [PackageFormat]
    /// The upload limit it has by default, in bytes, when one is known.
    public let uploadLimit: Int?
    /// What a failed SCORM 1.2 attempt is reported as (`failed`, or `incomplete` where the LMS never
    /// lets a failed attempt be passed later).
    public let failedStatus12: String
    /// What the profile knows, and where it comes from.
    public let notes: String

    /// `id`.
    public var description: String { id }

    /// The strictest subset common to every profile: SCORM 1.2 or 2004, 250 MB.
    public static let generic = LMSProfile(
        id: "generic", name: "any LMS", formats: [.scorm12, .scorm2004, .html], uploadLimit: 250 * 1024 * 1024,
        failedStatus12: "failed", notes: "the strictest common subset of the profiles below")

    /// Every profile, `generic` first.
    public static let all: [LMSProfile] = [
        generic,
        LMSProfile(
            id: "moodle", name: "Moodle", formats: [.scorm12, .scorm2004], uploadLimit: nil, failedStatus12: "failed",
            notes:
                "4.5's SCORM 2004 run-time refuses identifiers outside [A-Za-z0-9_.] and responses with line breaks (mod/scorm/datamodels/scorm_13.js); the upload limit is the site's"
        ),
        LMSProfile(
            id: "canvas", name: "Canvas", formats: [.scorm12, .scorm2004], uploadLimit: 500 * 1024 * 1024,
            failedStatus12: "failed", notes: "SCORM through its SCORM app; hosted instances limit packages to 500 MB"),
        LMSProfile(
            id: "blackboard", name: "Blackboard", formats: [.scorm12, .scorm2004], uploadLimit: 250 * 1024 * 1024,
            failedStatus12: "failed", notes: "the SCORM engine's default upload limit is 250 MB"),
        LMSProfile(
            id: "brightspace", name: "Brightspace", formats: [.scorm12, .scorm2004], uploadLimit: 250 * 1024 * 1024,
            failedStatus12: "failed",
            notes:
                "the legacy player records a 1.2 grade only when score.raw is set, score.max > 0 and LMSFinish is called: the toolkit always sends all three for a scored Thing"
        ),
        LMSProfile(
            id: "cornerstone", name: "Cornerstone", formats: [.scorm12, .scorm2004], uploadLimit: 250 * 1024 * 1024,
            failedStatus12: "incomplete",
            notes:
                "keeps a failed 1.2 course In Progress for ever, so a failed attempt is reported as incomplete until it is passed"
        ),
        LMSProfile(
            id: "talentlms", name: "TalentLMS", formats: [.scorm12], uploadLimit: 250 * 1024 * 1024,
            failedStatus12: "failed", notes: "imports SCORM 1.2 only"),
    ]

    /// The profile with this id.
    public static func named(_ id: String) -> LMSProfile? { all.first { $0.id == id } }

    /// Why this LMS cannot take a package in `format`, or nil when it can.
    public func refusal(of format: PackageFormat) -> String? {
        guard format.isSCORM, !formats.contains(format) else { return nil }
        return
            "\(name) imports \(formats.filter(\.isSCORM).map(\.displayName).joined(separator: " and ")) only, not \(format.displayName)"
    }

    /// A warning when a package of `size` bytes exceeds this LMS's default upload limit.
    public func sizeWarning(_ size: Int) -> String? {
        guard let limit = uploadLimit, size > limit else { return nil }
        return
            "the package is \(size / 1024 / 1024) MB; \(name) accepts at most \(limit / 1024 / 1024) MB by default: package Things one at a time with --thing"
    }
}
