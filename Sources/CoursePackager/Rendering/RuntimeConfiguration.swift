/// What the page script needs to know, embedded in each Thing page as JSON.
struct RuntimeConfiguration: Encodable, Sendable {
    /// One quiz question's answer key.
    struct Question: Encodable, Sendable {
        let id: String
        let correct: [Int]
    }

    /// One activity's configuration.
    struct Activity: Encodable, Sendable {
        let id: String
        let kind: String
        let title: String
        let required: Bool
        var categories: [String]? = nil
        var items: [String]? = nil
        var answers: [Int]? = nil
        var minWords: Int? = nil
        var evidenceFrom: String? = nil
        var questions: [Question]? = nil
        var passingScore: Double? = nil
        /// `after-passing`, `always` or `never`.
        var revealAnswers: String? = nil
        var revealAfterAttempts: Int? = nil
        var maxAttempts: Int? = nil
        /// A scenario's moments: for each, its choices as `[next moment index, points]` (none at an ending).
        var nodes: [[[Int]]]? = nil
        /// A scenario's moment ids, for the LMS's interaction ids.
        var nodeIds: [String]? = nil
        /// The most points a scenario path can earn.
        var bestPoints: Int? = nil
        /// A sequence's steps in the order the page first shows them (indexes into the right order).
        var shown: [Int]? = nil
        /// How many cards a reveal has, and whether each asks for a self-check.
        var cards: Int? = nil
        var selfCheck: Bool? = nil
    }

    let thingId: String
    let title: String
    /// `scorm12`, `scorm2004` or `local`.
    let runtime: String
    /// The localStorage key for this Thing.
    let storageKey: String
    /// The run-time's suspend data limit in characters, if any.
    let suspendDataLimit: Int?
    /// What a failed SCORM 1.2 attempt is reported as, when the LMS needs other than `failed`.
    let failedStatus12: String?
    let activities: [Activity]
    /// SCORM 2004: the other Things of the package by the address the page links them with, each with
    /// its organisation item, which the page asks the LMS to open (`adl.nav.request`).
    var navigableThings: [String: String]? = nil
}
