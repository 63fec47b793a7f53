import CourseModel

/// Titles and names carry no characters that hide or reorder what a reader sees.
public struct HiddenCharactersRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "hidden-characters", name: "Hidden characters",
        summary:
            "Titles of courses, Things, activities and collections, and the names of badges and the issuer, hold no bidirectional overrides or zero-width characters, which make a name read differently from what it is (ids allow only `a-z`, `0-9` and `-` anyway).",
        triggeringExamples: [
            .replacing("title: First thing\n", with: "title: ↓First \u{202E}gniht\n"),
            .replacing("name: Demo – Thing 1", with: "name: ↓Demo – Thing\u{200B} 1", in: RuleFixture.firstBadge),
        ],
        nonTriggeringExamples: [.replacing("title: First thing\n", with: "title: Première chose – 1\n")])

    /// Characters that reorder text or take no width.
    static func isHidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x061C, 0x180E: true
        default: false
        }
    }

    /// Checks every title and name.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        func check(_ text: String, _ what: String, at location: SourceLocation) {
            guard let hidden = text.unicodeScalars.first(where: Self.isHidden) else { return }
            findings.append(
                finding(
                    "\(what) holds the invisible character U+\(String(hidden.value, radix: 16, uppercase: true)), which makes it read differently from what it is",
                    at: location, hint: "retype the text; your editor can show invisible characters"))
        }
        for course in context.workspace.courses {
            check(course.title, "the course title", at: course.fields["title"])
            for collection in course.collections {
                check(collection.title, "collection `\(collection.id)`'s title", at: collection.fields["title"])
            }
        }
        for (_, thing) in context.things {
            check(thing.title, "the title of \(thing.id)", at: thing.fields["title"])
            for activity in thing.activities {
                check(activity.title, "activity `\(activity.id)`'s title", at: activity.fields["title"])
            }
        }
        for badge in context.workspace.badges.badges {
            check(badge.name, "badge `\(badge.id)`'s name", at: badge.fields["name"])
            if let listing = badge.listingName {
                check(listing, "badge `\(badge.id)`'s listing name", at: badge.fields["listingName"])
            }
        }
        if let issuer = context.workspace.badges.issuer { check(issuer.name, "the issuer's name", at: issuer.fields["name"]) }
        return findings
    }
}
