/// Questions with feedback and a score.
public struct Quiz: Hashable, Sendable {
    /// Whether a question takes one answer or several.
    public enum Mode: String, Hashable, Sendable, CaseIterable {
        /// Exactly one option is correct.
        case single
        /// One or more options are correct.
        case multiple
    }

    /// One answer option.
    public struct Option: Hashable, Sendable {
        /// The option's text.
        public var text: String
        /// Whether choosing it is right.
        public var isCorrect: Bool
        /// Shown when the learner chooses it.
        public var feedback: String?
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates an option.
        public init(text: String, isCorrect: Bool, feedback: String? = nil, fields: FieldLocations) {
            self.text = text
            self.isCorrect = isCorrect
            self.feedback = feedback
            self.fields = fields
        }
    }

    /// One question.
    public struct Question: Hashable, Sendable {
        /// Id unique within the quiz (defaults to `question-N`).
        public var id: String
        /// The question's text.
        public var text: String
        /// Single or multiple choice.
        public var mode: Mode
        /// The options, in display order.
        public var options: [Option]
        /// Where it was written.
        public var fields: FieldLocations

        /// Creates a question.
        public init(id: String, text: String, mode: Mode, options: [Option], fields: FieldLocations) {
            self.id = id
            self.text = text
            self.mode = mode
            self.options = options
            self.fields = fields
        }
    }

    /// When a learner is shown the correct answers.
    public enum AnswerReveal: String, Hashable, Sendable, CaseIterable {
        /// Once they have passed (the default: no answers to copy before trying).
        case afterPassing = "after-passing"
        /// After every check.
        case always
        /// Never (the quiz may be retaken as a real test).
        case never
    }

    /// The questions, in order.
    public var questions: [Question]
    /// Share of questions to answer correctly to pass, 0…1.
    public var passingScore: Double
    /// When the correct answers are shown.
    public var revealAnswers: AnswerReveal
    /// After this many checks the correct answers are shown even without a pass; nil for never.
    public var revealAfterAttempts: Int?
    /// How many checks a learner has; nil for as many as they like.
    public var maxAttempts: Int?

    /// Creates a quiz.
    public init(
        questions: [Question], passingScore: Double = 0.8, revealAnswers: AnswerReveal = .afterPassing,
        revealAfterAttempts: Int? = nil, maxAttempts: Int? = nil
    ) {
        self.questions = questions
        self.passingScore = passingScore
        self.revealAnswers = revealAnswers
        self.revealAfterAttempts = revealAfterAttempts
        self.maxAttempts = maxAttempts
    }

    /// How many questions a learner must answer correctly to pass.
    public var questionsToPass: Int { Int((passingScore * Double(questions.count)).rounded(.up)) }
}
