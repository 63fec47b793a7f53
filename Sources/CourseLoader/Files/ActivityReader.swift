import CourseModel
import CourseYAML

/// Reads the `activities:` entries of a Thing's front matter.
enum ActivityReader {
    /// Keys every activity may have.
    static let commonKeys = ["id", "type", "title", "prompt", "required"]
    /// Keys each kind of activity adds.
    static let keysByKind: [String: [String]] = [
        "classification": ["categories", "items", "resources"],
        "reflection": ["guidingPoints", "minWords", "badgeEvidence"],
        "evidence": ["steps", "applicationForm", "acceptsPortfolioLink", "declaration", "evidenceFrom", "guides"],
        "quiz": ["questions", "passingScore", "showCorrectAnswers", "revealAfterAttempts", "maxAttempts"],
        "explore": ["resources"],
    ]

    /// Reads one activity; nil (after reporting) when it cannot be understood at all.
    static func read(_ node: YAMLNode, index: Int, in thing: MappingReader) -> Activity? {
        let kinds = keysByKind.keys.sorted()
        let kind = Self.kind(of: node)
        // With an unknown or missing type, the keys of every type are accepted: which of them are
        // wrong cannot be told until the type is fixed, and its own finding says so.
        let extraKeys = kind.flatMap { keysByKind[$0] } ?? Array(Set(keysByKind.values.joined())).sorted()
        guard let reader = thing.child(node, entityName: "activity \(index + 1)", knownKeys: commonKeys + extraKeys) else {
            return nil
        }
        let id = reader.string("id", required: true) ?? "activity-\(index + 1)"
        guard reader.has("type") else {
            _ = reader.string("type", required: true)
            return nil
        }
        guard let kind, keysByKind[kind] != nil else {
            let written = reader.string("type") ?? ""
            reader.report(
                LoaderRuleID.allowedValue,
                "`type` must be one of \(kinds.map { "`\($0)`" }.joined(separator: ", ")), not `\(written)`", field: "type",
                hint: NameSuggestion.hint(for: written, in: kinds))
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
                    declaration: reader.string("declaration", required: true) ?? "",
                    evidenceFrom: reader.reference("evidenceFrom"), guides: reader.references("guides")))
        case "quiz": content = .quiz(quiz(reader))
        default: content = .explore(Exploration(resources: reader.references("resources", required: true)))
        }
        return Activity(
            id: id, title: reader.string("title", required: true) ?? id, prompt: reader.string("prompt") ?? "",
            isRequired: reader.bool("required", default: true), content: content, fields: reader.fields)
    }

    private static func kind(of node: YAMLNode) -> String? {
        node.value(forKey: "type")?.scalar
    }

    private static func classification(_ reader: MappingReader) -> Classification {
        let categories = reader.sequence("categories", required: true).compactMap { node -> Classification.Category? in
            guard let category = reader.child(node, entityName: "category", knownKeys: ["id", "label"]) else { return nil }
            let id = category.string("id", required: true) ?? ""
            return Classification.Category(id: id, label: category.string("label") ?? id, fields: category.fields)
        }
        let items = reader.sequence("items", required: true).enumerated().compactMap { index, node -> Classification.Item? in
            guard let item = reader.child(node, entityName: "item", knownKeys: ["id", "text", "category", "feedback"]),
                let category = item.reference("category", required: true)
            else { return nil }
            return Classification.Item(
                id: item.string("id") ?? "item-\(index + 1)", text: item.string("text", required: true) ?? "",
                category: category, feedback: item.string("feedback"), fields: item.fields)
        }
        return Classification(categories: categories, items: items, resources: reader.references("resources"))
    }

    private static func quiz(_ reader: MappingReader) -> Quiz {
        let questions = reader.sequence("questions", required: true).enumerated().compactMap { index, node -> Quiz.Question? in
            guard let question = reader.child(node, entityName: "question", knownKeys: ["id", "text", "mode", "options"])
            else { return nil }
            let options = question.sequence("options", required: true).compactMap { node -> Quiz.Option? in
                guard let option = question.child(node, entityName: "option", knownKeys: ["text", "correct", "feedback"])
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
