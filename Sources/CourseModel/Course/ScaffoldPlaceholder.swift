/// The placeholder texts `toolkit new` writes for an author to replace: one list, which the scaffolds
/// write from and the `placeholder-text` rule looks for, so neither can drift from the other. Nothing
/// placeholder may reach a package or a credential, which cannot be corrected once issued.
public enum ScaffoldPlaceholder {
    /// A Thing's aim.
    public static let thingAim = "Say in a sentence or two what this Thing sets out to do."
    /// A Thing's first outcome.
    public static let thingOutcome = "Something a learner can do after this Thing."
    /// A Thing's body.
    public static let thingBody = "Write the Thing's text here in Markdown."
    /// The reflection's guiding point.
    public static let guidingPoint = "A question to guide the reflection."
    /// The sorting activity's items and their feedback.
    public static let firstItem = "An item of the first category"
    /// See `firstItem`.
    public static let secondItem = "An item of the second category"
    /// See `firstItem`.
    public static let firstFeedback = "Why it belongs to the first category."
    /// See `firstItem`.
    public static let secondFeedback = "Why it belongs to the second category."
    /// The quiz's question.
    public static let question = "Which answer is right?"
    /// The scenario's first moment.
    public static let scenarioMoment = "Describe a moment at work that calls for a decision."
    /// The scenario's debrief.
    public static let scenarioDebrief = "Say what to take from the path that ends here."
    /// The resource's publisher.
    public static let publisher = "The publisher's name"
    /// A course's description.
    public static let courseDescription = "Say in a few sentences who the course is for and what it offers."
    /// A course's attribution.
    public static let attribution = "Say whose work this is and what was changed, as the licence asks."
    /// The issuer's name.
    public static let issuerName = "The organisation's name"
    /// The issuer's description.
    public static let issuerDescription = "Say in a sentence or two who the organisation is."
    /// The issuer's web address.
    public static let issuerURL = "https://example.org"
    /// The issuer's email address.
    public static let issuerEmail = "badges@example.org"

    /// Sentences found anywhere in a line.
    public static let sentences = [
        thingAim, thingOutcome, thingBody, guidingPoint, firstItem, secondItem, firstFeedback, secondFeedback, question,
        scenarioMoment, scenarioDebrief,
        publisher, courseDescription, attribution, issuerName, issuerDescription, importNote, importedPictureAlt,
        importedTranscript,
    ]
    /// Values found only as a whole value (`url: https://example.org`), since real addresses may start with them.
    public static let values = [issuerURL, issuerEmail]

    /// Domains reserved for examples by RFC 2606 and RFC 6761: no organisation has an address there.
    public static func isReservedExampleHost(_ host: String) -> Bool {
        let host = String(host.lowercased().drop { $0 == "." }.reversed().drop { $0 == "." }.reversed())
        let exact = ["example.com", "example.net", "example.org", "example", "test", "invalid", "localhost"]
        return exact.contains(host) || exact.contains { host.hasSuffix("." + $0) }
    }
}

extension ScaffoldPlaceholder {
    /// The end of every note `toolkit import` leaves in a body where something needs an author.
    public static let importNote = "Replace or remove this import note."
    /// The alternative text of an imported picture that had none.
    public static let importedPictureAlt = "Describe this picture: it was imported without alternative text."
    /// The transcript file of an imported video or player.
    public static let importedTranscript =
        "Write what this recording says here: it was imported without captions or a transcript."
}
