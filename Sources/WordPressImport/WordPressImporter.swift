import CourseMedia
import CourseModel
import CourseXML
import Foundation

/// Plans an import of a WordPress export into a course: one draft Thing per post or page that is a
/// Thing, their badges and collections, the media copied from the uploads folder, and a report of
/// every item. Nothing is written here: the plan is data, so the same export always plans the same bytes.
public enum WordPressImporter {
    /// Statuses of posts and pages that are imported.
    static let importedStatuses: Set<String> = ["publish", "private", "future", "pending"]

    /// The plan for `request`.
    public static func plan(_ request: ImportRequest) -> ImportPlan {
        var planner = Planner(request: request)
        return planner.run()
    }
}

/// A "Thing N: Title" title taken apart.
struct ThingTitle {
    /// N.
    var number: Int
    /// The title after the number.
    var title: String

    /// `text` read as a Thing title, or nil.
    init?(_ text: String) {
        guard let match = text.firstMatch(of: #/^\s*Thing\s+(\d{1,3})\s*[:.\-–—]\s*(.+)$/#.ignoresCase()),
            let number = Int(match.1), number >= 1
        else { return nil }
        self.number = number
        self.title = String(match.2).trimmed
    }
}

/// Works through one request: chooses and numbers the Things, converts each, and accounts for every item.
struct Planner {
    let request: ImportRequest
    let layout = WorkspaceLayout.standard
    var report: ImportReport
    let media: MediaCopies
    /// Thing items by post id: (number, title).
    var thingItems: [(item: WXRItem, number: Int, title: String)] = []
    /// Outcomes decided before the items are walked, by post id.
    var decided: [Int: String] = [:]
    /// Thing ids by address key.
    var thingByKey: [String: String] = [:]
    /// Items by address key (every post and page).
    var itemByKey: [String: WXRItem] = [:]
    /// Attachments by id and by uploads path.
    var attachmentsByID: [Int: WXRItem] = [:]
    var attachmentsByPath: [String: WXRItem] = [:]
    /// Pages used as helpful-resources pages: post id → Thing numbers.
    var resourcePageUse: [Int: [Int]] = [:]

    init(request: ImportRequest) {
        self.request = request
        report = ImportReport(
            siteTitle: request.export.siteTitle, exportName: request.exportName, courseFolder: request.courseFolder)
        media = MediaCopies(uploads: request.uploads, download: request.download, courseFolder: request.courseFolder)
    }

    var siteHost: String? { WXRAddress.host(request.export.siteURL) }

