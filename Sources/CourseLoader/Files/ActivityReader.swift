import CourseModel
import CourseYAML

/// Reads the `activities:` entries of a Thing's front matter.
enum ActivityReader {
    /// Reads one activity; nil (after reporting) when it cannot be understood at all.
    static func read(_ node: YAMLNode, index: Int, in thing: MappingReader) -> Activity? {
        let variants = CourseFileFields.activity.variants!
        let kind = node.value(forKey: "type")?.scalar.flatMap { variants.fields(for: $0) == nil ? nil : $0 }
        // With an unknown or missing type, the keys of every type are accepted: which of them are
        // wrong cannot be told until the type is fixed, and its own finding says so.
        guard let reader = thing.child(node, of: "activities", entityName: "activity \(index + 1)", variant: kind) else {
            return nil
        }
        let id = reader.string("id", required: true) ?? "activity-\(index + 1)"
        guard let kind else {
            // Missing, or not one of the kinds: `oneOf` reports either with its hint.
            _ = reader.oneOf("type", as: ActivityKind.self, required: true)
            return nil
        }
        let content: Activity.Content
        switch kind {
        case "classification": content = .classification(classification(reader))
        case "reflection":
            content = .reflection(
                Reflection(
                    guidingPoints: reader.strings("guidingPoints"), minWords: reader.int("minWords", required: true) ?? 0,
                    isBadgeEvidence: reader.bool("badgeEvidence", default: true)))
        case "evidence":
            content = .evidence(
                EvidenceSubmission(
                    steps: reader.strings("steps"), applicationFormURL: reader.string("applicationForm"),
                    acceptsPortfolioLink: reader.bool("acceptsPortfolioLink", default: true),
                    assessmentDays: reader.int("assessmentDays"),
                    declaration: reader.string("declaration", required: true) ?? "",
                    evidenceFrom: reader.reference("evidenceFrom"), guides: reader.references("guides")))
        case "quiz": content = .quiz(quiz(reader))
        case "scenario": content = .scenario(scenario(reader))
        case "sequence":
            content = .sequence(
                OrderedSteps(
                    steps: reader.sequence("steps", required: true).compactMap { node in
                        guard let step = reader.child(node, of: "steps", entityName: "step") else { return nil }
                        return OrderedSteps.Step(
                            text: step.string("text", required: true) ?? "", feedback: step.string("feedback"),
                            fields: step.fields)
                    }))
        case "reveal":
            content = .reveal(
                Reveal(
                    cards: reader.sequence("cards", required: true).compactMap { node in
                        guard let card = reader.child(node, of: "cards", entityName: "card") else { return nil }
                        return Reveal.Card(
                            front: card.string("front", required: true) ?? "", back: card.string("back", required: true) ?? "",
                            fields: card.fields)
                    }, selfCheck: reader.bool("selfCheck", default: false)))
        default: content = .explore(Exploration(resources: reader.references("resources", required: true)))
        }
        return Activity(
            id: id, title: reader.string("title", required: true) ?? id, prompt: reader.string("prompt") ?? "",
            isRequired: reader.bool("required", default: true), content: content, fields: reader.fields)
    }

    private static func classification(_ reader: MappingReader) -> Classification {
        let categories = reader.sequence("categories", required: true).compactMap { node -> Classification.Category? in
            guard let category = reader.child(node, of: "categories", entityName: "category") else { return nil }
            let id = category.string("id", required: true) ?? ""
            return Classification.Category(id: id, label: category.string("label") ?? id, fields: category.fields)
        }
        let items = reader.sequence("items", required: true).enumerated().compactMap { index, node -> Classification.Item? in
            guard let item = reader.child(node, of: "items", entityName: "item"),
                let category = item.reference("category", required: true)
            else { return nil }
            return Classification.Item(
                id: item.string("id") ?? "item-\(index + 1)", text: item.string("text", required: true) ?? "",
                category: category, feedback: item.string("feedback"), fields: item.fields)
        }
        return Classification(categories: categories, items: items, resources: reader.references("resources"))
    }

    private static func scenario(_ reader: MappingReader) -> Scenario {
        let nodes = reader.sequence("nodes", required: true).compactMap { node -> Scenario.Node? in
            guard let moment = reader.child(node, of: "nodes", entityName: "node") else { return nil }
            let choices = moment.sequence("choices").compactMap { node -> Scenario.Choice? in
                guard let choice = moment.child(node, of: "choices", entityName: "choice"),
                    let next = choice.reference("next", required: true)
                else { return nil }
                return Scenario.Choice(
                    text: choice.string("text", required: true) ?? "", next: next, feedback: choice.string("feedback"),
                    points: choice.int("points") ?? 0, fields: choice.fields)
            }
            return Scenario.Node(
                id: moment.string("id", required: true) ?? "", text: moment.string("text", required: true) ?? "",
                choices: choices, debrief: moment.string("debrief"), fields: moment.fields)
        }
        return Scenario(nodes: nodes, passingScore: reader.double("passingScore"))
    }

    private static func quiz(_ reader: MappingReader) -> Quiz {
        let questions = reader.sequence("questions", required: true).enumerated().compactMap { index, node -> Quiz.Question? in
            guard let question = reader.child(node, of: "questions", entityName: "question")
            else { return nil }
            let options = question.sequence("options", required: true).compactMap { node -> Quiz.Option? in
                guard let option = question.child(node, of: "options", entityName: "option")
                else { return nil }
                return Quiz.Option(
                    text: option.string("text", required: true) ?? "", isCorrect: option.bool("correct", default: false),
                    feedback: option.string("feedback"), fields: option.fields)
            }
            return Quiz.Question(
                id: question.string("id") ?? "question-\(index + 1)", text: question.string("text", required: true) ?? "",
                mode: question.oneOf("mode", as: Quiz.Mode.self) ?? .single, options: options, fields: question.fields)
        }
        return Quiz(
            questions: questions, passingScore: reader.double("passingScore") ?? 0.8,
            revealAnswers: reader.oneOf("showCorrectAnswers", as: Quiz.AnswerReveal.self) ?? .afterPassing,
            revealAfterAttempts: reader.int("revealAfterAttempts"), maxAttempts: reader.int("maxAttempts"))
    }
}
