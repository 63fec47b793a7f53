import CourseModel

/// Every key of every course and badge file, with its type, whether it is required and what it means:
/// the one table the loader reads by (its known keys, its checks in debug builds) and `toolkit schema`
/// writes JSON Schemas from.
public enum CourseFileFields {
    /// `Courses/<id>/course.yaml`.
    public static let course = MappingDefinition(
        "course", "A course: its Things in order, its collection badges, its licence.",
        fields: [
            FieldDefinition("id", .identifier, required: true, "The course id; also the name of its folder under Courses/."),
            FieldDefinition("title", .text, required: true, "The programme's title."),
            FieldDefinition("description", .text, "What the programme is, in a sentence or two."),
            FieldDefinition("language", .text, required: true, "The language of the content, as a BCP 47 tag such as en-GB."),
            FieldDefinition("version", .text, "The content's version, such as 1.2."),
            FieldDefinition("issuer", .identifier, "The id in Badges/issuer.yaml of the organisation that awards the badges."),
            FieldDefinition(
                "licence",
                .mapping(
                    MappingDefinition(
                        "licence", "The licence the content is published under.",
                        fields: [
                            FieldDefinition("name", .text, required: true, "The licence's name, such as CC BY-SA 4.0."),
                            FieldDefinition("url", .url, "Where the licence's text is."),
                        ])), "The licence the content is published under (needed to publish)."),
            FieldDefinition(
                "attribution", .text, "Whom to credit, and what was changed (needed with a licence that asks for it)."),
            FieldDefinition("cover", .mapping(cover), "A picture shown on the HTML site's home page."),
            FieldDefinition(
                "logo", .mapping(cover),
                "The organisation's logo, shown in every page's header: a picture relative to the course folder, with its text."),
            FieldDefinition(
                "colour", .text,
                "The course colour, #RRGGBB, for the pages' header and buttons (white text on it needs 4.5:1 contrast)."),
            FieldDefinition(
                "things", .identifierList, required: true, "The Things in course order; each names a file in things/."),
            FieldDefinition(
                "startWith", .identifierList, "The Things to take first, shown as where to start on the course home."),
            FieldDefinition(
                "finishWith", .identifierList, "The Things to take last, shown as where to finish on the course home."),
            FieldDefinition(
                "collections",
                .listOf(
                    MappingDefinition(
                        "collection", "A collection badge, earned by holding the badges of all its Things.",
                        fields: [
                            FieldDefinition("id", .identifier, required: true, "The collection id Things list in countsTowards."),
                            FieldDefinition("title", .text, required: true, "The collection's title."),
                            FieldDefinition("badge", .identifier, "Its badge class (of kind collection) in Badges/badges/."),
                            FieldDefinition("things", .identifierList, required: true, "The ids of its member Things."),
                        ])), "Collection badges made of several Things."),
        ])

    /// A cover picture of a course or a Thing.
    static let cover = MappingDefinition(
        "cover", "A picture, with its text alternative.",
        fields: [
            FieldDefinition("image", .text, required: true, "The picture, relative to the course folder (files/cover.jpg)."),
            FieldDefinition("alt", .text, required: true, "What the picture shows, for learners who cannot see it."),
        ])

