import CourseModel

/// A published Thing's links lead to published Things: a draft is left out of packages, so learners
/// would see its name without a link.
public struct ThingLinkToDraftRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "thing-link-to-draft", name: "Thing link to a draft",
        summary:
            "A published Thing's link to another Thing leads to a published one; a link to a draft shows learners its name marked \"coming soon\" until it is published.",
        severity: .warning,
        triggeringExamples: [
            .replacing("[link to the next Thing](thing-02.md)", with: "↓[link to the next Thing](thing-02.md)")
                .replacing("status: published", with: "status: draft", in: RuleFixture.secondThing)
        ],
        nonTriggeringExamples: [.unchanged])

    /// Checks every link of every published Thing.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        guard thing.status == .published else { return [] }
        return context.markdown(of: thing).linksAndImages.compactMap { node -> Finding? in
            guard node.kind == .link, let url = node.url, let link = ThingLink(url, from: thing, in: course),
                let id = link.target, let target = course.thing(id: id), target.status != .published
            else { return nil }
            return finding(
                "links to \(target.label), a draft: learners see its name marked “coming soon” instead of a link",
                at: context.location(of: node, in: thing),
                hint: "publish \(target.label) first, or remove the link for now")
        }
    }
}