    mutating func run() -> ImportPlan {
        let items = request.export.items
        for item in items where item.postType == "attachment" {
            attachmentsByID[item.id] = item
            if let path = item.attachedFile { attachmentsByPath[path] = item }
        }
        chooseThings(items)
        for item in items where item.postType == "post" || item.postType == "page" {
            for key in [item.link, item.guid].compactMap(WXRAddress.key) { itemByKey[key] = item }
            if let host = siteHost {
                itemByKey[host + "?p=\(item.id)"] = item
                itemByKey[host + "?page_id=\(item.id)"] = item
            }
        }
        for thing in thingItems {
            let id = Self.thingID(thing.number)
            for key in [thing.item.link, thing.item.guid].compactMap(WXRAddress.key) { thingByKey[key] = id }
            if let host = siteHost {
                thingByKey[host + "?p=\(thing.item.id)"] = id
                thingByKey[host + "?page_id=\(thing.item.id)"] = id
            }
        }

        var plan = ImportPlan(report: report)
        var badgeNames: [String: (id: String, things: [String])] = [:]
        var collectionsByName: [String: (title: String, things: [String])] = [:]
        var collectionOrder: [String] = []
        var thingBadges: [String: ImportPlan.PlannedBadge] = [:]
        for thing in thingItems.sorted(by: { $0.number < $1.number }) {
            guard let converted = convert(thing.item, number: thing.number, title: thing.title) else { continue }
            plan.things.append(converted.thing)
            report.findings += converted.findings
            if let badge = converted.badge {
                thingBadges[converted.thing.id] = badge
                badgeNames[badge.id] = (badge.id, [converted.thing.id])
            }
            for name in converted.collections {
                let key = name.lowercased()
                if collectionsByName[key] == nil {
                    collectionsByName[key] = (name, [])
                    collectionOrder.append(key)
                }
                collectionsByName[key]!.things.append(converted.thing.id)
            }
        }
        plan.badges = plan.things.compactMap { thingBadges[$0.id] }
        var takenIDs = request.takenBadgeIDs.union(plan.badges.map(\.id))
        for key in collectionOrder {
            guard let entry = collectionsByName[key] else { continue }
            let title = Self.shortName(entry.title)
            if let existing = request.existingCollections[title.lowercased()] {
                plan.collections.append(.init(id: existing, title: title, badge: existing, things: entry.things, exists: true))
                continue
            }
            var id = slug(title, fallback: "collection")
            if takenIDs.contains(id) { id = request.courseID + "-" + id }
            takenIDs.insert(id)
            plan.collections.append(.init(id: id, title: title, badge: id, things: entry.things, exists: false))
            plan.badges.append(collectionBadge(id: id, name: entry.title, title: title, things: entry.things))
        }
        // The Things' files name the collection ids now decided.
        for index in plan.things.indices {
            let memberOf = plan.collections.filter { $0.things.contains(plan.things[index].id) }.map(\.id)
            plan.things[index].text = plan.things[index].text.replacingOccurrences(
                of: "countsTowards: [\u{1}]", with: "countsTowards: [\(memberOf.joined(separator: ", "))]")
        }
        plan.things += gapThings(plan.things)
        plan.things.sort { $0.number < $1.number }
        describeItems(items, plan: plan)
        plan.files = media.files
        report.copiedFiles = media.copiedPaths
        report.missingFiles = media.missing
        plan.report = report
        return plan
    }

    static func thingID(_ number: Int) -> String { number < 10 ? "thing-0\(number)" : "thing-\(number)" }

    /// "23 Things Sample Leadership – Six Leadership Capabilities" → "Six Leadership Capabilities".
    static func shortName(_ name: String) -> String {
        for separator in [" – ", " — ", " - ", ": "] {
            if let range = name.range(of: separator, options: .backwards) {
                let tail = String(name[range.upperBound...]).trimmed
                if !tail.isEmpty { return tail }
            }
        }
        return name
    }

    // MARK: Choosing

    mutating func chooseThings(_ items: [WXRItem]) {
        var used = Set(request.existingThings.keys)
        var unnumbered: [(WXRItem, String)] = []
        for item in items where item.postType == "post" || item.postType == "page" {
            let isDraft = !WordPressImporter.importedStatuses.contains(item.status)
            let title = ThingTitle(item.title)
            let chosen: Bool
            switch request.selection {
            case .things: chosen = title != nil
            case .all: chosen = true
            case .items(let keys): chosen = keys.contains(String(item.id)) || (!item.slug.isEmpty && keys.contains(item.slug))
            }
            guard chosen else {
                decided[item.id] =
                    "not imported: not a Thing (its title does not start “Thing N:”); import it with --select \(item.id)"
                continue
            }
            if isDraft && !request.includeDrafts {
                decided[item.id] = "not imported: a WordPress \(item.status) (--include-drafts imports it)"
                continue
            }
            if let title, !used.contains(title.number), !thingItems.contains(where: { $0.number == title.number }) {
                thingItems.append((item, title.number, title.title))
                used.insert(title.number)
            } else {
                unnumbered.append((item, title?.title ?? item.title.trimmed))
            }
        }
        var next = 1
        for (item, title) in unnumbered {
            while used.contains(next) || thingItems.contains(where: { $0.number == next }) { next += 1 }
            if let wanted = ThingTitle(item.title) {
                report.findings.append(
                    .attention(
                        "“\(item.title)” (item \(item.id)) claims Thing \(wanted.number), which another item or Thing has: it became Thing \(next)"
                    ))
            }
            thingItems.append((item, next, title))
            used.insert(next)
        }
    }

