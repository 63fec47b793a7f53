import Foundation

/// Turns a WordPress body as stored (block comments, shortcodes, the classic editor's blank-line
/// paragraphs) into plain HTML that libxml2's HTML parser reads, marking what has no HTML of its own
/// (a dynamic block, an unknown shortcode, a gallery) with `data-import-*` elements the Markdown
/// conversion turns into content or a visible note. Every value taken from a shortcode is escaped.
enum WordPressMarkup {
    /// The attribute marking a note element: its value says what was not converted.
    static let noteAttribute = "data-import-note"
    /// The attribute of a gallery element: the attachment ids, comma-separated (empty: the item's own).
    static let galleryAttribute = "data-import-gallery"

    /// Blocks whose saved HTML says what they show; every other block is replaced by a note.
    static let blocksWithHTML: Set<String> = [
        "paragraph", "heading", "list", "list-item", "image", "gallery", "table", "quote", "pullquote", "code",
        "preformatted", "verse", "separator", "spacer", "group", "columns", "column", "embed", "video", "audio",
        "file", "shortcode", "html", "buttons", "button", "media-text", "cover", "details", "more", "nextpage",
        "freeform", "classic", "missing", "footnotes",
    ]

    /// The body as HTML.
    static func html(from content: String) -> String {
        let normalised = content.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let hasBlocks = normalised.contains("<!-- wp:")
        let withoutBlocks = hasBlocks ? resolvingBlocks(normalised) : normalised
        let withShortcodes = Shortcodes.html(from: withoutBlocks)
        return hasBlocks ? withShortcodes : AutoParagraph.paragraphs(withShortcodes)
    }

    /// A note element saying `text`.
    static func note(_ text: String) -> String {
        "<div \(noteAttribute)=\"\(escaped(text))\"></div>"
    }

    /// `text` escaped for an HTML attribute value or text.
    static func escaped(_ text: String) -> String {
        var result = ""
        for character in text {
            switch character {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(character)
            }
        }
        return result
    }

    /// Block comments removed; a block without HTML of its own (and everything inside it) replaced
    /// by a note naming it.
    static func resolvingBlocks(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<!--") {
            output += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else {
                rest = rest[open.upperBound...]
                break
            }
            let comment = BlockComment(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            guard let comment, !comment.isClosing else { continue }
            let short = comment.name.hasPrefix("core/") ? String(comment.name.dropFirst(5)) : comment.name
            if blocksWithHTML.contains(short) { continue }
            output += note("the WordPress block “\(comment.name)” has no equivalent here")
            if comment.isSelfClosing { continue }
            rest = skippingBlock(named: comment.name, in: rest)
        }
        return output + rest
    }

    /// `text` after the closing comment of the block `name` whose opening comment came just before
    /// (nested blocks of the same name counted); empty when it never closes.
    private static func skippingBlock(named name: String, in text: Substring) -> Substring {
        var depth = 1
        var rest = text
        while let open = rest.range(of: "<!--"), let close = rest[open.upperBound...].range(of: "-->") {
            let comment = BlockComment(rest[open.upperBound..<close.lowerBound])
            rest = rest[close.upperBound...]
            guard let comment, comment.name == name, !comment.isSelfClosing else { continue }
            depth += comment.isClosing ? -1 : 1
            if depth == 0 { return rest }
        }
        return ""
    }
}

/// One `<!-- wp:name {…} -->`, `<!-- /wp:name -->` or `<!-- wp:name /-->` comment.
struct BlockComment {
    /// `paragraph`, `core/paragraph` or `plugin/name`.
    var name: String
    /// `<!-- /wp:… -->`.
    var isClosing: Bool
    /// `<!-- wp:… /-->`.
    var isSelfClosing: Bool

    /// The block comment `inner` (between `<!--` and `-->`) is, or nil for any other comment.
    init?(_ inner: Substring) {
        var text = Substring(inner.trimmed)
        isClosing = text.hasPrefix("/wp:")
        if isClosing { text = text.dropFirst() }
        guard text.hasPrefix("wp:") else { return nil }
        text = text.dropFirst(3)
        let nameEnd = text.firstIndex(where: Self.endsName) ?? text.endIndex
        name = String(text[..<nameEnd]).lowercased()
        guard !name.isEmpty else { return nil }
        isSelfClosing = !isClosing && text.hasSuffix("/")
    }

    private static func endsName(_ character: Character) -> Bool {
        !(character.isLetter || character.isNumber || character == "/" || character == "-" || character == "_")
    }
}

/// WordPress shortcodes (`[caption]…[/caption]`, `[gallery ids="…"]`, `[video mp4="…"]`, …) turned
/// into HTML; one the importer does not know becomes a note quoting it, never silently dropped.
enum Shortcodes {
    /// The body with its shortcodes replaced.
    static func html(from text: String) -> String {
        let characters = Array(text)
        var output = ""
        var index = 0
        while index < characters.count {
            guard characters[index] == "[", let code = Shortcode.parse(characters, at: index) else {
                output.append(characters[index])
                index += 1
                continue
            }
            output += replacement(for: code)
            index = code.end
        }
        return output
    }

