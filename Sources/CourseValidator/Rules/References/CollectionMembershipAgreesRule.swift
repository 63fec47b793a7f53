import CourseModel

/// A collection's member list and its Things' `countsTowards` say the same.
public struct CollectionMembershipAgreesRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "collection-membership-agrees", name: "Collection membership agrees",
        summary: "A Thing counts towards a collection exactly when the collection lists it as a member.",
        triggeringExamples: [
            .replacing("countsTowards: [basics]", with: "↓countsTowards: []", in: RuleFixture.secondThing),
            .replacing("    things: [thing-01, thing-02]", with: "    things: [thing-01]", in: RuleFixture.course)
                .replacing("countsTowards: [basics]", with: "countsTowards: [↓basics]", in: RuleFixture.secondThing),
        ])

    /// Checks both directions.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for course in context.workspace.courses {
            // Each Thing's `countsTowards`, gathered by collection once (not once per collection).
            var countedTowards: [String: [(thing: Thing, reference: Reference)]] = [:]
            for thing in course.things {
                for reference in thing.countsTowards { countedTowards[reference.id, default: []].append((thing, reference)) }
            }
            for collection in course.collections {
                // A member named by its file while the Thing's own id is malformed (id-format) is that Thing.
                let members = Set(
                    collection.members.map { member in
                        course.thing(id: member.id) != nil
                            ? member.id : context.thingWithMalformedID(writtenAs: member.id, in: course)?.id ?? member.id
                    })
                for member in collection.members {
                    guard
                        let thing = course.thing(id: member.id)
                            ?? context.thingWithMalformedID(writtenAs: member.id, in: course)
                    else { continue }
                    // A `countsTowards` entry naming no collection (a misspelling), or a file whose
                    // `countsTowards` was not read because of a loader error (a misspelt key), has its
                    // own finding; the disagreement is its consequence.
                    let misspelt = thing.countsTowards.contains { course.collection(id: $0.id) == nil }
                    let unread = thing.fields.keys["countsTowards"] == nil && context.hasRefusals(inFile: thing.file)
                    if !thing.countsTowards.contains(where: { $0.id == collection.id }), !misspelt, !unread {
                        findings.append(
                            finding(
                                "collection `\(collection.id)` lists `\(thing.id)`, but the Thing does not count towards it",
                                at: thing.fields.keys["countsTowards"] ?? thing.fields["id"],
                                hint:
                                    "add `\(collection.id)` to `countsTowards` in \(thing.file), or remove `\(thing.id)` from the collection"
                            ))
                    }
                }
                for (thing, reference) in countedTowards[collection.id] ?? [] where !members.contains(thing.id) {
                    findings.append(
                        finding(
                            "Thing `\(thing.id)` counts towards `\(collection.id)`, but the collection does not list it",
                            at: reference.location,
                            hint:
                                "add `\(thing.id)` to the collection's `things:` in \(context.layout.courseFile(inCourseFolder: course.folder))"
                        ))
                }
            }
        }
        return findings
    }
}
