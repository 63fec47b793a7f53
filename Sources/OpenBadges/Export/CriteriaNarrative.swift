import CourseModel

/// Writes a BadgeClass's criteria narrative (Markdown) from what the Thing actually asks of the learner.
enum CriteriaNarrative {
    /// The narrative for a Thing badge.
    static func thing(_ thing: Thing, course: Course) -> String {
        var lines = [
            "Complete Thing \(thing.number) of \(course.title)" + (thing.title.isEmpty ? ":" : ", “\(thing.title)”:"), "",
        ]
        var step = 0
        for activity in thing.activities where activity.isRequired || isEvidence(activity) {
            step += 1
            lines.append("\(step). " + sentence(for: activity, in: thing))
        }
        if step == 0 { lines.append("1. Work through the Thing's content.") }
        if let evidence = thing.activities.compactMap({ activity -> EvidenceSubmission? in
            if case .evidence(let content) = activity.content { return content }
            return nil
        }).first {
            // What the course says, never a programme's figure written here.
            var route =
                "Evidence is assessed by the issuer"
                + (evidence.assessmentDays.map { "; assessment can take up to \($0) \($0 == 1 ? "day" : "days")." } ?? ".")
            if evidence.acceptsPortfolioLink {
                route =
                    "The statement is given on the badge application form, or as a link to the learner's own blog or ePortfolio. "
                    + route
            }
            lines += ["", route]
        }
        return lines.joined(separator: "\n")
    }

    /// The narrative for a collection badge, linking its members' badge classes.
    static func collection(_ collection: Collection, course: Course, memberBadges: [(label: String, url: String?)]) -> String {
        var lines = [
            "Awarded to someone who holds the badge of every Thing in the \(collection.title) collection of \(course.title):", "",
        ]
        for member in memberBadges {
            lines.append("- " + (member.url.map { "[\(member.label)](\($0))" } ?? "\(member.label) (badge not yet published)"))
        }
        lines += [
            "",
            "Open Badges 2.0 has no collection type, so this is an ordinary badge class; the issuer awards it when every member badge above has been earned, with those assertions as evidence.",
        ]
        return lines.joined(separator: "\n")
    }

    private static func isEvidence(_ activity: Activity) -> Bool {
        if case .evidence = activity.content { return true }
        return false
    }

    private static func sentence(for activity: Activity, in thing: Thing) -> String {
        switch activity.content {
        case .classification(let content):
            let labels = content.categories.map(\.label)
            let list = labels.count > 1 ? labels.dropLast().joined(separator: ", ") + " or " + labels.last! : labels.joined()
            return
                "Sort \(content.items.count) \(content.items.count == 1 ? "item" : "items") into \(list) (“\(activity.title)”)."
        case .reflection(let content):
            var text = "Write a reflective statement of at least \(content.minWords) words"
            if !content.guidingPoints.isEmpty {
                text += " that answers: " + content.guidingPoints.joined(separator: " ")
            } else {
                text += "."
            }
            return text
        case .evidence(let content):
            var text = "Submit the statement as evidence"
            text +=
                content.acceptsPortfolioLink
                ? " (on the application form or as a blog or ePortfolio link)" : " on the application form"
            return text + " and sign the declaration: “\(content.declaration)”"
        case .quiz(let content):
            // The same rule the page applies: a required quiz counts as done once it is passed.
            return
                "Pass the \(content.questions.count)-question quiz “\(activity.title)” by answering at least \(content.questionsToPass) of \(content.questions.count) questions correctly (\(Int((content.passingScore * 100).rounded()))%)."
        case .explore(let content):
            let titles = content.resources.compactMap { thing.resource(id: $0.id)?.title }
            return "Explore " + (titles.isEmpty ? "the resources" : titles.map { "“\($0)”" }.joined(separator: ", ")) + "."
        case .scenario(let content):
            var text = "Work through the scenario “\(activity.title)” to one of its endings"
            if let mark = content.passingScore, content.isScored {
                text += ", along a path earning at least \(Int((mark * 100).rounded()))% of the best path's points"
            }
            return text + "."
        case .sequence(let content):
            return "Put the \(content.steps.count) steps of “\(activity.title)” in their right order."
        case .reveal(let content):
            return "Turn all \(content.cards.count) cards of “\(activity.title)”."
        }
    }
}