    /// Shortcodes known by name even when written bare (`[gallery]`); any other bracketed word
    /// without attributes or a closing tag is text (`[sic]`).
    static let known: Set<String> = ["caption", "wp_caption", "gallery", "video", "audio", "embed", "playlist"]

    private static func replacement(for code: Shortcode) -> String {
        switch code.name {
        case "caption", "wp_caption":
            let (media, caption) = splitCaption(code.content ?? "")
            let text = caption.isEmpty ? (code.attributes["caption"] ?? "") : caption
            return "\n\n<figure>\(media)<figcaption>\(text)</figcaption></figure>\n\n"
        case "gallery":
            let ids = code.attributes["ids"] ?? code.attributes["include"] ?? ""
            return "\n\n<div \(WordPressMarkup.galleryAttribute)=\"\(WordPressMarkup.escaped(ids))\"></div>\n\n"
        case "video", "audio":
            let keys = code.name == "video" ? ["src", "mp4", "m4v", "webm", "ogv"] : ["src", "mp3", "m4a", "ogg", "wav"]
            guard let source = keys.compactMap({ code.attributes[$0] }).first(where: { !$0.isEmpty }) else {
                return WordPressMarkup.note("the [\(code.name)] shortcode names no file: \(code.source)")
            }
            return "\n\n<\(code.name) src=\"\(WordPressMarkup.escaped(source))\"></\(code.name)>\n\n"
        case "embed":
            let url = (code.content ?? code.attributes["src"] ?? "").trimmed
            return "\n\n<figure class=\"wp-block-embed\"><div>\(WordPressMarkup.escaped(url))</div></figure>\n\n"
        default:
            return "\n\n" + WordPressMarkup.note("the WordPress shortcode \(code.source) has no equivalent here") + "\n\n"
        }
    }

    /// A caption's picture (an `<img>`, maybe inside a link) and its caption text.
    private static func splitCaption(_ content: String) -> (media: String, caption: String) {
        guard let imageStart = content.range(of: "<img") else { return ("", content.trimmed) }
        guard let imageEnd = content[imageStart.upperBound...].range(of: ">") else { return ("", content.trimmed) }
        var end = imageEnd.upperBound
        if let closingLink = content[end...].range(of: "</a>"), content[end..<closingLink.lowerBound].trimmed.isEmpty {
            end = closingLink.upperBound
        }
        return (String(content[..<end]), String(content[end...]).trimmed)
    }
}

/// One shortcode as written.
struct Shortcode {
    /// The lowercase name.
    var name: String
    /// Its attributes (`key="value"`, `key='value'`, `key=value`; bare values by position `0`, `1`, …).
    var attributes: [String: String]
    /// The enclosed content, for `[name]…[/name]`.
    var content: String?
    /// The shortcode as written (the opening tag only, for an enclosing one).
    var source: String
    /// The index after it.
    var end: Int

