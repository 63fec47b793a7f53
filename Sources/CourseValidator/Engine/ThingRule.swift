import CourseModel

/// A rule that checks one Thing at a time. Its findings for a Thing may depend on that Thing's file
/// and on the workspace's outline (`ValidationContext.outline`: the course files, every Thing's id,
/// file, number, title, status, badge and collections, the issuer file, the badges' ids, and what
/// could not be loaded), and on nothing else: a preview keeps the findings of every Thing whose file
/// and outline are unchanged, so an edit to one Thing re-checks that Thing, not the workspace.
/// A rule that needs more (another Thing's body, a media file) is a plain `Rule`.
public protocol ThingRule: Rule {
    /// The findings for `thing` of `course`.
    func check(_ thing: Thing, in course: Course, _ context: ValidationContext) -> [Finding]
    /// The findings outside Things (course, issuer and badge files); none by default.
    func checkOutsideThings(_ context: ValidationContext) -> [Finding]
}

extension ThingRule {
    /// No findings outside Things.
    public func checkOutsideThings(_ context: ValidationContext) -> [Finding] { [] }

    /// The findings outside Things, then each Thing's, kept or worked out afresh.
    public func check(_ context: ValidationContext) -> [Finding] {
        checkOutsideThings(context)
            + context.memory.findings(rule: Self.description.id, things: context.things, keyed: context.thingKeys) {
                check($1, in: $0, context)
            }
    }
}
