import CourseXML
import Foundation

/// The parts of a "23 Things" page that become fields rather than body text: the "Open Badge
/// Information" box, the "complete Thing N before" sentence, the "write at least N words" task,
/// the badge application paragraph and the link to the helpful-resources page.
struct ThingsPage {
    /// The badge name of the box's "Open Badge:" line.
    var badgeName: String?
    /// The collection names of its "Counts towards:" lines.
    var collectionNames: [String] = []
    /// Thing numbers to complete first, and whether they are required.
    var prerequisites: [Int] = []
    /// Whether the prerequisite sentence says "must".
    var prerequisitesRequired = false
    /// The writing task: its words and its minimum.
    var reflection: (nodes: [HTMLNode], minWords: Int)?
    /// The badge application paragraph was there; whether it mentions a blog or portfolio.
    var applies = false
    /// Whether the application paragraph allows a link to a blog or portfolio.
    var acceptsPortfolioLink = true
    /// The address of the helpful-resources page linked from the page.
    var resourcesPage: String?
    /// The body without the parts above.
    var body: [HTMLNode]

    /// Takes the parts out of `nodes` (top-level body nodes).
    init(_ allNodes: [HTMLNode]) {
        body = []
        // White space between blocks says nothing here, and would stand between a heading and its lines.
        let nodes = allNodes.filter { if case .text(let text) = $0 { return !text.trimmed.isEmpty } else { return true } }
        var index = 0
        while index < nodes.count {
            let node = nodes[index]
            index += 1
            if case .element(let name, _, let children) = node {
                // The box as a group: a <div> holding the heading.
                if name == "div", Self.containsBadgeHeading(children) {
                    readBadgeLines(Self.lines(of: node))
                    continue
                }
                // The box as loose paragraphs: the heading, then its lines up to the next heading.
                if Self.isHeading(name), Self.isBadgeHeading(node) {
                    while index < nodes.count, case .element(let next, _, _) = nodes[index], !Self.isHeading(next),
                        Self.lines(of: nodes[index]).contains(where: Self.isBadgeLine)
                    {
                        readBadgeLines(Self.lines(of: nodes[index]))
                        index += 1
                    }
                    continue
                }
                if name == "p", take(paragraph: node) { continue }
                if name == "ol" || name == "ul", reflection == nil {
                    body.append(takingReflection(fromList: node))
                    continue
                }
            }
            body.append(node)
        }
    }

    private static func isHeading(_ name: String) -> Bool { name.count == 2 && name.hasPrefix("h") && name.last!.isNumber }

    private static func isBadgeHeading(_ node: HTMLNode) -> Bool {
        MarkdownConversion.textContent(node).trimmed.lowercased().hasPrefix("open badge information")
    }

    private static func containsBadgeHeading(_ nodes: [HTMLNode]) -> Bool {
        nodes.contains { node in
            guard case .element(let name, _, let children) = node else { return false }
            return isHeading(name) && isBadgeHeading(node) || containsBadgeHeading(children)
        }
    }

    private static func isBadgeLine(_ line: String) -> Bool {
        let lower = line.lowercased()
        return lower.hasPrefix("open badge:") || lower.hasPrefix("counts towards:")
    }

    private mutating func readBadgeLines(_ lines: [String]) {
        for line in lines {
            let lower = line.lowercased()
            if lower.hasPrefix("open badge:") {
                badgeName = String(line.dropFirst("open badge:".count)).trimmed
            } else if lower.hasPrefix("counts towards:") {
                collectionNames += String(line.dropFirst("counts towards:".count)).split(separator: ";")
                    .map { String($0).trimmed }.filter { !$0.isEmpty }
            }
        }
    }

    /// Takes a paragraph that is one of the parts; false when it is body text.
    private mutating func take(paragraph: HTMLNode) -> Bool {
        let text = MarkdownConversion.textContent(paragraph).trimmed
        let lower = text.lowercased()
        if prerequisites.isEmpty, let numbers = Self.prerequisiteNumbers(lower) {
            prerequisites = numbers
            prerequisitesRequired = lower.contains("must ") || lower.contains("need to ") || lower.contains("required")
            return true
        }
        if reflection == nil, let words = Self.minimumWords(lower) {
            reflection = (Self.children(of: paragraph), words)
            return true
        }
        if lower.contains("apply for the badge") || lower.contains("badge application form") {
            applies = true
            acceptsPortfolioLink = lower.contains("blog") || lower.contains("portfolio") || lower.contains("link")
            return true
        }
        if resourcesPage == nil,
            let link = MarkdownConversion.elements(named: "a", in: [paragraph]).first(where: {
                MarkdownConversion.textContent($0).lowercased().contains("helpful resources")
            }), let href = MarkdownConversion.attribute("href", of: link), text.count < 200
        {
            resourcesPage = href
            return true
        }
        return false
    }

    private mutating func takingReflection(fromList list: HTMLNode) -> HTMLNode {
        guard case .element(let name, let attributes, let items) = list else { return list }
        var kept: [HTMLNode] = []
        for item in items {
            if reflection == nil, case .element("li", _, let children) = item,
                let words = Self.minimumWords(MarkdownConversion.textContent(item).lowercased())
            {
                reflection = (children, words)
                continue
            }
            kept.append(item)
        }
        return .element(name: name, attributes: attributes, children: kept)
    }

    private static func children(of node: HTMLNode) -> [HTMLNode] {
        if case .element(_, _, let children) = node { return children }
        return [node]
    }

    /// "complete Thing 5 before", "complete Things 1 to 4 before": the numbers.
    static func prerequisiteNumbers(_ lower: String) -> [Int]? {
        guard lower.count < 300,
            let match = lower.firstMatch(
                of: #/complet\w*\s+things?\s+(\d{1,3})(?:\s*(?:to|-|–|and|&)\s*(\d{1,3}))?[^.]*?\b(?:before|first)/#)
        else { return nil }
        let first = Int(match.1) ?? 0
        let last = match.2.flatMap { Int($0) } ?? first
        guard first >= 1, last >= first, last - first < 100 else { return nil }
        return Array(first...last)
    }

    /// "write at least 200 words", "a blog post of at least 300 words": the minimum.
    static func minimumWords(_ lower: String) -> Int? {
        guard let match = lower.firstMatch(of: #/at\s+least\s+(\d{2,5})\s+words/#),
            lower.contains("write") || lower.contains("blog") || lower.contains("statement") || lower.contains("reflect")
        else { return nil }
        return Int(match.1)
    }

    /// The text lines of `node`: its paragraphs and line breaks.
    static func lines(of node: HTMLNode) -> [String] {
        var lines: [String] = []
        var current = ""
        func walk(_ node: HTMLNode) {
            switch node {
            case .text(let text): current += text
            case .element(let name, _, let children):
                let isBlock = ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br"].contains(name)
                if isBlock {
                    lines.append(current)
                    current = ""
                }
                children.forEach(walk)
                if isBlock {
                    lines.append(current)
                    current = ""
                }
            }
        }
        walk(node)
        lines.append(current)
        return lines.flatMap { $0.split(separator: "\n").map { String($0).trimmed } }.filter { !$0.isEmpty }
    }
}
