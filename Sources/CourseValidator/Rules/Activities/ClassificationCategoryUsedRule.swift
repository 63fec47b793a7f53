import CourseModel

/// Every category of a classification has at least one item.
public struct ClassificationCategoryUsedRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "classification-category-used", name: "Classification category used",
        summary: "A classification has at least two categories, and each has at least one item.",
        triggeringExamples: [
            .replacing(
                "  - id: right\n        label: Right\n",
                with: "  - id: right\n        label: Right\n      - id: ↓both\n        label: Both\n")
        ])

    /// Checks every classification.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.activities.flatMap { activity -> [Finding] in
                guard case .classification(let classification) = activity.content else { return [] }
                var findings: [Finding] = []
                if classification.categories.count < 2, activity.fields.values["categories"] != nil {
                    findings.append(
                        finding(
                            "classification `\(activity.id)` needs at least two categories", at: activity.fields["categories"]))
                }
                let used = Set(classification.items.map(\.category.id))
                // An item sorted into a category that does not exist is probably meant for the unused
                // one; its own finding (classification-item-category) says so.
                let known = Set(classification.categories.map(\.id))
                guard used.isSubset(of: known) else { return findings }
                for category in classification.categories where !used.contains(category.id) {
                    findings.append(
                        finding(
                            "category `\(category.id)` of `\(activity.id)` has no item", at: category.fields["id"],
                            hint: "add an item sorted into `\(category.id)`, or remove the category"))
                }
                return findings
            }
        }
    }
}
