import CourseModel
import ToolkitSupport

/// The starting file of a new Thing: every field of the format, commented, with an example of each
/// activity type. It validates as it is (a draft), so an author starts from something that works.
enum ThingTemplate {
    /// The Thing file for `id`, numbered `number`, titled `title`, counting towards `collection` if any.
    static func text(id: String, number: Int, title: String, badge: String, collection: String?) -> String {
        let quotedTitle = quoted(title)
        return """
            ---
            # Thing \(number). Every field is explained in Docs/file-format.md; `toolkit validate` checks them.
            id: \(id)
            number: \(number)
            title: \(quotedTitle)
            # draft: left out of packages (a warning) until you set `published`.
            status: draft
            # The badge class in Badges/badges/\(badge).yaml (created with this file).
            badge: \(badge)
            countsTowards: [\(collection ?? "")]
            # The time a learner needs, activities included.
            durationMinutes: 45
            aim: >-
              \(ScaffoldPlaceholder.thingAim)
            outcomes:
              - \(ScaffoldPlaceholder.thingOutcome)
            # Other Things or external badges to take first (recommended or required).
            # prerequisites:
            #   - thing: thing-01
            #     level: recommended
            # A picture under the title (relative to the course folder):
            # cover:
            #   image: files/cover.jpg
            #   alt: What the picture shows

            activities:
              # Read or watch something; done when the learner marks it so.
              - id: explore
                type: explore
                title: "Explore: the reading"
                prompt: Read the guide listed below, then mark this activity as done.
                resources: [guide]

              # Sort items into categories, with feedback on each.
              - id: sort
                type: classification
                title: "Sort: which is which?"
                prompt: Decide which category each item belongs to, then check your answers.
                categories:
                  - id: first
                    label: First category
                  - id: second
                    label: Second category
                items:
                  - text: \(ScaffoldPlaceholder.firstItem)
                    category: first
                    feedback: \(ScaffoldPlaceholder.firstFeedback)
                  - text: \(ScaffoldPlaceholder.secondItem)
                    category: second
                    feedback: \(ScaffoldPlaceholder.secondFeedback)

              # A branching situation: each choice leads to another moment, until an ending.
              - id: try-it
                type: scenario
                title: "Try it: what would you do?"
                required: false
                nodes:
                  - id: start
                    text: \(ScaffoldPlaceholder.scenarioMoment)
                    choices:
                      - text: One way to respond
                        next: ending
                        feedback: What follows from it.
                        points: 1
                      - text: Another way to respond
                        next: ending
                  - id: ending
                    text: How the moment ends.
                    debrief: \(ScaffoldPlaceholder.scenarioDebrief)

              # Steps to put in order, written in their right order (the page shuffles them).
              - id: order
                type: sequence
                title: "Order: the steps"
                required: false
                steps:
                  - text: The first step
                    feedback: Why it comes first.
                  - text: The second step
                  - text: The last step

              # Cards to turn: a term or question on the front, what it means on the back.
              - id: terms
                type: reveal
                title: "Recall: key terms"
                required: false
                selfCheck: true
                cards:
                  - front: A term
                    back: What it means.

              # A scored quiz: the Thing completes once it is passed (if required).
              - id: check
                type: quiz
                title: "Check: one question"
                passingScore: 1
                showCorrectAnswers: after-passing
                questions:
                  - text: \(ScaffoldPlaceholder.question)
                    options:
                      - text: This one
                        correct: true
                        feedback: Why it is right.
                      - text: Not this one
                        feedback: Why it is not.

              # A reflective statement of at least minWords words: the evidence for the badge.
              - id: reflect
                type: reflection
                title: "Reflect: what does this mean for your work?"
                prompt: Think of a situation in your own role and write about it.
                guidingPoints:
                  - \(ScaffoldPlaceholder.guidingPoint)
                minWords: 200

              # How to apply for the badge with the statement (optional).
              - id: submit-evidence
                type: evidence
                title: Submit your evidence
                required: false
                steps:
                  - Save or download your reflective statement.
                  - Paste it into the badge application form.
                declaration: I confirm that the evidence I am submitting is my own work.
                evidenceFrom: reflect
                guides: [guide]

            resources:
              - id: guide
                title: The guide to read
                kind: guide
                publisher: \(ScaffoldPlaceholder.publisher)
                # url: https://example.org/guide     (or file: files/guide.pdf)
            ---

            \(ScaffoldPlaceholder.thingBody) Headings start at `##`.

            ## A first section

            Pictures and files live in the course's `files/` folder:
            `![What the picture shows](../files/picture.png)`.

            """
    }