    // MARK: Converting one Thing

    struct ConvertedThing {
        var thing: ImportPlan.PlannedThing
        var badge: ImportPlan.PlannedBadge?
        var collections: [String]
        var findings: [ImportFinding]
    }

    mutating func convert(_ item: WXRItem, number: Int, title: String) -> ConvertedThing? {
        let id = Self.thingID(number)
        let path = layout.thingFile(id: id, inCourseFolder: request.courseFolder)
        guard item.content.utf8.count <= WXRLimits.maximumItemContentBytes else {
            decided[item.id] =
                "not imported: its body is \(item.content.utf8.count) bytes, over the \(WXRLimits.maximumItemContentBytes)-byte limit for one item"
            report.findings.append(
                ImportFinding(
                    kind: .removed,
                    message:
                        "item \(item.id) “\(item.title)” was left out: its body is over \(WXRLimits.maximumItemContentBytes) bytes",
                    file: request.exportName, line: item.line))
            return nil
        }
        let nodes = HTMLFragmentParser.parse(WordPressMarkup.html(from: item.content))
        let structured = ThingTitle(item.title) != nil
        let page = structured ? ThingsPage(nodes) : ThingsPage(body: nodes)
        var findings: [ImportFinding] = []
        let addresses = ItemAddresses(planner: self, item: item, media: media, thingID: id)
        var conversion = MarkdownConversion(addresses: addresses)
        var blocks = conversion.blocks(page.body)
        Self.shiftHeadings(&blocks)
        // A heading left with nothing under it (its task became an activity) goes too.
        while let last = blocks.last, last.headingLevel != nil, last.findings.isEmpty { blocks.removeLast() }
        findings += addresses.findings

        // The opening paragraph of a Thing page says what it is about: its aim.
        var aim: String?
        if structured, let first = blocks.first, first.headingLevel == nil, first.findings.isEmpty, first.text.count <= 600,
            !first.text.hasPrefix("!"), !first.text.hasPrefix(">"), !first.text.hasPrefix("-"), !first.text.contains("\n")
        {
            aim = MarkdownConversion.textContent(.text(first.text))
            blocks.removeFirst()
            findings.append(
                .attention("the aim is the page's opening paragraph: check it says what the Thing sets out to do", at: "aim:"))
        }

        var resources: [(id: String, title: String, url: String, notes: String)] = []
        if let href = page.resourcesPage {
            resources = helpfulResources(href, number: number, findings: &findings)
        }
        var reflectionPrompt: String?
        if let reflection = page.reflection {
            var promptConversion = MarkdownConversion(addresses: addresses)
            reflectionPrompt = promptConversion.inline(reflection.nodes).trimmed
        }

        // The badge and its collections.
        var badge: ImportPlan.PlannedBadge?
        if let name = page.badgeName, !name.isEmpty {
            var badgeID = id
            if request.takenBadgeIDs.contains(badgeID) { badgeID = request.courseID + "-" + id }
            badge = thingBadge(id: badgeID, name: name, number: number, title: title, minWords: page.reflection?.minWords)
        } else if structured {
            findings.append(
                .attention(
                    "the page has no “Open Badge Information” box, so the Thing has no badge yet (`toolkit new badge \(id)` makes one)"
                ))
        }

        var lines = ["---"]
        lines.append(
            "# Imported from WordPress: “\(Self.commentSafe(item.title))” (item \(item.id)\(item.link.isEmpty ? "" : ", \(Self.commentSafe(item.link))"))."
        )
        lines.append("# Check each place the import report lists, then set `status: published`.")
        lines.append("id: \(id)")
        lines.append("number: \(number)")
        lines.append("title: \(yamlQuoted(title.isEmpty ? "Thing \(number)" : title))")
        lines.append("status: draft")
        if let badge { lines.append("badge: \(badge.id)") }
        if !page.collectionNames.isEmpty { lines.append("countsTowards: [\u{1}]") }
        if let aim { lines.append("aim: \(yamlQuoted(aim))") }
        // The featured image is the picture under the Thing's title.
        if let thumbnail = item.meta["_thumbnail_id"].flatMap({ Int($0.trimmed) }), let attachment = attachmentsByID[thumbnail] {
            switch addresses.picture(attachment.attachmentURL, attachmentID: thumbnail) {
            case .local(let relative, let alternativeText):
                var alt = alternativeText?.trimmed ?? ""
                if alt.isEmpty {
                    alt = ScaffoldPlaceholder.importedPictureAlt
                    findings.append(.attention("the featured image has no alternative text: describe it", at: "  alt:"))
                }
                lines += ["cover:", "  image: \(yamlQuoted(String(relative.dropFirst(3))))", "  alt: \(yamlQuoted(alt))"]
            case .unavailable(let reason):
                findings.append(.attention("the featured image was not used as the cover: \(reason)"))
            case .remote, .player:
                findings.append(.attention("the featured image was not used as the cover: it is not in the uploads folder"))
            }
        }
        if !page.prerequisites.isEmpty {
            var present: [String] = []
            var absent: [Int] = []
            for prerequisite in page.prerequisites where prerequisite != number {
                let isKnown =
                    prerequisite <= max(thingItems.map(\.number).max() ?? 0, request.existingThings.keys.max() ?? 0)
                if isKnown { present.append(Self.thingID(prerequisite)) } else { absent.append(prerequisite) }
            }
            if !present.isEmpty {
                lines.append("prerequisites:")
                for thing in present {
                    lines.append("  - thing: \(thing)")
                    lines.append("    level: \(page.prerequisitesRequired ? "required" : "recommended")")
                }
            }
            if !absent.isEmpty {
                findings.append(
                    .attention(
                        "the page asks for Thing \(absent.map(String.init).joined(separator: ", ")) first, which the course does not have: add it to `prerequisites` once it exists",
                        at: "title:"))
            }
        }
        if let reflection = page.reflection, let prompt = reflectionPrompt {
            lines += [
                "activities:", "  - id: reflect", "    type: reflection",
                "    title: \(yamlQuoted("Reflect: write at least \(reflection.minWords) words"))",
                "    prompt: \(yamlQuoted(prompt))", "    minWords: \(reflection.minWords)", "    badgeEvidence: true",
                "  - id: submit-evidence", "    type: evidence", "    title: Submit your evidence", "    required: false",
                "    steps:", "      - Save or download your reflective statement.",
                "      - Send it with the badge application form\(page.acceptsPortfolioLink ? ", or give a link to the same statement on your own blog or ePortfolio" : "").",
                "    acceptsPortfolioLink: \(page.acceptsPortfolioLink)",
                "    declaration: I confirm that the evidence I am submitting is my own work.", "    evidenceFrom: reflect",
            ]
        } else if structured {
            findings.append(.attention("no “write at least N words” task was found, so the Thing has no activity yet"))
        }
        if !resources.isEmpty {
            lines.append("resources:")
            for resource in resources {
                lines += [
                    "  - id: \(resource.id)", "    title: \(yamlQuoted(resource.title))", "    kind: web-page",
                    "    url: \(yamlQuoted(resource.url))",
                ]
                if !resource.notes.isEmpty { lines.append("    notes: \(yamlQuoted(resource.notes))") }
            }
        }
        lines.append("---")
        lines.append("")
        let frontMatterLines = lines.count

        // The body, each block's findings placed on its first line.
        Self.separateAdjacentLists(&blocks)
        var bodyLines: [String] = []
        for block in blocks {
            let text = block.headingLevel.map { String(repeating: "#", count: $0) + " " + block.text } ?? block.text
            let start = frontMatterLines + bodyLines.count + 1
            for var finding in block.findings {
                finding.file = path
                finding.line = start
                findings.append(finding)
            }
            guard !text.isEmpty else { continue }
            bodyLines += text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            bodyLines.append("")
        }
        if bodyLines.isEmpty { bodyLines = [""] }
        for index in findings.indices where findings[index].file == nil {
            findings[index].file = path
            let anchor = findings[index].anchor ?? "title:"
            findings[index].line = (lines.firstIndex { $0.hasPrefix(anchor) } ?? 0) + 1
        }
        let text = (lines + bodyLines).joined(separator: "\n").trimmingTrailingNewlines + "\n"
        var outcome = "Thing \(number): \(path)"
        if let badge { outcome += ", badge `\(badge.id)`" }
        decided[item.id] = outcome
        return ConvertedThing(
            thing: .init(id: id, number: number, path: path, text: text, itemID: item.id), badge: badge,
            collections: page.collectionNames, findings: findings)
    }