    /// The YAML front matter of `Courses/<id>/things/<thing>.md`.
    public static let thing = MappingDefinition(
        "Thing", "The front matter of a Thing: a short self-study unit that earns a badge.",
        fields: [
            FieldDefinition("id", .identifier, required: true, "The Thing's stable id, such as thing-02; the file's name."),
            FieldDefinition("number", .wholeNumber(minimum: 1), required: true, "Its position 1…N, unique in the course."),
            FieldDefinition("title", .text, "The page title (needed to publish)."),
            FieldDefinition(
                "status", .oneOf(ThingStatus.allCases.map(\.rawValue)), required: true,
                "draft: left out of packages; published: shipped."),
            FieldDefinition("badge", .identifier, "The Thing's badge class in Badges/badges/ (needed to publish)."),
            FieldDefinition("countsTowards", .identifierList, "The collections of the course this Thing counts towards."),
            FieldDefinition("durationMinutes", .wholeNumber(minimum: 1), "The time a learner needs, activities included."),
            FieldDefinition("aim", .text, "What the Thing sets out to do (needed to publish)."),
            FieldDefinition("outcomes", .textList, "What a learner can do afterwards."),
            FieldDefinition("cover", .mapping(cover), "A picture shown under the Thing's title."),
            FieldDefinition(
                "prerequisites",
                .listOf(
                    MappingDefinition(
                        "prerequisite", "A Thing or a badge to take first: give either thing or badge.",
                        fields: [
                            FieldDefinition("thing", .identifier, "A Thing of the course to take first."),
                            FieldDefinition("badge", .identifier, "A badge (of any kind) to hold first."),
                            FieldDefinition(
                                "level", .oneOf(Prerequisite.Level.allCases.map(\.rawValue)),
                                "recommended (the default) or required."),
                        ], exactlyOneOf: ["thing", "badge"])), "Other Things or badges to take first."),
            FieldDefinition("activities", .listOf(activity), "What the learner does, in order."),
            FieldDefinition("resources", .listOf(resource), "Readings, videos and files the activities point to."),
            FieldDefinition("references", .identifierList, "Ids of resources cited in the text but not used by an activity."),
        ])

