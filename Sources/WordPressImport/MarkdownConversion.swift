import CourseModel
import CourseXML

/// Where an address in a body leads once imported.
enum LinkTarget: Equatable {
    /// Another imported Thing: `thing-05.md`.
    case thing(id: String, file: String)
    /// A file copied into the course (path relative to the Thing file).
    case file(String)
    /// An https address.
    case url(String)
    /// Not kept as a link (the text stays); the reason goes to the report.
    case dropped(String)
}

/// Where a picture, video or audio of a body comes from once imported.
enum MediaTarget: Equatable {
    /// Copied into the course: the path relative to the Thing file, and the attachment's alt text.
    case local(path: String, alternativeText: String?)
    /// Left on another site (an https address).
    case remote(String)
    /// A YouTube or Vimeo player.
    case player(String)
    /// Not available: what to tell the author.
    case unavailable(String)
}

/// What the conversion needs from the import: every address decided in one place.
protocol ImportAddressBook {
    /// Where a link leads.
    func link(_ href: String) -> LinkTarget
    /// Where a picture comes from (`attachmentID` from the `wp-image-N` class, when there is one).
    func picture(_ source: String, attachmentID: Int?) -> MediaTarget
    /// Where a video, audio or embedded player comes from.
    func media(_ source: String) -> MediaTarget
    /// The pictures of a gallery: attachment ids (empty: the item's own attachments).
    func gallery(_ ids: [Int]) -> [(source: String, attachmentID: Int)]
    /// The transcript file to name for a player or media file (path relative to the Thing file).
    func transcript(for source: String) -> String
}

/// A block of the Markdown body, with what needs an author's eye in it.
struct MarkdownBlock {
    /// A heading (levels are shifted when the body is assembled).
    var headingLevel: Int?
    /// The block's Markdown.
    var text: String
    /// What to report about it.
    var findings: [ImportFinding] = []
}

/// Converts parsed body HTML to Markdown: headings, paragraphs, emphasis, nested lists, GFM tables,
/// links, pictures with their alt text, captions, galleries, video, audio and players. Only
/// Markdown comes out: every text is escaped, and scripts, styles and forms are dropped (and reported).
struct MarkdownConversion {
    /// The addresses.
    let addresses: any ImportAddressBook
    /// Findings about the inline text being converted (moved onto its block).
    private var pending: [ImportFinding] = []

    /// Elements dropped with everything in them.
    static let dropped: Set<String> = [
        "script", "style", "noscript", "template", "object", "applet", "embed", "frame", "frameset", "svg", "math",
        "canvas", "head", "title", "xmp", "plaintext", "noembed", "textarea", "select", "button", "input",
    ]

    /// Creates a conversion.
    init(addresses: any ImportAddressBook) {
        self.addresses = addresses
    }

    /// The blocks of `nodes`.
    mutating func blocks(_ nodes: [HTMLNode]) -> [MarkdownBlock] {
        var result: [MarkdownBlock] = []
        var run: [HTMLNode] = []
        func flush(_ conversion: inout MarkdownConversion) {
            defer { run = [] }
            let text = conversion.inline(run).trimmed
            let findings = conversion.takeFindings()
            if !text.isEmpty {
                result.append(MarkdownBlock(text: Self.escapingLineStart(text), findings: findings))
            } else if let last = result.indices.last {
                result[last].findings += findings
            } else if !findings.isEmpty {
                result.append(MarkdownBlock(text: "", findings: findings))
            }
        }
        for node in nodes {
            if case .element(let name, _, _) = node, Self.isBlock(name, node) {
                flush(&self)
                result += block(node)
            } else {
                run.append(node)
            }
        }
        flush(&self)
        return result.filter { !$0.text.isEmpty || !$0.findings.isEmpty }
    }

    private static func isBlock(_ name: String, _ node: HTMLNode) -> Bool {
        if [
            "p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "figure", "hr", "div",
            "section", "article", "main", "header", "footer", "aside", "nav", "details", "dl", "video", "audio", "iframe",
            "form", "address", "center", "fieldset",
        ].contains(name) {
            return true
        }
        return dropped.contains(name)
    }