    /// Two lists in a row stay two lists: Markdown joins lists with the same marker, so the second
    /// of a pair uses the other marker (`*` after `-`, `1)` after `1.`).
    static func separateAdjacentLists(_ blocks: inout [MarkdownBlock]) {
        func kind(_ text: String) -> String? {
            if text.hasPrefix("- ") { return "-" }
            if text.hasPrefix("* ") { return "*" }
            let digits = text.prefix { $0.isNumber }
            guard !digits.isEmpty else { return nil }
            let after = text.dropFirst(digits.count).prefix(2)
            return after == ". " ? "." : after == ") " ? ")" : nil
        }
        for index in blocks.indices.dropFirst() {
            guard blocks[index].headingLevel == nil, blocks[index - 1].headingLevel == nil,
                let current = kind(blocks[index].text), current == kind(blocks[index - 1].text)
            else { continue }
            let lines = blocks[index].text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
                switch current {
                case "-": return line.hasPrefix("- ") ? "* " + line.dropFirst(2) : String(line)
                case "*": return line.hasPrefix("* ") ? "- " + line.dropFirst(2) : String(line)
                default:
                    let digits = line.prefix { $0.isNumber }
                    guard !digits.isEmpty, line.dropFirst(digits.count).first == Character(current) else { return String(line) }
                    return digits + (current == "." ? ")" : ".") + line.dropFirst(digits.count + 1)
                }
            }
            blocks[index].text = lines.joined(separator: "\n")
        }
    }

