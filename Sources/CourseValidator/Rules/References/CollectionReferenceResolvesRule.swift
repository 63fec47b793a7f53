import CourseModel

/// `countsTowards` names collections of the course, and collections name Things of the course.
public struct CollectionReferenceResolvesRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "collection-reference-resolves", name: "Collection reference resolves",
        summary:
            "Each `countsTowards` entry names a collection of the Thing's course, and each collection member names a Thing of it.",
        triggeringExamples: [
            .replacing("countsTowards: [basics]", with: "countsTowards: [↓basic]"),
            .replacing("    things: [thing-01, thing-02]", with: "    things: [thing-01, ↓thing-03]", in: RuleFixture.course)
                .replacing("countsTowards: [basics]", with: "countsTowards: []", in: RuleFixture.secondThing),
        ])

    /// Checks both directions of reference.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            let collectionIDs = course.collections.map(\.id)
            let thingIDs = course.things.map(\.id)
            for thing in course.things {
                for reference in thing.countsTowards where course.collection(id: reference.id) == nil {
                    findings.append(
                        finding(
                            "Thing `\(thing.id)` counts towards `\(reference.id)`, which is not a collection of course `\(course.id)`",
                            at: reference.location,
                            hint: NameSuggestion.hint(for: reference.id, in: collectionIDs)
                                ?? "collections: \(collectionIDs.joined(separator: ", "))"))
                }
            }
            for collection in course.collections {
                for member in collection.members
                where course.thing(id: member.id) == nil && !context.hasUnloadedThing(id: member.id, in: course) {
                    findings.append(
                        finding(
                            "collection `\(collection.id)` lists `\(member.id)`, which is not a Thing of the course",
                            at: member.location, hint: NameSuggestion.hint(for: member.id, in: thingIDs)))
                }
            }
        }
        return findings
    }
}
