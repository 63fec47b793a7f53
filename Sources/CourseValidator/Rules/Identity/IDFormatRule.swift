import CourseModel
import Foundation

/// Ids are lowercase kebab-case ASCII, so they are safe in file names, URLs and SCORM identifiers.
public struct IDFormatRule: ThingRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "id-format", name: "Id format",
        summary:
            "Ids of courses, Things, activities, resources, categories, collections, badges and the issuer use `a-z`, `0-9` and single hyphens.",
        triggeringExamples: [
            .replacing("id: thing-01", with: "id: ↓Thing 01"),
            .replacing("  - id: reflect", with: "  - id: ↓réflect").replacing(
                "evidenceFrom: reflect", with: "evidenceFrom: réflect"),
        ])

    /// Checks the ids of courses, collections, badges and the issuer.
    public func checkOutsideThings(_ context: ValidationContext) -> [Finding] {
        var defined: [(kind: String, id: String, location: SourceLocation)] = []
        for course in context.workspace.courses {
            defined.append(("course", course.id, course.fields["id"]))
            defined += course.collections.map { ("collection", $0.id, $0.fields["id"]) }
        }
        defined += context.workspace.badges.badges.map { ("badge", $0.id, $0.fields["id"]) }
        if let issuer = context.workspace.badges.issuer { defined.append(("issuer", issuer.id, issuer.fields["id"])) }
        return findings(defined)
    }

    /// Checks the ids a Thing defines: its own, its resources', its activities' and their categories'.
    public func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding] {
        var defined: [(kind: String, id: String, location: SourceLocation)] = [("Thing", thing.id, thing.fields["id"])]
        defined += thing.resources.map { ("resource", $0.id, $0.fields["id"]) }
        for activity in thing.activities {
            defined.append(("activity", activity.id, activity.fields["id"]))
            if case .classification(let classification) = activity.content {
                defined += classification.categories.map { ("category", $0.id, $0.fields["id"]) }
            }
        }
        return findings(defined)
    }

    private func findings(_ defined: [(kind: String, id: String, location: SourceLocation)]) -> [Finding] {
        defined.filter { !$0.id.isEmpty && !Identifier.isWellFormed($0.id) }.map {
            finding(
                "\($0.kind) id `\($0.id)` must use lowercase letters, digits and single hyphens", at: $0.location,
                hint: "try `\(Self.suggestion(for: $0.id))`")
        }
    }

    private static func suggestion(for id: String) -> String {
        let folded = id.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        let mapped = folded.unicodeScalars.map { ("a"..."z").contains($0) || ("0"..."9").contains($0) ? Character($0) : "-" }
        return String(mapped).split(separator: "-").joined(separator: "-")
    }
}
