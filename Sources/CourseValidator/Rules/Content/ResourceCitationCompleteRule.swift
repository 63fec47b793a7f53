import CourseModel

/// A resource without a link can still be found from its citation.
public struct ResourceCitationCompleteRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "resource-citation-complete", name: "Resource citation complete",
        summary: "A resource with no `url` or `file` is a citation, so it names an author or publisher and a date.",
        severity: .warning,
        triggeringExamples: [
            .replacing("    url: https://example.org/guide\n", with: "").replacing("    date: \"2020\"\n", with: "")
                .replacing("  - id: guide", with: "  - ↓id: guide")
        ],
        nonTriggeringExamples: [.unchanged, .replacing("    url: https://example.org/guide\n", with: "")])

    /// Checks every resource.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.resources.compactMap { resource -> Finding? in
                guard resource.url == nil, resource.file == nil else { return nil }
                var missing: [String] = []
                if resource.author == nil, resource.publisher == nil { missing.append("an `author` or `publisher`") }
                if resource.date == nil { missing.append("a `date`") }
                guard !missing.isEmpty else { return nil }
                return finding(
                    "resource `\(resource.id)` has no link, and its citation lacks \(missing.joined(separator: " and "))",
                    at: resource.fields.entity, hint: "a learner needs these to find “\(resource.title)”")
            }
        }
    }
}