    /// A heading structure that starts at `##` and never skips a level.
    static func shiftHeadings(_ blocks: inout [MarkdownBlock]) {
        guard let lowest = blocks.compactMap(\.headingLevel).min() else { return }
        let shift = 2 - lowest
        var previous = 1
        for index in blocks.indices {
            guard let level = blocks[index].headingLevel else { continue }
            let shifted = min(6, max(2, min(level + shift, previous + 1)))
            blocks[index].headingLevel = shifted
            previous = shifted
        }
    }

    private static func commentSafe(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }

    // MARK: Helpful resources

    mutating func helpfulResources(_ href: String, number: Int, findings: inout [ImportFinding])
        -> [(id: String, title: String, url: String, notes: String)]
    {
        guard let key = WXRAddress.key(WXRAddress.resolved(href, against: request.export.siteURL + "/")),
            let page = itemByKey[key]
        else {
            findings.append(
                .attention("the helpful-resources link \(href) leads to no page of the export: its resources were not imported"))
            return []
        }
        let nodes = HTMLFragmentParser.parse(WordPressMarkup.html(from: page.content))
        var inSection = false
        var resources: [(id: String, title: String, url: String, notes: String)] = []
        for node in nodes {
            guard case .element(let name, _, _) = node else { continue }
            if name.count == 2, name.hasPrefix("h") {
                let heading = MarkdownConversion.textContent(node).trimmed
                inSection = ThingTitle(heading + ": x")?.number == number || heading.lowercased() == "thing \(number)"
                continue
            }
            guard inSection else { continue }
            for item in MarkdownConversion.elements(named: "li", in: [node]) + (name == "p" ? [node] : []) {
                guard let link = MarkdownConversion.elements(named: "a", in: [item]).first,
                    let target = MarkdownConversion.attribute("href", of: link)
                else { continue }
                let resolved = WXRAddress.resolved(target, against: request.export.siteURL + "/")
                guard let scheme = WXRAddress.scheme(resolved), scheme == "https" || scheme == "http" else { continue }
                let title = MarkdownConversion.textContent(link).trimmed
                let whole = MarkdownConversion.textContent(item).trimmed
                var notes = whole.replacingOccurrences(of: title, with: "").trimmed
                if notes.hasPrefix("(") && notes.hasSuffix(")") { notes = String(notes.dropFirst().dropLast()).trimmed }
                var id = slug(title, limit: 40, fallback: "resource")
                var counter = 2
                while resources.contains(where: { $0.id == id }) {
                    id = slug(title, limit: 40, fallback: "resource") + "-\(counter)"
                    counter += 1
                }
                if scheme == "http" {
                    findings.append(.attention("the resource \(resolved) was an http address: check it works as https"))
                }
                resources.append((id, title.isEmpty ? resolved : title, WXRAddress.upgraded(resolved), notes))
            }
        }
        resourcePageUse[page.id, default: []].append(number)
        if resources.isEmpty {
            findings.append(
                .attention(
                    "the helpful-resources page “\(page.title)” has no section for Thing \(number): no resources were imported"))
        }
        return resources
    }