    /// The shortcode starting at `start` (a `[`), or nil when none starts there.
    static func parse(_ characters: [Character], at start: Int) -> Shortcode? {
        var index = start + 1
        // `[[name]]` is WordPress's escape for the literal text `[name]`.
        guard index < characters.count, characters[index] != "[" else { return nil }
        let nameStart = index
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || characters[index] == "_" || characters[index] == "-"
        {
            index += 1
        }
        guard index > nameStart, characters[nameStart].isLetter else { return nil }
        let name = String(characters[nameStart..<index]).lowercased()
        var attributeText = ""
        var quote: Character?
        while index < characters.count {
            let character = characters[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "]" {
                break
            } else if character == "[" || character == "\n" && attributeText.count > 2000 {
                return nil
            }
            attributeText.append(character)
            index += 1
        }
        guard index < characters.count, attributeText.isEmpty || attributeText.first!.isWhitespace || attributeText == "/"
        else { return nil }
        index += 1
        let selfClosing = attributeText.trimmed.hasSuffix("/")
        let attributes = parseAttributes(selfClosing ? String(attributeText.trimmed.dropLast()) : attributeText)
        let source = String(characters[start..<index])
        var content: String?
        var end = index
        if !selfClosing, let close = closingTag(name, in: characters, from: index) {
            content = String(characters[index..<close.start])
            end = close.end
        }
        guard Shortcodes.known.contains(name) || !attributes.isEmpty || content != nil else { return nil }
        return Shortcode(name: name, attributes: attributes, content: content, source: source, end: end)
    }

    private static func closingTag(_ name: String, in characters: [Character], from start: Int) -> (start: Int, end: Int)? {
        let tag = Array("[/\(name)]")
        var index = start
        while index + tag.count <= characters.count {
            if characters[index] == "[",
                zip(characters[index..<index + tag.count], tag).allSatisfy({ $0.lowercased() == $1.lowercased() })
            {
                return (index, index + tag.count)
            }
            index += 1
        }
        return nil
    }

    private static func parseAttributes(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        let characters = Array(text)
        var index = 0
        var position = 0
        func skipSpaces() { while index < characters.count, characters[index].isWhitespace { index += 1 } }
        func value() -> String {
            guard index < characters.count else { return "" }
            if characters[index] == "\"" || characters[index] == "'" {
                let quote = characters[index]
                index += 1
                let start = index
                while index < characters.count, characters[index] != quote { index += 1 }
                defer { index = min(index + 1, characters.count) }
                return String(characters[start..<min(index, characters.count)])
            }
            let start = index
            while index < characters.count, !characters[index].isWhitespace { index += 1 }
            return String(characters[start..<index])
        }
        while true {
            skipSpaces()
            guard index < characters.count else { break }
            let keyStart = index
            while index < characters.count,
                characters[index].isLetter || characters[index].isNumber || "_-".contains(characters[index])
            {
                index += 1
            }
            let key = String(characters[keyStart..<index]).lowercased()
            if !key.isEmpty, index < characters.count, characters[index] == "=" {
                index += 1
                result[key] = value()
            } else {
                if key.isEmpty { index = keyStart }
                let bare = key.isEmpty ? value() : key
                if bare.isEmpty {
                    index += 1
                    continue
                }
                result[String(position)] = bare
                position += 1
            }
        }
        return result
    }
}

/// The classic editor's paragraphs: text separated by blank lines is a paragraph and a single line
/// break inside one is a `<br>`, as WordPress's `wpautop` shows them; a lone URL on its own line
/// is an embed.
enum AutoParagraph {
    /// Elements that are never wrapped in a paragraph.
    static let blockElements: Set<String> = [
        "table", "thead", "tfoot", "caption", "col", "colgroup", "tbody", "tr", "td", "th", "div", "dl", "dd", "dt",
        "ul", "ol", "li", "pre", "form", "map", "area", "blockquote", "address", "math", "style", "p", "h1", "h2", "h3",
        "h4", "h5", "h6", "hr", "fieldset", "legend", "section", "article", "aside", "hgroup", "header", "footer",
        "nav", "figure", "figcaption", "details", "menu", "summary", "video", "audio", "iframe", "script", "object",
        "select", "option", "noscript",
    ]

    /// `text` with its paragraphs marked up.
    static func paragraphs(_ text: String) -> String {
        // Pre-formatted text keeps its line breaks: set aside and put back unchanged.
        var kept: [String] = []
        var work = ""
        var rest = Substring(text)
        while let open = rest.range(of: "<pre", options: .caseInsensitive),
            let close = rest[open.upperBound...].range(of: "</pre>", options: .caseInsensitive)
        {
            work += rest[..<open.lowerBound]
            work += "\n\n\u{1}\(kept.count)\u{1}\n\n"
            kept.append(String(rest[open.lowerBound..<close.upperBound]))
            rest = rest[close.upperBound...]
        }
        work += rest
        let separated = separatingBlockTags(work)
        var output: [String] = []
        for chunk in separated.components(separatedBy: "\n\n") {
            let trimmed = chunk.trimmed
            guard !trimmed.isEmpty else { continue }
            if trimmed.hasPrefix("\u{1}"), let number = Int(trimmed.dropFirst().dropLast()), kept.indices.contains(number) {
                output.append(kept[number])
            } else if startsWithBlockTag(trimmed) {
                output.append(trimmed)
            } else if isLoneURL(trimmed) {
                output.append("<figure class=\"wp-block-embed\"><div>\(trimmed)</div></figure>")
            } else {
                output.append("<p>" + trimmed.replacingOccurrences(of: "\n", with: "<br />\n") + "</p>")
            }
        }
        return output.joined(separator: "\n\n")
    }

    /// A blank line put before each block element's opening tag and after its closing tag.
    private static func separatingBlockTags(_ text: String) -> String {
        var output = ""
        var rest = Substring(text)
        while let open = rest.firstIndex(of: "<") {
            output += rest[..<open]
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: ">") else {
                output += rest[open...]
                return output
            }
            let tag = rest[open...close]
            let name = tagName(tag)
            let isClosing = tag.hasPrefix("</")
            if blockElements.contains(name) {
                output += isClosing ? String(tag) + "\n\n" : "\n\n" + String(tag)
            } else {
                output += tag
            }
            rest = rest[rest.index(after: close)...]
        }
        return output + rest
    }

    private static func tagName(_ tag: Substring) -> String {
        String(tag.dropFirst().drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }).lowercased()
    }

    private static func startsWithBlockTag(_ chunk: String) -> Bool {
        chunk.hasPrefix("<") && blockElements.contains(tagName(Substring(chunk)))
    }

    private static func isLoneURL(_ chunk: String) -> Bool {
        (chunk.hasPrefix("https://") || chunk.hasPrefix("http://")) && !chunk.contains(where: \.isWhitespace)
            && !chunk.contains("<")
    }
}