    /// One activity of a Thing; its `type` chooses the keys it adds.
    static let activity = MappingDefinition(
        "activity", "Something the learner does; its type chooses the keys it adds.",
        fields: [
            FieldDefinition("id", .identifier, required: true, "The activity's id, unique in the Thing."),
            FieldDefinition(
                "type", .oneOf(ActivityKind.allCases.map(\.rawValue)), required: true,
                "What kind of activity it is."),
            FieldDefinition("title", .text, required: true, "The activity's heading."),
            FieldDefinition("prompt", .text, "What the learner is asked to do."),
            FieldDefinition("required", .boolean, "Whether the Thing is complete only once this is done (default true)."),
        ],
        variants: MappingDefinition.Variants(
            key: "type",
            cases: [
                (
                    "classification",
                    [
                        FieldDefinition(
                            "categories",
                            .listOf(
                                MappingDefinition(
                                    "category", "A category items are sorted into.",
                                    fields: [
                                        FieldDefinition("id", .identifier, required: true, "The category's id."),
                                        FieldDefinition("label", .text, "The category's label (its id when absent)."),
                                    ])), required: true, "At least two categories, each used by an item."),
                        FieldDefinition(
                            "items",
                            .listOf(
                                MappingDefinition(
                                    "item", "A statement the learner sorts.",
                                    fields: [
                                        FieldDefinition("id", .identifier, "The item's id (item-N when absent)."),
                                        FieldDefinition("text", .text, required: true, "The statement."),
                                        FieldDefinition("category", .identifier, required: true, "The id of its right category."),
                                        FieldDefinition("feedback", .text, "Why it belongs there."),
                                    ])), required: true, "The statements to sort."),
                        FieldDefinition("resources", .identifierList, "Ids of resources that help."),
                    ]
                ),
                (
                    "evidence",
                    [
                        FieldDefinition("steps", .textList, "What to do to apply for the badge, step by step."),
                        FieldDefinition("applicationForm", .url, "The https address of the badge application form."),
                        FieldDefinition("acceptsPortfolioLink", .boolean, "Whether a portfolio link is accepted (default true)."),
                        FieldDefinition(
                            "assessmentDays", .wholeNumber(minimum: 1),
                            "How many days the issuer may take to assess an application (said in the badge's criteria)."),
                        FieldDefinition(
                            "declaration", .text, required: true, "What the learner declares when submitting evidence."),
                        FieldDefinition("evidenceFrom", .identifier, "The id of the reflection whose text is the evidence."),
                        FieldDefinition("guides", .identifierList, "Ids of resources guiding the application."),
                    ]
                ),
                ("explore", [FieldDefinition("resources", .identifierList, required: true, "Ids of the resources to explore.")]),
                (
                    "quiz",
                    [
                        FieldDefinition(
                            "questions",
                            .listOf(
                                MappingDefinition(
                                    "question", "A question with its options.",
                                    fields: [
                                        FieldDefinition("id", .identifier, "The question's id (question-N when absent)."),
                                        FieldDefinition("text", .text, required: true, "The question."),
                                        FieldDefinition(
                                            "mode", .oneOf(Quiz.Mode.allCases.map(\.rawValue)),
                                            "single: one right option (the default); multiple: several."),
                                        FieldDefinition(
                                            "options",
                                            .listOf(
                                                MappingDefinition(
                                                    "option", "One answer the learner may choose.",
                                                    fields: [
                                                        FieldDefinition("text", .text, required: true, "The answer."),
                                                        FieldDefinition(
                                                            "correct", .boolean, "Whether it is right (default false)."),
                                                        FieldDefinition("feedback", .text, "Shown once the question is checked."),
                                                    ])), required: true, "The answers to choose from."),
                                    ])), required: true, "The quiz's questions."),
                        FieldDefinition(
                            "passingScore", .number(minimum: 0, maximum: 1),
                            "The share of questions to answer right to pass, 0…1 (default 0.8)."),
                        FieldDefinition(
                            "showCorrectAnswers", .oneOf(Quiz.AnswerReveal.allCases.map(\.rawValue)),
                            "When the right answers are shown (default after-passing)."),
                        FieldDefinition(
                            "revealAfterAttempts", .wholeNumber(minimum: 1),
                            "Show the answers after this many checks even without a pass."),
                        FieldDefinition(
                            "maxAttempts", .wholeNumber(minimum: 1), "How many checks a learner has (default: unlimited)."),
                    ]
                ),
                (
                    "sequence",
                    [
                        FieldDefinition(
                            "steps",
                            .listOf(
                                MappingDefinition(
                                    "step", "One step, written in its right place.",
                                    fields: [
                                        FieldDefinition("text", .text, required: true, "What the step says."),
                                        FieldDefinition("feedback", .text, "Why it goes here, shown when it is out of place."),
                                    ])), required: true, "The steps in their right order; the page shuffles them.")
                    ]
                ),
                (
                    "reveal",
                    [
                        FieldDefinition(
                            "cards",
                            .listOf(
                                MappingDefinition(
                                    "card", "A card with a front and a back.",
                                    fields: [
                                        FieldDefinition(
                                            "front", .text, required: true, "What the front shows (a term, a question)."),
                                        FieldDefinition("back", .text, required: true, "What the back shows (Markdown)."),
                                    ])), required: true, "The cards, in order."),
                        FieldDefinition(
                            "selfCheck", .boolean, "Whether each turned card asks “I knew this” or “Not yet” (default false)."),
                    ]
                ),
                (
                    "scenario",
                    [
                        FieldDefinition(
                            "nodes",
                            .listOf(
                                MappingDefinition(
                                    "node", "A moment of the situation: a choice point, or an ending with a debrief.",
                                    fields: [
                                        FieldDefinition(
                                            "id", .identifier, required: true, "The moment's id, unique in the scenario."),
                                        FieldDefinition("text", .text, required: true, "What happens (Markdown)."),
                                        FieldDefinition(
                                            "choices",
                                            .listOf(
                                                MappingDefinition(
                                                    "choice", "Something the learner may do here.",
                                                    fields: [
                                                        FieldDefinition("text", .text, required: true, "What the learner does."),
                                                        FieldDefinition(
                                                            "next", .identifier, required: true,
                                                            "The id of the moment it leads to."),
                                                        FieldDefinition(
                                                            "feedback", .text, "What follows from it, shown once chosen."),
                                                        FieldDefinition(
                                                            "points", .wholeNumber(minimum: 0), "Points it earns (default 0)."),
                                                    ])), "What the learner may do; a moment without choices is an ending."),
                                        FieldDefinition("debrief", .text, "At an ending: what to take from the path (Markdown)."),
                                    ])), required: true, "The moments, the first being where the learner starts."),
                        FieldDefinition(
                            "passingScore", .number(minimum: 0, maximum: 1),
                            "With points: the share of the best path's points a path must earn to pass, 0…1."),
                    ]
                ),
                (
                    "reflection",
                    [
                        FieldDefinition("guidingPoints", .textList, "Points to think about while writing."),
                        FieldDefinition("minWords", .wholeNumber(minimum: 1), required: true, "The fewest words to write."),
                        FieldDefinition("badgeEvidence", .boolean, "Whether the text is badge evidence (default true)."),
                    ]
                ),
            ]))