    private mutating func takeFindings() -> [ImportFinding] {
        defer { pending = [] }
        return pending
    }

    // MARK: Blocks

    private mutating func block(_ node: HTMLNode) -> [MarkdownBlock] {
        guard case .element(let name, let attributes, let children) = node else { return [] }
        let attribute = { (key: String) in attributes.first { $0.name == key }?.value }
        if let note = attribute(WordPressMarkup.noteAttribute) { return [noteBlock(note)] }
        if let ids = attribute(WordPressMarkup.galleryAttribute) { return gallery(ids) }
        if Self.dropped.contains(name) {
            guard name != "style" else { return [] }
            return [noteBlock("a <\(name)> element was left out (pages never run scripts or embedded programs)")]
        }
        switch name {
        case "p", "address", "center":
            return blocks(children)
        case "h1", "h2", "h3", "h4", "h5", "h6":
            let text = inline(children).trimmed
            let findings = takeFindings()
            guard !text.isEmpty else { return findings.isEmpty ? [] : [MarkdownBlock(text: "", findings: findings)] }
            return [MarkdownBlock(headingLevel: Int(String(name.last!)) ?? 2, text: text, findings: findings)]
        case "ul", "ol":
            return [list(ordered: name == "ol", start: Int(attribute("start") ?? "") ?? 1, children)]
        case "blockquote":
            let inner = blocks(children)
            let text = Self.joined(inner).split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.isEmpty ? ">" : "> " + $0 }.joined(separator: "\n")
            return [MarkdownBlock(text: text, findings: inner.flatMap(\.findings))]
        case "pre":
            return [codeBlock(Self.textContent(node))]
        case "table":
            return [table(node)]
        case "hr":
            return [MarkdownBlock(text: "***")]
        case "figure":
            return figure(attributes: attributes, children: children)
        case "video", "audio":
            var source = attribute("src") ?? ""
            if source.isEmpty {
                source = Self.elements(named: "source", in: children).compactMap { Self.attribute("src", of: $0) }.first ?? ""
            }
            return [mediaBlock(source, label: name == "video" ? "Video" : "Audio")]
        case "iframe":
            let source = attribute("src") ?? ""
            let title = attribute("title")
            return [mediaBlock(source, label: title?.trimmed.isEmpty == false ? title! : "Embedded player")]
        case "form", "fieldset":
            return [noteBlock("a form was left out: pages here cannot send forms (link to the form on its own site instead)")]
        case "details":
            var summary = ""
            var rest: [HTMLNode] = []
            for child in children {
                if case .element("summary", _, let inner) = child { summary = inline(inner).trimmed } else { rest.append(child) }
            }
            let head = summary.isEmpty ? [] : [MarkdownBlock(text: "**\(summary)**")]
            return head + blocks(rest)
        case "dl":
            var result: [MarkdownBlock] = []
            for child in children {
                guard case .element(let childName, _, let inner) = child else { continue }
                if childName == "dt" {
                    result.append(MarkdownBlock(text: "**\(inline(inner).trimmed)**", findings: takeFindings()))
                } else {
                    result += blocks(inner)
                }
            }
            return result
        default:
            return blocks(children)
        }
    }

    private mutating func figure(attributes: [HTMLAttribute], children: [HTMLNode]) -> [MarkdownBlock] {
        let classes = attributes.first { $0.name == "class" }?.value ?? ""
        if classes.contains("wp-block-embed") {
            let url = Self.textContent(.element(name: "div", attributes: [], children: children)).trimmed
            return [mediaBlock(url, label: "Embedded video")]
        }
        var caption: [HTMLNode] = []
        var content: [HTMLNode] = []
        for child in children {
            if case .element("figcaption", _, let inner) = child { caption += inner } else { content.append(child) }
        }
        var result = blocks(content)
        let text = inline(caption).trimmed
        if !text.isEmpty {
            // The caption sits right under its picture, in italics.
            result.append(MarkdownBlock(text: "*\(text)*", findings: takeFindings()))
        }
        return result
    }

    private mutating func gallery(_ ids: String) -> [MarkdownBlock] {
        let numbers = ids.split(separator: ",").compactMap { Int($0.trimmed) }
        let pictures = addresses.gallery(numbers)
        guard !pictures.isEmpty else { return [noteBlock("a gallery with no pictures the export names was left out")] }
        return pictures.map { picture in
            let text = image(source: picture.source, alternativeText: "", attachmentID: picture.attachmentID)
            return MarkdownBlock(text: text, findings: takeFindings())
        }
    }

    private mutating func mediaBlock(_ source: String, label: String) -> MarkdownBlock {
        let address: String
        let what: String
        switch addresses.media(source) {
        case .player(let url), .remote(let url):
            (address, what) = (url, "the player has no captions or transcript")
        case .local(let path, _):
            (address, what) = (
                path, "the \(label.lowercased()) has no captions or transcript (a .vtt file beside it would do too)"
            )
        case .unavailable(let reason):
            return noteBlock(reason)
        }
        let transcript = addresses.transcript(for: source)
        return MarkdownBlock(
            text: "![\(Self.escaped(label))](<\(address)> \"transcript: \(transcript)\")",
            findings: [.attention("\(what): write what it says in \(transcript.replacingOccurrences(of: "../", with: ""))")])
    }

    private func codeBlock(_ text: String) -> MarkdownBlock {
        var longest = 0
        var current = 0
        for character in text {
            current = character == "`" ? current + 1 : 0
            longest = max(longest, current)
        }
        let fence = String(repeating: "`", count: max(3, longest + 1))
        let body = text.hasSuffix("\n") ? String(text.dropLast()) : text
        return MarkdownBlock(text: "\(fence)\n\(body)\n\(fence)")
    }

    /// A visible note in the body, which the `placeholder-text` rule keeps reporting until it is gone.
    private mutating func noteBlock(_ text: String) -> MarkdownBlock {
        let findings = takeFindings()
        return MarkdownBlock(
            text: "> **Import note:** \(Self.escaped(text)). \(ScaffoldPlaceholder.importNote)",
            findings: findings + [.attention(text)])
    }

    private mutating func list(ordered: Bool, start: Int, _ items: [HTMLNode]) -> MarkdownBlock {
        var lines: [String] = []
        var findings: [ImportFinding] = []
        var number = max(start, 0)
        for item in items {
            guard case .element("li", _, let children) = item else { continue }
            let marker = ordered ? "\(number). " : "- "
            number += 1
            let inner = blocks(children)
            findings += inner.flatMap(\.findings)
            let indent = String(repeating: " ", count: marker.count)
            var itemLines: [String] = []
            for (index, block) in inner.enumerated() where !block.text.isEmpty {
                let isList = block.text.hasPrefix("- ") || block.text.first?.isNumber == true
                if index > 0 && !isList { itemLines.append("") }
                itemLines += block.text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            }
            if itemLines.isEmpty { itemLines = [""] }
            lines.append(marker + itemLines[0])
            lines += itemLines.dropFirst().map { $0.isEmpty ? "" : indent + $0 }
        }
        return MarkdownBlock(text: lines.joined(separator: "\n"), findings: findings)
    }

    private mutating func table(_ node: HTMLNode) -> MarkdownBlock {
        var rows: [[String]] = []
        var headerRow = false
        for row in Self.elements(named: "tr", in: [node]) {
            guard case .element(_, _, let cells) = row else { continue }
            var texts: [String] = []
            for cell in cells {
                guard case .element(let cellName, _, let inner) = cell, cellName == "td" || cellName == "th" else { continue }
                if rows.isEmpty && cellName == "th" { headerRow = true }
                let text = inline(inner).replacingOccurrences(of: "\\\n", with: " ").replacingOccurrences(of: "\n", with: " ")
                texts.append(text.trimmed.replacingOccurrences(of: "|", with: "\\|"))
            }
            if !texts.isEmpty { rows.append(texts) }
        }
        let findings = takeFindings()
        guard !rows.isEmpty else { return MarkdownBlock(text: "", findings: findings) }
        let width = rows.map(\.count).max() ?? 1
        let padded = rows.map { $0 + Array(repeating: "", count: width - $0.count) }
        // GFM tables need a header row: an empty one when the table has none.
        let header = headerRow ? padded[0] : Array(repeating: " ", count: width)
        let body = headerRow ? Array(padded.dropFirst()) : padded
        var lines = ["| " + header.joined(separator: " | ") + " |", "|" + Array(repeating: " --- |", count: width).joined()]
        lines += body.map { "| " + $0.joined(separator: " | ") + " |" }
        return MarkdownBlock(text: lines.joined(separator: "\n"), findings: findings)
    }

    // MARK: Inline

    /// The inline Markdown of `nodes` (white space collapsed as a browser would).
    mutating func inline(_ nodes: [HTMLNode]) -> String {
        var output = ""
        for node in nodes {
            switch node {
            case .text(let text):
                output += Self.escaped(Self.collapsingSpace(text))
            case .element(let name, let attributes, let children):
                output += inlineElement(name, attributes, children)
            }
        }
        return Self.collapsingSpace(output, keepingBreaks: true)
    }

    private mutating func inlineElement(_ name: String, _ attributes: [HTMLAttribute], _ children: [HTMLNode]) -> String {
        let attribute = { (key: String) in attributes.first { $0.name == key }?.value }
        if Self.dropped.contains(name) {
            if name != "style" { pending.append(.removed("a <\(name)> element was left out")) }
            return ""
        }
        switch name {
        case "strong", "b": return Self.wrapped(inline(children), "**")
        case "em", "i", "cite", "dfn", "var": return Self.wrapped(inline(children), "*")
        case "del", "s", "strike": return Self.wrapped(inline(children), "~~")
        case "code", "kbd", "samp", "tt":
            let text = Self.textContent(.element(name: name, attributes: [], children: children))
            let fence = text.contains("`") ? "``" : "`"
            return text.isEmpty ? "" : "\(fence)\(text.hasPrefix("`") ? " " : "")\(text)\(text.hasSuffix("`") ? " " : "")\(fence)"
        case "q": return "“" + inline(children) + "”"
        case "br": return "\\\n"
        case "img":
            let classes = attribute("class") ?? ""
            let attachment = classes.split(separator: " ").first { $0.hasPrefix("wp-image-") }.flatMap { Int($0.dropFirst(9)) }
            return image(source: attribute("src") ?? "", alternativeText: attribute("alt") ?? "", attachmentID: attachment)
        case "a":
            return link(attribute("href") ?? "", children)
        default:
            if ["p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "figure", "figcaption", "blockquote"].contains(name) {
                return " " + inline(children) + " "
            }
            return inline(children)
        }
    }

    private mutating func link(_ href: String, _ children: [HTMLNode]) -> String {
        // A link around nothing but a picture (to the full-size file or its attachment page) is the picture.
        let meaningful = children.filter { if case .text(let text) = $0 { return !text.trimmed.isEmpty } else { return true } }
        if meaningful.count == 1, case .element("img", _, _) = meaningful[0] { return inline(meaningful) }
        let text = inline(children).trimmed
        guard !text.isEmpty else { return "" }
        switch addresses.link(href) {
        case .thing(_, let file): return "[\(text)](\(file))"
        case .file(let path): return "[\(text)](<\(path)>)"
        case .url(let url): return "[\(text)](<\(url)>)"
        case .dropped(let reason):
            pending.append(.removed(reason))
            return text
        }
    }

    private mutating func image(source: String, alternativeText: String, attachmentID: Int?) -> String {
        let target = addresses.picture(source, attachmentID: attachmentID)
        var alt = alternativeText.trimmed
        switch target {
        case .local(let path, let attachmentAlt):
            if alt.isEmpty { alt = attachmentAlt?.trimmed ?? "" }
            if alt.isEmpty {
                alt = ScaffoldPlaceholder.importedPictureAlt
                pending.append(
                    .attention("the picture \(path.split(separator: "/").last ?? "") has no alternative text: describe it"))
            }
            return "![\(Self.escaped(alt))](<\(path)>)"
        case .remote(let url), .player(let url):
            if alt.isEmpty {
                alt = ScaffoldPlaceholder.importedPictureAlt
                pending.append(.attention("a picture from \(url) has no alternative text: describe it"))
            }
            pending.append(.attention("the picture is still shown from \(url): copy it into files/ (or import with --uploads)"))
            return "![\(Self.escaped(alt))](<\(url)>)"
        case .unavailable(let reason):
            pending.append(.attention(reason))
            return "**Import note:** \(Self.escaped(reason)). \(ScaffoldPlaceholder.importNote)"
        }
    }

    // MARK: Text

    /// Text escaped so Markdown reads it as the same text.
    static func escaped(_ text: String) -> String {
        var result = ""
        var previous: Character = " "
        for character in text {
            switch character {
            case "\\", "`", "*", "[", "]", "<", ">", "|", "~": result += "\\" + String(character)
            case "_":
                // Inside a word an underscore is never emphasis.
                result += previous.isLetter || previous.isNumber ? "_" : "\\_"
            case "&": result += "&amp;"
            default: result.append(character)
            }
            previous = character
        }
        return result
    }

    /// A paragraph's text with a leading character that would start another block escaped.
    static func escapingLineStart(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            let trimmed = line.drop { $0 == " " }
            if let first = trimmed.first, "#+-=".contains(first) { return "\\" + trimmed }
            let digits = trimmed.prefix { $0.isNumber }
            if !digits.isEmpty, let after = trimmed.dropFirst(digits.count).first, after == "." || after == ")" {
                return digits + "\\" + trimmed.dropFirst(digits.count)
            }
            return String(trimmed)
        }.joined(separator: "\n")
    }

    private static func wrapped(_ text: String, _ marker: String) -> String {
        let inner = text.trimmed
        guard !inner.isEmpty else { return text }
        let leading = text.first?.isWhitespace == true ? " " : ""
        let trailing = text.last?.isWhitespace == true ? " " : ""
        return leading + marker + inner + marker + trailing
    }

    private static func collapsingSpace(_ text: String, keepingBreaks: Bool = false) -> String {
        var result = ""
        var lastWasSpace = false
        for character in text {
            if character == "\n" && keepingBreaks && result.hasSuffix("\\") {
                result.append("\n")
                lastWasSpace = true
            } else if character.isWhitespace && character != "\u{A0}" {
                if !lastWasSpace { result.append(" ") }
                lastWasSpace = true
            } else {
                result.append(character)
                lastWasSpace = false
            }
        }
        return result.replacingOccurrences(of: "\\\n ", with: "\\\n").replacingOccurrences(of: " \\\n", with: "\\\n")
    }

    /// Every element named `name` in `nodes`, depth first.
    static func elements(named name: String, in nodes: [HTMLNode]) -> [HTMLNode] {
        nodes.flatMap { node -> [HTMLNode] in
            guard case .element(let elementName, _, let children) = node else { return [] }
            return (elementName == name ? [node] : []) + elements(named: name, in: children)
        }
    }

    /// An attribute's value.
    static func attribute(_ name: String, of node: HTMLNode) -> String? {
        guard case .element(_, let attributes, _) = node else { return nil }
        return attributes.first { $0.name == name }?.value
    }

    /// All the text inside `node`.
    static func textContent(_ node: HTMLNode) -> String {
        switch node {
        case .text(let text): return text
        case .element(let name, _, let children):
            if dropped.contains(name) { return "" }
            let inner = children.map(textContent).joined()
            return name == "br" ? "\n" : inner
        }
    }

    /// Blocks joined with blank lines between them.
    static func joined(_ blocks: [MarkdownBlock]) -> String {
        blocks.filter { !$0.text.isEmpty }.map { block in
            block.headingLevel.map { String(repeating: "#", count: $0) + " " + block.text } ?? block.text
        }.joined(separator: "\n\n")
    }
}
