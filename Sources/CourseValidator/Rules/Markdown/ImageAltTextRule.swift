import CourseModel

/// Images in Markdown have alternative text.
public struct ImageAltTextRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "image-alt-text", name: "Image alt text",
        summary:
            "Every image in a Thing's Markdown has alternative text (`![what it shows](file.png)`), for screen-reader users.",
        triggeringExamples: [.replacing("Intro text.", with: "Intro text. ↓![](https://example.org/chart.png)")],
        nonTriggeringExamples: [.replacing("Intro text.", with: "Intro text. ![A bar chart](https://example.org/chart.png)")])

    /// Checks every image.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        context.markdown(of: thing).linksAndImages.filter {
            $0.kind == .image && ($0.plainText ?? "").allSatisfy(\.isWhitespace)
        }.map { node in
            finding(
                "image `\(node.url ?? "")` has no alternative text", at: context.location(of: node, in: thing),
                hint: "describe what the image shows between the brackets: `![description](…)`")
        }
    }
}