    /// A reading, video, web page or file of a Thing.
    static let resource = MappingDefinition(
        "resource", "A reading, video, web page or file, cited on the page.",
        fields: [
            FieldDefinition("id", .identifier, required: true, "The resource's id, unique in the Thing."),
            FieldDefinition("title", .text, required: true, "Its title as published."),
            FieldDefinition("kind", .oneOf(Resource.Kind.allCases.map(\.rawValue)), required: true, "What it is."),
            FieldDefinition("author", .text, "Who wrote it."),
            FieldDefinition("publisher", .text, "Who published it."),
            FieldDefinition("date", .text, "When: YYYY, YYYY-MM or YYYY-MM-DD (quote a bare year)."),
            FieldDefinition("pages", .text, "The pages cited, such as 28–29."),
            FieldDefinition("url", .url, "Its https address; a resource without one is a citation."),
            FieldDefinition("file", .text, "A file in the course folder, relative to it (files/worksheet.pdf)."),
            FieldDefinition("licence", .text, "Its licence."),
            FieldDefinition("notes", .text, "Anything else the learner should know."),
        ])

    /// `Badges/badges/<id>.yaml`.
    public static let badge = MappingDefinition(
        "badge", "A badge class: what a Thing or a collection awards, or a badge of another platform.",
        fields: [
            FieldDefinition("id", .identifier, required: true, "The badge id Things and collections refer to; the file's name."),
            FieldDefinition(
                "kind", .oneOf(BadgeClass.Kind.allCases.map(\.rawValue)), required: true,
                "thing, collection, or external (a badge of another platform)."),
            FieldDefinition("name", .text, required: true, "The badge's name."),
            FieldDefinition("listingName", .text, "The badge platform's listing name, when it differs."),
            FieldDefinition("description", .text, "What earning it shows."),
            FieldDefinition("image", .text, "PNG or SVG art relative to Badges/ (images/thing-02.svg), square, 200 px or more."),
            FieldDefinition("url", .url, "Where an external badge is described."),
            FieldDefinition("tags", .textList, "Words the badge platform lists it under."),
            FieldDefinition(
                "expiresAfterDays", .wholeNumber(minimum: 1),
                "How many days a badge stays valid once awarded (unset: it does not expire)."),
            FieldDefinition(
                "alignment",
                .listOf(
                    MappingDefinition(
                        "alignment", "A framework or standard the badge aligns to.",
                        fields: [
                            FieldDefinition("targetName", .text, required: true, "The name of what it aligns to."),
                            FieldDefinition("targetUrl", .url, "Its address (Open Badges 2.0 needs one)."),
                            FieldDefinition("framework", .text, "The framework it belongs to."),
                        ])), "Frameworks or standards the badge aligns to."),
        ])

    /// `Badges/issuer.yaml`.
    public static let issuer = MappingDefinition(
        "issuer", "The organisation that awards the badges.",
        fields: [
            FieldDefinition("id", .identifier, required: true, "The issuer id course.yaml names."),
            FieldDefinition("name", .text, required: true, "The organisation's name."),
            FieldDefinition("url", .url, "Its https web site."),
            FieldDefinition("email", .text, "Where earners and verifiers write to."),
            FieldDefinition("image", .text, "Its logo, PNG or SVG, relative to Badges/."),
            FieldDefinition("description", .text, "Who it is."),
            FieldDefinition(
                "applicationForm", .url,
                "The badge platform's application page, for evidence steps that name no form of their own."),
        ])
}

/// The kinds of activity, as `type:` names them; the variants of `CourseFileFields.activity` follow them.
enum ActivityKind: String, CaseIterable {
    case classification, evidence, explore, quiz, reflection, reveal, scenario, sequence
}
