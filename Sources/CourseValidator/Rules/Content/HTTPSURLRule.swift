import CourseModel
import Foundation
import ToolkitSupport

/// External URLs are well-formed https URLs.
public struct HTTPSURLRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "https-url", name: "HTTPS URL",
        summary:
            "URLs in course and badge files (resources, licence, issuer, application form, alignments, Markdown links) are well-formed `https://` URLs.",
        triggeringExamples: [
            .replacing("url: https://example.org/guide", with: "url: ↓http://example.org/guide"),
            .replacing("url: https://www.demo-issuer.org\n", with: "url: ↓https://demo issuer.org\n", in: RuleFixture.issuer),
            .replacing("Body text with", with: "See ↓[the site](http://example.org). Body text with"),
        ])

    /// Whether `text` is an https URL with a host and no spaces.
    static func isWellFormed(_ text: String) -> Bool {
        guard !text.contains(where: \.isWhitespace), let components = URLComponents(string: text),
            components.scheme == "https", let host = components.host, host.contains(literal: ".") || host == "localhost"
        else { return false }
        return true
    }

    /// Checks the URL fields of courses, the issuer and badges.
    public func checkOutsideThings(_ context: ValidationContext) -> [Finding] {
        var urls: [(url: String, location: SourceLocation)] = []
        for course in context.workspace.courses {
            if let licence = course.licence, let url = licence.url { urls.append((url, licence.fields["url"])) }
        }
        let badges = context.workspace.badges
        if let issuer = badges.issuer, let url = issuer.url { urls.append((url, issuer.fields["url"])) }
        for badge in badges.badges {
            if let url = badge.url { urls.append((url, badge.fields["url"])) }
            urls += badge.alignments.compactMap { alignment in alignment.targetURL.map { ($0, alignment.fields["targetUrl"]) } }
        }
        return findings(urls)
    }

    /// Checks a Thing's resource and application-form URLs and every external link of its body.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        var urls: [(url: String, location: SourceLocation)] = []
        urls += thing.resources.compactMap { resource in resource.url.map { ($0, resource.fields["url"]) } }
        for activity in thing.activities {
            if case .evidence(let evidence) = activity.content, let form = evidence.applicationFormURL {
                urls.append((form, activity.fields["applicationForm"]))
            }
        }
        for node in context.markdown(of: thing).linksAndImages {
            guard let url = node.url, url.contains(literal: ":"), !url.hasPrefix("mailto:"), !url.hasPrefix("thing:") else {
                continue
            }
            urls.append((url, context.location(of: node, in: thing)))
        }
        return findings(urls)
    }

    private func findings(_ urls: [(url: String, location: SourceLocation)]) -> [Finding] {
        urls.filter { !Self.isWellFormed($0.url) }.map { url, location in
            let hint = url.hasPrefix("http://") ? "use `https://`; learners' browsers and LMSs block mixed content" : nil
            return finding("`\(url)` is not a well-formed https URL", at: location, hint: hint)
        }
    }
}
