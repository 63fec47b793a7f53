import CourseModel

/// The course language is a BCP 47 tag.
public struct LanguageTagRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "language-tag", name: "Language tag",
        summary: "A course's `language` is a BCP 47 tag such as `en` or `en-GB`, as HTML `lang` and SCORM metadata need.",
        triggeringExamples: [.replacing("language: en-GB", with: "language: ↓English", in: RuleFixture.course)])

    /// Whether `tag` looks like a language tag: 2–3 letters, then subtags of 2–8 letters or digits.
    static func isValid(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let language = parts.first, (2...3).contains(language.count),
            language.allSatisfy({ $0.isASCII && $0.isLowercase })
        else { return false }
        return parts.dropFirst().allSatisfy { part in
            (1...8).contains(part.count) && part.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }

    /// Checks every course.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.workspace.courses.filter { !Self.isValid($0.language) }.map { course in
            finding(
                "`\(course.language)` is not a BCP 47 language tag", at: course.fields["language"],
                hint: "use a tag such as `en-GB`")
        }
    }
}
