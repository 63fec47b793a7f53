import CourseModel

/// The badge issuer can be reached.
public struct IssuerContactRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "issuer-contact", name: "Issuer contact",
        summary: "`Badges/issuer.yaml` exists, has a `url` and a well-formed `email`, and courses name its id as `issuer`.",
        triggeringExamples: [
            .replacing("email: badges@demo-issuer.org", with: "email: ↓badges.demo-issuer.org", in: RuleFixture.issuer),
            .replacing("url: https://www.demo-issuer.org\n", with: "", in: RuleFixture.issuer)
                .replacing("id: demo-issuer", with: "↓id: demo-issuer", in: RuleFixture.issuer),
            .replacing("issuer: demo-issuer", with: "issuer: ↓demo", in: RuleFixture.course),
            RuleExample.removing(RuleFixture.issuer).expecting(RuleFixture.issuer),
        ])

    /// Checks the issuer and the courses' references to it.
    public func check(_ context: ValidationContext) -> [Finding] {
        guard let issuer = context.workspace.badges.issuer else {
            guard !context.workspace.courses.isEmpty else { return [] }
            return [
                finding(
                    "there is no issuer profile", at: SourceLocation(file: context.layout.issuerFile),
                    hint: "add \(context.layout.issuerFile) with id, name, url, email and description")
            ]
        }
        var findings: [Finding] = []
        if issuer.url == nil {
            findings.append(
                finding("the issuer has no `url`", at: issuer.fields.entity, hint: "add the organisation's https home page"))
        }
        if let email = issuer.email {
            if !Self.isEmail(email) {
                findings.append(finding("`\(email)` is not an email address", at: issuer.fields["email"]))
            }
        } else {
            findings.append(
                finding("the issuer has no `email`", at: issuer.fields.entity, hint: "badge platforms require a contact email"))
        }
        for course in context.workspace.courses {
            if let reference = course.issuer, reference.id != issuer.id {
                findings.append(
                    finding(
                        "course `\(course.id)` names issuer `\(reference.id)`, but \(context.layout.issuerFile) is `\(issuer.id)`",
                        at: reference.location, hint: "did you mean `\(issuer.id)`?"))
            }
        }
        return findings
    }

    private static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !text.contains(where: \.isWhitespace)
    }
}
