import ToolkitSupport

/// What the page script needs to know, embedded in each Thing page as JSON.
struct RuntimeConfiguration: Sendable {
    /// One quiz question's answer key.
    struct Question: Sendable {
        let id: String
        let correct: [Int]
    }

    /// One activity's configuration.
    struct Activity: Sendable {
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

extension RuntimeConfiguration {
    /// The configuration as JSON, members named as the page script reads them; an absent value is no member.
    var json: JSONValue {
        var members: [String: JSONValue] = [
            "thingId": .string(thingId), "title": .string(title), "runtime": .string(runtime),
            "storageKey": .string(storageKey), "activities": .array(activities.map(\.json)),
        ]
        members["suspendDataLimit"] = suspendDataLimit.map { .number(Double($0)) }
        members["failedStatus12"] = failedStatus12.map(JSONValue.string)
        members["navigableThings"] = navigableThings.map { .object($0.mapValues(JSONValue.string)) }
        return .object(members)
    }
}

extension RuntimeConfiguration.Activity {
    /// The activity as JSON.
    var json: JSONValue {
        func numbers(_ values: [Int]) -> JSONValue { .array(values.map { .number(Double($0)) }) }
        var members: [String: JSONValue] = [
            "id": .string(id), "kind": .string(kind), "title": .string(title), "required": .bool(required),
        ]
        members["categories"] = categories.map { .array($0.map(JSONValue.string)) }
        members["items"] = items.map { .array($0.map(JSONValue.string)) }
        members["answers"] = answers.map(numbers)
        members["minWords"] = minWords.map { .number(Double($0)) }
        members["evidenceFrom"] = evidenceFrom.map(JSONValue.string)
        members["questions"] = questions.map { questions in
            .array(questions.map { .object(["id": .string($0.id), "correct": numbers($0.correct)]) })
        }
        members["passingScore"] = passingScore.map(JSONValue.number)
        members["revealAnswers"] = revealAnswers.map(JSONValue.string)
        members["revealAfterAttempts"] = revealAfterAttempts.map { .number(Double($0)) }
        members["maxAttempts"] = maxAttempts.map { .number(Double($0)) }
        members["nodes"] = nodes.map { moments in .array(moments.map { .array($0.map(numbers)) }) }
        members["nodeIds"] = nodeIds.map { .array($0.map(JSONValue.string)) }
        members["bestPoints"] = bestPoints.map { .number(Double($0)) }
        members["shown"] = shown.map(numbers)
        members["cards"] = cards.map { .number(Double($0)) }
        members["selfCheck"] = selfCheck.map(JSONValue.bool)
        return .object(members)
    }
}
