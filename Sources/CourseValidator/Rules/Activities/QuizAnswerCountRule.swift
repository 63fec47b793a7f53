import CourseModel
import Foundation

/// Quiz questions have the right number of correct answers.
public struct QuizAnswerCountRule: Rule {
    /// Creates the rule.
    public init() {}

    /// A quiz activity for the examples, to insert after the activities key.
    static let example = """
        activities:
          - id: check
            type: quiz
            title: Check
            questions:
              - text: Which is management?
                mode: single
                ↓options:
                  - text: Budgeting
                    correct: true
                  - text: Setting a vision
                    correct: true

        """

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "quiz-single-correct", name: "Quiz answers",
        summary:
            "A single-choice question has exactly one correct option; a multiple-choice question at least one; every question at least two options.",
        triggeringExamples: [.replacing("activities:\n", with: example)],
        nonTriggeringExamples: [
            .unchanged,
            .replacing(
                "activities:\n",
                with: example.replacingOccurrences(of: "↓", with: "").replacingOccurrences(
                    of: "mode: single", with: "mode: multiple")),
        ])

    /// Checks every question.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.things.flatMap { _, thing in
            thing.activities.flatMap { activity -> [Finding] in
                guard case .quiz(let quiz) = activity.content else { return [] }
                return quiz.questions.compactMap { question -> Finding? in
                    // A `mode` or `correct` the loader refused (`mode: multi`, `correct: yes`) is that slip's
                    // finding; counting the defaults it was read as would report it twice.
                    let refused =
                        context.wasRefused(question.fields.values["mode"])
                        || question.options.contains { context.wasRefused($0.fields.values["correct"]) }
                    guard !refused else { return nil }
                    let correct = question.options.filter(\.isCorrect).count
                    let location = question.fields.keys["options"] ?? question.fields.entity
                    if question.options.count < 2 {
                        return finding("question “\(question.text)” needs at least two options", at: location)
                    }
                    switch question.mode {
                    case .single where correct != 1:
                        return finding(
                            "single-choice question “\(question.text)” has \(correct) correct options; it needs exactly one",
                            at: location, hint: correct > 1 ? "use `mode: multiple` if several answers are right" : nil)
                    case .multiple where correct == 0:
                        return finding("question “\(question.text)” has no correct option", at: location)
                    default:
                        return nil
                    }
                }
            }
        }
    }
}