    // MARK: Badges

    func thingBadge(id: String, name: String, number: Int, title: String, minWords: Int?) -> ImportPlan.PlannedBadge {
        let programme = request.export.siteTitle.isEmpty ? "the programme" : request.export.siteTitle
        let evidence = minWords.map { ", with a reflective statement of at least \($0) words" } ?? ""
        let text = """
            # Imported from WordPress: the “Open Badge Information” box of Thing \(number).
            id: \(id)
            kind: thing
            name: \(yamlQuoted(name))
            listingName: \(yamlQuoted("Thing \(number): \(title)"))
            description: \(yamlQuoted("Awarded for completing Thing \(number), \(title), of \(programme)\(evidence)."))
            image: images/\(id).svg
            tags: [thing-\(number)]

            """
        return .init(
            id: id, path: layout.badgeClassFile(id: id), text: text, imagePath: layout.badgesFolder + "/images/\(id).svg",
            artLabel: String(number), artTitle: title)
    }

    func collectionBadge(id: String, name: String, title: String, things: [String]) -> ImportPlan.PlannedBadge {
        let numbers = things.compactMap { Int($0.dropFirst(6)) }.map(String.init).joined(separator: ", ")
        let text = """
            # Imported from WordPress: the collection the “Counts towards” lines name.
            id: \(id)
            kind: collection
            name: \(yamlQuoted(name))
            description: \(yamlQuoted("Awarded to holders of every Thing badge in the \(title) collection (Things \(numbers) so far)."))
            image: images/\(id).svg
            tags: [collection]

            """
        let initials = String(title.split(separator: " ").compactMap(\.first).filter(\.isLetter).prefix(3)).uppercased()
        return .init(
            id: id, path: layout.badgeClassFile(id: id), text: text, imagePath: layout.badgesFolder + "/images/\(id).svg",
            artLabel: initials.isEmpty ? "★" : initials, artTitle: title)
    }

    // MARK: Gaps and outcomes

    mutating func gapThings(_ things: [ImportPlan.PlannedThing]) -> [ImportPlan.PlannedThing] {
        let highest = things.map(\.number).max() ?? 0
        var result: [ImportPlan.PlannedThing] = []
        for number in 1..<max(highest, 1)
        where request.existingThings[number] == nil && !things.contains(where: { $0.number == number }) {
            let id = Self.thingID(number)
            let path = layout.thingFile(id: id, inCourseFolder: request.courseFolder)
            let text = """
                ---
                # Holds Thing \(number)'s place: Things are numbered 1 to N, and the export had no Thing \(number).
                id: \(id)
                number: \(number)
                status: draft
                ---

                > **Import note:** Thing \(number) was not in the WordPress export. \(ScaffoldPlaceholder.importNote)

                """
            result.append(.init(id: id, number: number, path: path, text: text, itemID: nil))
            report.findings.append(
                ImportFinding(
                    kind: .attention, message: "Thing \(number) was not in the export: a draft holds its place", file: path,
                    line: 8))
        }
        return result
    }

