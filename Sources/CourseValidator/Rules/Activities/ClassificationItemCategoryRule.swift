import CourseModel

/// Each classification item belongs to a declared category.
public struct ClassificationItemCategoryRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "classification-item-category", name: "Classification item category",
        summary: "Each item of a classification names one of the activity's declared categories.",
        triggeringExamples: [.replacing("category: right", with: "category: ↓rigth")])

    /// Checks every item.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.activities.flatMap { activity -> [Finding] in
                guard case .classification(let classification) = activity.content,
                    !context.wasRefused(activity.fields.values["categories"])
                else { return [] }
                let ids = classification.categories.map(\.id)
                return classification.items.filter { !ids.contains($0.category.id) }.map { item in
                    finding(
                        "item “\(item.text)” is sorted into `\(item.category.id)`, which is not a category of `\(activity.id)`",
                        at: item.category.location,
                        hint: NameSuggestion.hint(for: item.category.id, in: ids) ?? "categories: \(ids.joined(separator: ", "))")
                }
            }
        }
    }
}
