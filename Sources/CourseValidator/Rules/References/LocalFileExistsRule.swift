import CourseModel

/// A resource's local `file` exists inside the course folder.
public struct LocalFileExistsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "local-file-exists", name: "Local file exists",
        summary: "A resource's `file` is a relative path to a file inside the course folder.",
        triggeringExamples: [
            .replacing("    url: https://example.org/guide", with: "    file: ↓files/guide.pdf"),
            .replacing("    url: https://example.org/guide", with: "    file: ↓../../../etc/passwd"),
        ],
        nonTriggeringExamples: [
            .unchanged,
            RuleExample.replacing("    url: https://example.org/guide", with: "    file: files/guide.pdf")
                .writing("%PDF-1.4", to: RuleFixture.inFilesFolder("guide.pdf")),
        ])

    /// Checks every local file.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (course, thing) in context.things {
            for resource in thing.resources {
                guard let file = resource.file else { continue }
                let location = resource.fields["file"]
                if case .failure(let refusal) = context.files.resolve(file, under: course.folder) {
                    findings.append(finding("resource file: \(refusal.message)", at: location, hint: refusal.hint))
                }
            }
        }
        return findings
    }
}