    mutating func describeItems(_ items: [WXRItem], plan: ImportPlan) {
        for item in items {
            var result: String
            if let known = decided[item.id] {
                result = known
            } else if item.postType == "attachment" {
                let users = item.attachedFile.flatMap { media.users[$0] }.map { $0.sorted().joined(separator: ", ") }
                result = users.map { "used by \($0)" } ?? "not used by an imported Thing"
            } else if let numbers = resourcePageUse[item.id] {
                result = "its links became resources of Thing \(numbers.map(String.init).joined(separator: ", "))"
            } else {
                result = "not imported: a \(item.postType.replacingOccurrences(of: "_", with: " ")) is not course content"
            }
            if let numbers = resourcePageUse[item.id], decided[item.id] != nil {
                result += "; its links became resources of Thing \(numbers.map(String.init).joined(separator: ", "))"
            }
            report.outcomes.append(
                .init(itemID: item.id, type: item.postType, status: item.status, title: item.title, result: result))
        }
    }

    // MARK: Addresses

    func thingLink(_ url: String) -> String? {
        WXRAddress.key(url).flatMap { thingByKey[$0] }
    }

    func attachment(forUploadsPath path: String) -> WXRItem? {
        attachmentsByPath[path] ?? attachmentsByPath[WXRAddress.originalOfVariant(path)]
    }
}

extension ThingsPage {
    /// A page read as plain body, with no 23 Things parts taken out.
    fileprivate init(body: [HTMLNode]) {
        self.body = body
    }
}

extension String {
    fileprivate var trimmingTrailingNewlines: String {
        var result = self
        while result.hasSuffix("\n") { result.removeLast() }
        return result
    }
}

/// The address book of one item: links, pictures and media decided against the planner's indexes.
private final class ItemAddresses: ImportAddressBook {
    let planner: Planner
    let item: WXRItem
    let media: MediaCopies
    let thingID: String
    var findings: [ImportFinding] = []

    init(planner: Planner, item: WXRItem, media: MediaCopies, thingID: String) {
        self.planner = planner
        self.item = item
        self.media = media
        self.thingID = thingID
    }

    private var base: String { item.link.isEmpty ? planner.request.export.siteURL + "/" : item.link }

    private func isOnSite(_ url: String) -> Bool {
        guard let host = WXRAddress.host(url) else { return false }
        return host == planner.siteHost || host.hasSuffix(".files.wordpress.com")
    }

    func link(_ href: String) -> LinkTarget {
        let trimmed = href.trimmed
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else {
            return .dropped("a link within the page (\(trimmed)) was kept as text")
        }
        let resolved = WXRAddress.resolved(trimmed, against: base)
        let scheme = WXRAddress.scheme(resolved) ?? ""
        if scheme == "mailto" { return .url(resolved) }
        guard scheme == "https" || scheme == "http" else {
            return .dropped("a `\(scheme):` link was removed (only https links are kept); its text stays")
        }
        if let thing = planner.thingLink(resolved) { return .thing(id: thing, file: thing + ".md") }
        if isOnSite(resolved), let uploads = WXRAddress.uploadsPath(of: resolved) {
            let source = planner.attachment(forUploadsPath: uploads)?.attachedFile ?? uploads
            switch media.copy(source, address: WXRAddress.upgraded(resolved), kind: "file") {
            case .success(let name):
                use(source)
                return .file("../files/" + name)
            case .failure(let refusal):
                findings.append(.attention(refusal.reason))
                return .url(WXRAddress.upgraded(resolved))
            }
        }
        if scheme == "http" {
            findings.append(.attention("the link \(resolved) was an http address and now uses https: check it works"))
        }
        if isOnSite(resolved) {
            findings.append(.attention("the link \(resolved) leads to a page of the old site that was not imported"))
        }
        return .url(WXRAddress.upgraded(resolved))
    }

