import CourseMarkdown
import CourseMedia
import CourseModel
import Foundation
import ToolkitSupport

/// Turns the model into the views the templates show: one Thing page, or the course index.
struct ThingPageBuilder: Sendable {
    let course: Course
    let badges: BadgeCatalog
    let format: PackageFormat
    /// Ids of the Things in this package (links between them are kept in the HTML site).
    let includedThingIDs: Set<String>
    /// Package path of each badge image, by the image as a badge file names it.
    let imagePaths: [String: String]
    /// Where pages, assets and images are in the package.
    let layout: PackageLayout
    /// The package's media and where each file went.
    let media: MediaPlan
    /// The LMS the package is for.
    var lms: LMSProfile = .generic
    /// Where the HTML site is hosted (a cartridge's pages link to their interactive versions there).
    var siteURL: String? = nil
    /// The bytes of a captions file to write into the page itself (the HTML site, which must work opened
    /// from disk, where Chromium loads no `<track>` file); nil for packages an LMS serves.
    var inlineCaptions: (@Sendable (MediaPlan.Entry) -> [UInt8]?)? = nil
    /// The packaged Things' ids in course order (previous and next links).
    var orderedThingIDs: [String] = [] {
        didSet { positions = Dictionary(orderedThingIDs.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first }) }
    }
    /// Each packaged Thing's position in `orderedThingIDs`.
    var positions: [String: Int] = [:]

    static let generator = "Course Toolkit"

    private var linksBetweenThings: Bool { format == .html }
    /// SCORM 2004 opens another Thing of the package through the LMS's navigation request: its links stay.
    private var navigatesBetweenThings: Bool { format == .scorm2004 }

    private func href(toThing id: String, from page: String) -> String? {
        guard linksBetweenThings, includedThingIDs.contains(id) else { return nil }
        return PackageLayout.href(to: layout.thingPage(id: id), from: page)
    }

    private func imagePath(_ image: String?, from page: String) -> String? {
        guard let image, let path = imagePaths[image] else { return nil }
        return PackageLayout.href(to: path, from: page)
    }

    /// The assets folder as seen from `page`, ending in `/`.
    private func assetsHref(from page: String) -> String {
        PackageLayout.href(to: layout.assetsFolder, from: page) + "/"
    }

    /// A sanitiser for Markdown written in `thing` (its body or a prompt, as `origin` says): links to
    /// Things in this package lead to their pages (in the HTML site); links to files of the course lead
    /// to their copies in the package, as downloads; pictures, video and audio are shown from the
    /// package; every other relative link is unwrapped to its text. The Things a kept link leads to are
    /// added to `linked` (SCORM 2004 pages tell their script which of them to ask the LMS for).
    private func sanitizer(
        for thing: Thing, origin: MediaReference.Origin, from page: String, linked: LockedValue<Set<String>>
    ) -> HTMLSanitizer {
        let course = course
        let included = includedThingIDs
        let links = linksBetweenThings || navigatesBetweenThings
        let layout = layout
        let markup = {
            var markup = MediaMarkup(media: media, thing: thing, course: course, origin: origin, page: page)
            markup.inlineCaptions = inlineCaptions
            return markup
        }()
        return HTMLSanitizer(
            rewriteRelativeLink: { href in
                if let link = ThingLink(href, from: thing, in: course) {
                    guard let id = link.target, let target = course.thing(id: id) else { return .unwrap }
                    if links, included.contains(id) {
                        linked.withLock { _ = $0.insert(id) }
                        return .keep(PackageLayout.href(to: layout.thingPage(id: id), from: page) + link.fragment)
                    }
                    // An LMS launches each Thing itself: a page cannot open another, so it says where it is;
                    // a Thing not yet published is named as coming, never as missing from "this package".
                    return .unwrapWithNote(
                        included.contains(id)
                            ? "\(target.label): open it from this course's contents"
                            : target.status == .published
                                ? "\(target.label), another part of this course" : "\(target.label), coming soon")
                }
                return markup.download(href).map { .download($0.href, note: $0.note) } ?? .unwrap
            },
            rewriteImage: markup.decision)
    }

    private func markdownHTML(
        _ markdown: String, in thing: Thing, origin: MediaReference.Origin, from page: String,
        linked: LockedValue<Set<String>>
    ) -> String {
        sanitizer(for: thing, origin: origin, from: page, linked: linked).sanitize(MarkdownRenderer.html(markdown))
    }

    private func citations(_ references: [Reference], in thing: Thing, from page: String) -> [CitationView] {
        references.compactMap { thing.resource(id: $0.id) }.map { citation($0, in: thing, from: page) }
    }

    private func citation(_ resource: Resource, in thing: Thing, from page: String) -> CitationView {
        let download = resource.file.flatMap {
            MediaMarkup(media: media, thing: thing, course: course, origin: .resource(id: resource.id), page: page).download($0)
        }
        return CitationView(id: resource.id, html: CitationFormatter.html(resource, download: download), notes: resource.notes)
    }

    private func coverView(_ cover: Cover, entry: MediaPlan.Entry?, from page: String) -> CoverView? {
        guard let entry else { return nil }
        return CoverView(
            src: PackageLayout.href(to: entry.packagePath, from: page), alt: cover.alternativeText,
            width: entry.file.imageInfo.map { Int($0.width.rounded()) },
            height: entry.file.imageInfo.map { Int($0.height.rounded()) })
    }

    private func collectionView(_ collection: Collection, from page: String) -> CollectionView {
        let badge = collection.badge.flatMap { badges.badge(id: $0.id) }
        let things = collection.members.compactMap { course.thing(id: $0.id) }
        let members = things.map { ThingLinkView(label: $0.label, href: href(toThing: $0.id, from: page)) }
        return CollectionView(
            title: collection.title, badgeName: badge?.name, imagePath: imagePath(badge?.image, from: page),
            members: members,
            memberStatusKeys: things.map { Self.storageKey(course: course, thing: $0) + ":status" }.joined(separator: " "))
    }

    /// The Thing page's view.
    func thingPage(_ thing: Thing) throws -> ThingPageView {
        let page = layout.thingPage(id: thing.id)
        // Filled while the body and the prompts are rendered, read by the page script's configuration.
        let linked = LockedValue(Set<String>())
        let previous = neighbour(of: thing, offset: -1, from: page)
        let next = neighbour(of: thing, offset: 1, from: page)
        let badge = thing.badge.flatMap { badges.badge(id: $0.id) }.map { badge in
            BadgeView(
                name: badge.name, imagePath: imagePath(badge.image, from: page),
                countsTowards: thing.countsTowards.compactMap { course.collection(id: $0.id) }.map {
                    collectionView($0, from: page)
                })
        }
        let prerequisites = thing.prerequisites.map { prerequisite -> PrerequisiteView in
            switch prerequisite.target {
            case .thing(let reference):
                let target = course.thing(id: reference.id)
                return PrerequisiteView(
                    label: target?.label ?? reference.id, href: href(toThing: reference.id, from: page),
                    level: prerequisite.level.rawValue)
            case .badge(let reference):
                return PrerequisiteView(
                    label: (badges.badge(id: reference.id)?.name ?? reference.id) + " (badge)", href: nil,
                    level: prerequisite.level.rawValue)
            }
        }
        let activities = thing.activities.enumerated().map { index, activity in
            activityView(activity, position: index + 1, in: thing, from: page, linked: linked)
        }
        let bodyHTML = markdownHTML(thing.body.source, in: thing, origin: .body, from: page, linked: linked)
        return ThingPageView(
            language: course.language, courseTitle: course.title,
            indexHref: format == .html ? PackageLayout.href(to: layout.indexPage, from: page) : nil,
            assetsHref: assetsHref(from: page),
            number: thing.number, title: thing.title.isEmpty ? thing.label : thing.title,
            cover: thing.cover.flatMap {
                coverView($0, entry: media.entry(for: $0.image, origin: .cover, in: thing, of: course), from: page)
            },
            aim: thing.aim,
            durationText: thing.durationMinutes.map(Self.durationText),
            outcomes: thing.outcomes, prerequisites: prerequisites, badge: badge,
            bodyHTML: bodyHTML,
            activities: activities, hasRequiredActivities: thing.activities.contains(where: \.isRequired),
            resources: thing.resources.filter { resource in !thing.references.contains { $0.id == resource.id } }
                .map { citation($0, in: thing, from: page) },
            references: citations(thing.references, in: thing, from: page),
            licence: course.licence.map { LicenceView(name: $0.name, url: $0.url) }, attribution: course.attribution,
            configJSON: try configurationJSON(for: thing, linkedThings: linked.current), generator: Self.generator,
            onlineHref: siteURL.map { Self.trimmedSlash($0) + "/" + page },
            previous: previous, next: next, hasNeighbours: previous != nil || next != nil, accentColour: accentColour,
            logo: course.logo.flatMap { coverView($0, entry: media.courseLogo, from: page) },
            isDraft: thing.status != .published)
    }

    private func activityView(
        _ activity: Activity, position: Int, in thing: Thing, from page: String, linked: LockedValue<Set<String>>
    ) -> ActivityView {
        var classification: ClassificationView?
        var reflection: ReflectionView?
        var evidence: EvidenceView?
        var quiz: QuizView?
        var explore: ExploreView?
        var scenario: ScenarioView?
        var sequence: SequenceView?
        var reveal: RevealView?
        switch activity.content {
        case .classification(let content):
            let labels = Dictionary(content.categories.map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
            classification = ClassificationView(
                categories: content.categories.enumerated().map {
                    CategoryView(activityID: activity.id, id: $1.id, label: $1.label, index: $0)
                },
                items: content.items.enumerated().map {
                    ClassificationItemView(
                        activityID: activity.id, id: $1.id, text: $1.text, index: $0, feedback: $1.feedback,
                        expectedLabel: labels[$1.category.id] ?? $1.category.id)
                },
                resources: citations(content.resources, in: thing, from: page))
        case .reflection(let content):
            reflection = ReflectionView(guidingPoints: content.guidingPoints, minWords: content.minWords)
        case .evidence(let content):
            evidence = EvidenceView(
                steps: content.steps,
                applicationFormURL: content.applicationFormURL.flatMap { HTMLSanitizer.scheme(of: $0) == "https" ? $0 : nil },
                acceptsPortfolioLink: content.acceptsPortfolioLink, declaration: content.declaration,
                guides: citations(content.guides, in: thing, from: page), evidenceFrom: content.evidenceFrom?.id)
        case .quiz(let content):
            quiz = QuizView(
                questions: content.questions.enumerated().map { index, question in
                    QuizQuestionView(
                        id: question.id, index: index, text: question.text,
                        inputType: question.mode == .single ? "radio" : "checkbox",
                        options: question.options.enumerated().map {
                            QuizOptionView(
                                groupName: "\(activity.id)-\(question.id)", index: $0, text: $1.text, feedback: $1.feedback)
                        })
                },
                passMarkText: Self.passMarkText(content), selfCheckText: Self.selfCheckText(content, online: siteURL != nil))
        case .explore(let content):
            explore = ExploreView(resources: citations(content.resources, in: thing, from: page))
        case .scenario(let content):
            scenario = scenarioView(content, activity: activity, in: thing, from: page, linked: linked)
        case .sequence(let content):
            sequence = SequenceView(
                steps: content.shuffledOrder(seed: activity.id).map { index in
                    SequenceStepView(
                        activityID: activity.id, index: index, text: content.steps[index].text,
                        feedback: content.steps[index].feedback)
                }, rightOrder: content.steps.map(\.text))
        case .reveal(let content):
            let origin = MediaReference.Origin.prompt(activityID: activity.id)
            reveal = RevealView(
                cards: content.cards.enumerated().map { index, card in
                    RevealCardView(
                        activityID: activity.id, index: index, front: card.front,
                        backHTML: markdownHTML(card.back, in: thing, origin: origin, from: page, linked: linked),
                        selfCheck: content.selfCheck)
                })
        }
        return ActivityView(
            id: activity.id, position: position, title: activity.title, kind: activity.kindName,
            promptHTML: markdownHTML(
                activity.prompt, in: thing, origin: .prompt(activityID: activity.id), from: page, linked: linked),
            required: activity.isRequired,
            classification: classification, reflection: reflection, evidence: evidence, quiz: quiz, explore: explore,
            scenario: scenario, sequence: sequence, reveal: reveal)
    }

    private func scenarioView(
        _ content: Scenario, activity: Activity, in thing: Thing, from page: String, linked: LockedValue<Set<String>>
    ) -> ScenarioView {
        let labels = Self.scenarioLabels(content)
        let origin = MediaReference.Origin.prompt(activityID: activity.id)
        let nodes = content.nodes.enumerated().map { index, node in
            ScenarioNodeView(
                activityID: activity.id, id: node.id, index: index, label: labels[node.id] ?? node.id,
                textHTML: markdownHTML(node.text, in: thing, origin: origin, from: page, linked: linked),
                isEnding: node.isEnding,
                debriefHTML: node.debrief.map { markdownHTML($0, in: thing, origin: origin, from: page, linked: linked) },
                choices: node.choices.enumerated().map { choiceIndex, choice in
                    ScenarioChoiceView(
                        index: choiceIndex, text: choice.text, nextLabel: labels[choice.next.id] ?? choice.next.id,
                        feedback: choice.feedback)
                }, isFirst: index == 0)
        }
        let passMark = content.passingScore.flatMap { mark in
            content.isScored
                ? "To pass, your path must earn at least \(Int((mark * 100).rounded()))% of the points of the best path."
                : nil
        }
        return ScenarioView(nodes: nodes, passMarkText: passMark)
    }

    /// "Moment 1", "Moment 2", … for choice points and "Ending 1", … for endings, in file order.
    static func scenarioLabels(_ scenario: Scenario) -> [String: String] {
        var labels: [String: String] = [:]
        var moments = 0
        var endings = 0
        for node in scenario.nodes where labels[node.id] == nil {
            if node.isEnding {
                endings += 1
                labels[node.id] = "Ending \(endings)"
            } else {
                moments += 1
                labels[node.id] = "Moment \(moments)"
            }
        }
        return labels
    }

    /// The Thing `offset` places from `thing` among the packaged Things, linked, in the HTML site only.
    private func neighbour(of thing: Thing, offset: Int, from page: String) -> ThingLinkView? {
        guard linksBetweenThings, let index = positions[thing.id], orderedThingIDs.indices.contains(index + offset),
            let other = course.thing(id: orderedThingIDs[index + offset])
        else { return nil }
        return ThingLinkView(label: other.label, href: href(toThing: other.id, from: page))
    }

    /// The page script's configuration as JSON (slashes escaped, so `</script>` cannot occur);
    /// `linkedThings` are the Things the page links to.
    func configurationJSON(for thing: Thing, linkedThings: Set<String> = []) throws -> String {
        let activities = thing.activities.map { activity -> RuntimeConfiguration.Activity in
            var entry = RuntimeConfiguration.Activity(
                id: activity.id, kind: activity.kindName, title: activity.title, required: activity.isRequired)
            switch activity.content {
            case .classification(let content):
                let ids = content.categories.map(\.id)
                entry.categories = ids
                entry.items = content.items.map(\.id)
                entry.answers = content.items.map { ids.firstIndex(of: $0.category.id) ?? -1 }
            case .reflection(let content):
                entry.minWords = content.minWords
            case .evidence(let content):
                entry.evidenceFrom = content.evidenceFrom?.id
            case .quiz(let content):
                entry.passingScore = content.passingScore
                entry.revealAnswers = content.revealAnswers.rawValue
                entry.revealAfterAttempts = content.revealAfterAttempts
                entry.maxAttempts = content.maxAttempts
                entry.questions = content.questions.map { question in
                    RuntimeConfiguration.Question(
                        id: question.id, correct: question.options.enumerated().filter { $1.isCorrect }.map(\.offset))
                }
            case .explore:
                break
            case .scenario(let content):
                let ids = content.nodes.map(\.id)
                entry.nodeIds = ids
                entry.nodes = content.nodes.map { node in
                    node.choices.map { [ids.firstIndex(of: $0.next.id) ?? -1, $0.points] }
                }
                if content.isScored {
                    entry.bestPoints = content.bestPathPoints
                    entry.passingScore = content.passingScore
                }
            case .sequence(let content):
                entry.shown = content.shuffledOrder(seed: activity.id)
            case .reveal(let content):
                entry.cards = content.cards.count
                entry.selfCheck = content.selfCheck
            }
            return entry
        }
        var configuration = RuntimeConfiguration(
            thingId: thing.id, title: thing.label, runtime: format.runtimeName,
            storageKey: Self.storageKey(course: course, thing: thing), suspendDataLimit: format.suspendDataLimit,
            failedStatus12: format == .scorm12 && lms.failedStatus12 != "failed" ? lms.failedStatus12 : nil,
            activities: activities)
        if navigatesBetweenThings {
            let page = layout.thingPage(id: thing.id)
            var targets: [String: String] = [:]
            // Only the Things this page links to: a map of every Thing would grow each page with the course.
            for id in linkedThings.sorted() where id != thing.id {
                guard let other = course.thing(id: id) else { continue }
                targets[PackageLayout.href(to: layout.thingPage(id: id), from: page)] = ManifestBuilder.itemID(other)
            }
            configuration.navigableThings = targets
        }
        return Self.scriptSafe(String(decoding: configuration.json.compactBytes(escapingSlashes: true), as: UTF8.self))
    }

    /// JSON that can sit inside a `<script>` element whatever an author wrote: every `<` escaped, so
    /// no title can close the script or open a comment, and U+2028/U+2029 escaped for old parsers.
    static func scriptSafe(_ json: String) -> String {
        guard json.contains(where: { $0 == "<" || $0 == "\u{2028}" || $0 == "\u{2029}" }) else { return json }
        return json.replacingOccurrences(of: "<", with: "\\u003c").replacingOccurrences(of: "\u{2028}", with: "\\u2028")
            .replacingOccurrences(of: "\u{2029}", with: "\\u2029")
    }

    /// The course index's view.
    func indexPage(things: [Thing]) -> IndexPageView {
        let page = layout.indexPage
        let views = things.map { thing in
            let badge = thing.badge.flatMap { badges.badge(id: $0.id) }
            return IndexThingView(
                number: thing.number, title: thing.title,
                href: PackageLayout.href(to: layout.thingPage(id: thing.id), from: page), aim: thing.aim,
                durationText: thing.durationMinutes.map(Self.durationText),
                statusKey: Self.storageKey(course: course, thing: thing) + ":status",
                badgeName: badge?.name, badgeImagePath: imagePath(badge?.image, from: page),
                collections: thing.countsTowards.compactMap { course.collection(id: $0.id)?.title },
                isDraft: thing.status != .published)
        }
        let shownCollections = course.collections.filter { collection in
            collection.members.contains { includedThingIDs.contains($0.id) }
        }
        let collections = shownCollections.map { collectionView($0, from: page) }
        // The programme map, from the Things this package holds.
        let shown = Set(things.map(\.id))
        func stops(_ references: [Reference]) -> [MapStopView] {
            references.compactMap { course.thing(id: $0.id) }.filter { shown.contains($0.id) }.map { mapStop($0, from: page) }
        }
        var sections: [MapSectionView] = []
        let start = stops(course.startWith)
        if !start.isEmpty {
            sections.append(
                MapSectionView(
                    id: "start", heading: "Start here", intro: "Take these Things first.", stops: start, badgeName: nil,
                    imagePath: nil, memberStatusKeys: nil))
        }
        for (index, collection) in shownCollections.enumerated() {
            let badge = collection.badge.flatMap { badges.badge(id: $0.id) }
            let members = collection.members.compactMap { course.thing(id: $0.id) }
            sections.append(
                MapSectionView(
                    id: "pathway-\(index + 1)", heading: collection.title,
                    intro: "A pathway: hold the badge of each Thing on it to earn its collection badge.",
                    stops: stops(collection.members), badgeName: badge?.name, imagePath: imagePath(badge?.image, from: page),
                    memberStatusKeys: members.map { Self.storageKey(course: course, thing: $0) + ":status" }
                        .joined(separator: " ")))
        }
        let placed = Set((course.startWith + course.finishWith + shownCollections.flatMap(\.members)).map(\.id))
        let others = things.filter { !placed.contains($0.id) }.map { mapStop($0, from: page) }
        let hasMap = !sections.isEmpty
        if hasMap, !others.isEmpty {
            sections.append(
                MapSectionView(
                    id: "others", heading: "Also in the programme", intro: "Take these in any order.", stops: others,
                    badgeName: nil, imagePath: nil, memberStatusKeys: nil))
        }
        let finish = stops(course.finishWith)
        if hasMap, !finish.isEmpty {
            sections.append(
                MapSectionView(
                    id: "finish", heading: "Finish with", intro: "Take these Things last.", stops: finish, badgeName: nil,
                    imagePath: nil, memberStatusKeys: nil))
        }
        return IndexPageView(
            language: course.language, courseTitle: course.title, description: course.description,
            cover: course.cover.flatMap { coverView($0, entry: media.courseCover, from: page) }, things: views,
            collections: collections, mapSections: sections, hasMap: hasMap,
            licence: course.licence.map { LicenceView(name: $0.name, url: $0.url) },
            attribution: course.attribution, assetsHref: assetsHref(from: page), generator: Self.generator,
            accentColour: accentColour, logo: course.logo.flatMap { coverView($0, entry: media.courseLogo, from: page) })
    }

    /// A Thing as a stop of the programme map on `page`.
    private func mapStop(_ thing: Thing, from page: String) -> MapStopView {
        MapStopView(
            number: thing.number, label: thing.label, href: href(toThing: thing.id, from: page),
            statusKey: Self.storageKey(course: course, thing: thing) + ":status",
            durationText: thing.durationMinutes.map(Self.durationText), isDraft: thing.status != .published,
            cover: thing.cover.flatMap {
                coverView($0, entry: media.entry(for: $0.image, origin: .cover, in: thing, of: course), from: page)
            })
    }

    /// The course colour for the pages, only when it is a plain `#RRGGBB` (it goes into a style element).
    private var accentColour: String? {
        guard let colour = course.colour, colour.count == 7, colour.first == "#",
            colour.dropFirst().allSatisfy(\.isHexDigit)
        else { return nil }
        return colour
    }

    /// Where a Thing's page keeps its progress in the browser.
    static func storageKey(course: Course, thing: Thing) -> String { "course-toolkit:\(course.id):\(thing.id)" }

    /// `url` without trailing slashes.
    static func trimmedSlash(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }

    /// The pass mark as the learner reads it before they start.
    static func passMarkText(_ quiz: Quiz) -> String {
        let percent = Int((quiz.passingScore * 100).rounded())
        let count = quiz.questions.count
        var text =
            "To pass, answer at least \(quiz.questionsToPass) of the \(count) \(count == 1 ? "question" : "questions") correctly (\(percent)%)."
        if let attempts = quiz.maxAttempts { text += " You have \(attempts) \(attempts == 1 ? "attempt" : "attempts")." }
        return text
    }

    /// The check as a page that scores nothing presents it: questions to test yourself with, and where
    /// the scored check is, when there is an online version.
    static func selfCheckText(_ quiz: Quiz, online: Bool) -> String {
        let count = quiz.questions.count
        let percent = Int((quiz.passingScore * 100).rounded())
        return online
            ? "Test yourself with these questions. The check online is scored: answering at least \(quiz.questionsToPass) of the \(count) correctly (\(percent)%) passes it."
            : "Test yourself with these questions; this page does not score them."
    }

    static func durationText(_ minutes: Int) -> String {
        if minutes < 60 { return "about \(minutes) minutes" }
        let hours = minutes / 60
        let rest = minutes % 60
        let hourText = hours == 1 ? "1 hour" : "\(hours) hours"
        return rest == 0 ? "about \(hourText)" : "about \(hourText) \(rest) minutes"
    }
}
