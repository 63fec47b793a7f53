import CourseModel
import CourseXML
import Foundation

/// Writes `cmi5.xml`, the cmi5 course structure: the course, then one assignable unit (AU) per packaged
/// Thing, as a flat list in course order.
///
/// Flat rather than one block per collection: a Thing may count towards several collections, and a
/// cmi5 block is a tree (an AU sits in exactly one block), so blocks could not say what the course
/// says; collections are awarded as badges, outside the LMS's sequencing.
struct CourseStructureBuilder {
    /// The cmi5 course structure namespace (also the XSD's name).
    static let namespace = XMLNamespace(prefix: nil, uri: "https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd")

    let course: Course
    let things: [Thing]
    /// Where the AU pages are in the package.
    let layout: PackageLayout
    /// The IRI the course's publisher ids start with.
    let publisherIRI: String

    /// The default publisher IRI of a course: a URN of the toolkit, stable for the course id.
    static func defaultPublisherIRI(course: Course) -> String { "urn:course-toolkit:course:\(course.id)" }

    /// The publisher id of the AU of `thing`.
    func auID(_ thing: Thing) -> String { publisherIRI + (publisherIRI.hasPrefix("urn:") ? ":" : "/") + thing.id }

    /// When the LMS counts an AU as done: a Thing with a required quiz completes only once the quiz
    /// is passed, so both are asked for; otherwise completion alone.
    static func moveOn(_ thing: Thing) -> String {
        let requiredQuiz = thing.activities.contains { activity in
            if case .quiz = activity.content { return activity.isRequired }
            return false
        }
        return requiredQuiz ? "CompletedAndPassed" : "Completed"
    }

    /// The mastery score (0…1, at most 4 decimals), by the same rule as SCORM's: the pass mark of the
    /// Thing's only quiz, and none with several.
    static func masteryScore(_ thing: Thing) -> String? {
        thing.passMark.map { "\(($0 * 10_000).rounded() / 10_000)" }
    }

    /// The course structure element.
    func courseStructure() -> XMLElementNode {
        let ns = Self.namespace
        func text(_ name: String, _ value: String) -> XMLChild {
            .element(
                XMLElementNode(
                    name, namespace: ns,
                    children: [
                        .element(
                            XMLElementNode(
                                "langstring", namespace: ns, attributes: [XMLAttribute("lang", course.language)], text: value))
                    ]))
        }
        let courseElement = XMLElementNode(
            "course", namespace: ns, attributes: [XMLAttribute("id", publisherIRI)],
            children: [
                text("title", course.title), text("description", course.description.isEmpty ? course.title : course.description),
            ])
        let units = things.map { thing -> XMLChild in
            var attributes = [XMLAttribute("id", auID(thing)), XMLAttribute("moveOn", Self.moveOn(thing))]
            if let mastery = Self.masteryScore(thing) { attributes.append(XMLAttribute("masteryScore", mastery)) }
            attributes.append(XMLAttribute("launchMethod", "AnyWindow"))
            return .element(
                XMLElementNode(
                    "au", namespace: ns, attributes: attributes,
                    children: [
                        text("title", thing.label),
                        text("description", thing.aim.isEmpty ? thing.label : thing.aim),
                        .element(XMLElementNode("url", namespace: ns, text: layout.thingPage(id: thing.id))),
                    ]))
        }
        return XMLElementNode("courseStructure", namespace: ns, declaring: [ns], children: [.element(courseElement)] + units)
    }

    /// Problems the XSD does not catch: an AU whose page is not in the package, duplicate ids, an
    /// absolute or escaping URL.
    static func check(_ structure: XMLElementNode, packageFiles: Set<String>) -> [String] {
        var problems: [String] = []
        var ids = Set<String>()
        for case .element(let au) in structure.children where au.name == "au" {
            let id = au.attributes.first { $0.name == "id" }?.value ?? ""
            if !ids.insert(id).inserted { problems.append("cmi5.xml: the AU id \(id) is used twice") }
            for case .element(let url) in au.children where url.name == "url" {
                for case .text(let href) in url.children {
                    if href.contains("://") || href.hasPrefix("/") || href.split(separator: "/").contains("..") {
                        problems.append("cmi5.xml: the AU url \(href) is not relative to the package")
                    } else if !packageFiles.contains(href) {
                        problems.append("cmi5.xml: the AU url \(href) is not a file of the package")
                    }
                }
            }
        }
        return problems
    }
}
