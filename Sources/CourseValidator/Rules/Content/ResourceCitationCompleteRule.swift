import CourseModel

/// A resource without a link can still be found from its citation.
public struct ResourceCitationCompleteRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "resource-citation-complete", name: "Resource citation complete",
        summary:
            "A resource with no `url` or `file` is a citation, so it names an author or a publisher for a learner to find it by.",
        severity: .warning,
        triggeringExamples: [
            .replacing("    url: https://example.org/guide\n", with: "").replacing("    publisher: Demo Organisation\n", with: "")
                .replacing("  - id: guide", with: "  - ↓id: guide")
        ],
        nonTriggeringExamples: [.unchanged, .replacing("    url: https://example.org/guide\n", with: "")])

    /// Checks every resource.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.resources.compactMap { resource -> Finding? in
                guard resource.url == nil, resource.file == nil else { return nil }
                guard resource.author == nil, resource.publisher == nil else { return nil }
                return finding(
                    "resource `\(resource.id)` has no link, and its citation names no `author` or `publisher`",
                    at: resource.fields.entity, hint: "a learner needs these to find “\(resource.title)”")
            }
        }
    }
}