    /// The badge class of the new Thing.
    static func badge(id: String, number: Int, title: String, courseTitle: String, image: String) -> String {
        return """
            # Badge for Thing \(number). The name is what badge platforms show; edit it and the description.
            id: \(id)
            kind: thing
            name: \(quoted("\(courseTitle) – Thing \(number): \(title)"))
            listingName: \(quoted("Thing \(number): \(title)"))
            description: >-
              Awarded for completing Thing \(number) and a reflective statement about it.
            image: \(image)
            tags: [thing-\(number)]

            """
    }

    /// The badge class of a new collection whose members are the Things numbered `numbers`.
    static func collectionBadge(id: String, title: String, courseTitle: String, image: String, numbers: [Int]) -> String {
        let things = numbers.count == 1 ? "Thing \(numbers[0])" : "Things " + numbers.map(String.init).joined(separator: ", ")
        return """
            # Collection badge: awarded to whoever holds the badge of every member Thing (listed in course.yaml).
            id: \(id)
            kind: collection
            name: \(quoted("\(courseTitle) – \(title)"))
            description: \(quoted("Awarded to holders of every Thing badge in the \(title) collection (\(things))."))
            image: \(image)
            tags: [collection]

            """
    }

    /// The `course.yaml` of a new course whose first Thing is `thing-01`.
    static func course(id: String, title: String, issuer: String) -> String {
        return """
            # The course file. Each Thing lives in things/<id>.md; every field is explained in Docs/file-format.md.
            id: \(id)
            title: \(quoted(title))
            description: >-
              \(ScaffoldPlaceholder.courseDescription)
            # The language of the pages (BCP 47), and the version shown in packages.
            language: en-GB
            version: 0.1.0
            # The issuer in Badges/issuer.yaml that awards the course's badges.
            issuer: \(issuer)
            # The licence the course is published under, and whose work it is.
            licence:
              name: CC BY 4.0
              url: https://creativecommons.org/licenses/by/4.0/
            attribution: >-
              \(ScaffoldPlaceholder.attribution)
            # A picture for the course's first page (relative to this folder):
            # cover:
            #   image: files/cover.jpg
            #   alt: What the picture shows
            # The Things in order; `toolkit new thing` adds the next one.
            things:
              - thing-01
            # Collections: a badge for holding the badges of several Things (`toolkit new collection`).
            # collections:
            #   - id: first-steps
            #     title: First steps
            #     badge: first-steps
            #     things: [thing-01]

            """
    }

    /// The issuer file of a new workspace: who awards the badges.
    static func issuer(id: String, image: String) -> String {
        """
        # The organisation that awards the badges. Replace every value with your own before issuing.
        id: \(id)
        name: \(ScaffoldPlaceholder.issuerName)
        url: \(ScaffoldPlaceholder.issuerURL)
        email: \(ScaffoldPlaceholder.issuerEmail)
        image: \(image)
        description: >-
          \(ScaffoldPlaceholder.issuerDescription)
        # The badge platform's application page, for evidence steps that name no form of their own:
        # applicationForm: https://…

        """
    }

    /// `text` as a double-quoted YAML scalar on one line (`YAMLQuoting.doubleQuoted`).
    static func quoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }
}