    func picture(_ source: String, attachmentID: Int?) -> MediaTarget {
        let resolved = WXRAddress.resolved(source, against: base)
        if let uploads = WXRAddress.uploadsPath(of: resolved), isOnSite(resolved) || attachmentID != nil {
            let attachment = planner.attachment(forUploadsPath: uploads) ?? attachmentID.flatMap { planner.attachmentsByID[$0] }
            let original = attachment?.attachedFile ?? WXRAddress.originalOfVariant(uploads)
            let address = attachment.map(\.attachmentURL).flatMap { $0.isEmpty ? nil : $0 } ?? resolved
            switch media.copy(original, address: WXRAddress.upgraded(address), kind: "picture") {
            case .success(let name):
                use(original)
                return .local(path: "../files/" + name, alternativeText: attachment?.meta["_wp_attachment_image_alt"])
            case .failure(let refusal):
                return .unavailable(refusal.reason)
            }
        }
        guard let scheme = WXRAddress.scheme(resolved), scheme == "https" || scheme == "http" else {
            return Self.refusedAddress(resolved)
        }
        // With --download, a picture of another site is copied too, so the page works offline.
        if media.downloads, let host = WXRAddress.host(resolved), let components = URLComponents(string: resolved) {
            switch media.copy("downloads/\(host)\(components.path)", address: WXRAddress.upgraded(resolved), kind: "picture") {
            case .success(let copied): return .local(path: "../files/" + copied, alternativeText: nil)
            case .failure(let refusal): return .unavailable(refusal.reason)
            }
        }
        return .remote(WXRAddress.upgraded(resolved))
    }

    private static func refusedAddress(_ resolved: String) -> MediaTarget {
        let scheme = WXRAddress.scheme(resolved).map { "a `\($0.prefix(20)):` address" } ?? "an address that is not https"
        return .unavailable("a picture with \(scheme) was left out (pictures come from files/ or https)")
    }

    func media(_ source: String) -> MediaTarget {
        let resolved = WXRAddress.upgraded(WXRAddress.resolved(source.trimmed, against: base))
        if RemotePlayer.embedURL(for: resolved) != nil { return .player(resolved) }
        if let uploads = WXRAddress.uploadsPath(of: resolved), isOnSite(resolved) {
            let original = planner.attachment(forUploadsPath: uploads)?.attachedFile ?? uploads
            let kind = MediaFormat.byExtension[MediaFormat.fileExtension(of: original)]?.category == .audio ? "audio" : "video"
            switch media.copy(original, address: resolved, kind: kind) {
            case .success(let name):
                use(original)
                return .local(path: "../files/" + name, alternativeText: nil)
            case .failure(let refusal):
                return .unavailable(refusal.reason)
            }
        }
        if resolved.isEmpty { return .unavailable("an embedded player with no address was left out") }
        return .unavailable(
            "the embedded content at \(resolved) is not a player pages can show (YouTube and Vimeo are): link to it instead")
    }

    func gallery(_ ids: [Int]) -> [(source: String, attachmentID: Int)] {
        let attachments =
            ids.isEmpty
            ? planner.attachmentsByID.values.filter { $0.parentID == item.id }.sorted { $0.id < $1.id }
            : ids.compactMap { planner.attachmentsByID[$0] }
        return attachments.map { ($0.attachmentURL, $0.id) }
    }

    func transcript(for source: String) -> String {
        let name =
            RemotePlayer.embedURL(for: WXRAddress.upgraded(source)).map { String($0.split(separator: "/").last ?? "") }
            ?? String(source.split(separator: "/").last ?? "recording").split(separator: ".").first.map(String.init)
            ?? "recording"
        let file = media.transcript(
            named: name, text: "# Transcript\n\n\(ScaffoldPlaceholder.importedTranscript)\n")
        return "../files/" + file
    }

    private func use(_ uploadsPath: String) {
        // Recorded on the shared copies; the planner reads it when it describes attachments.
        media.users[uploadsPath, default: []].insert(thingID)
    }
}
