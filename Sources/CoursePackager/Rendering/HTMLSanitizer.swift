import CourseXML

/// An allowlist sanitiser for author HTML (Markdown output and imported pages), built on libxml2's
/// HTML parser: only known-safe elements and attributes survive, scripts and their content never do,
/// and links and images may only point at http(s), mailto or relative addresses.
public struct HTMLSanitizer: Sendable {
    /// What to do with a link to another Thing (or any relative link).
    public enum LinkDecision: Sendable, Equatable {
        /// Keep the link with this address.
        case keep(String)
        /// Keep the link to a file of the package with this address, as a download followed by a note
        /// on its type and size (`PDF, 1.2 MB`).
        case download(String, note: String)
        /// Drop the link, keeping its text.
        case unwrap
        /// Drop the link, keeping its text followed by a note in brackets (where to find a Thing that
        /// cannot be linked from this package).
        case unwrapWithNote(String)
    }

    /// An image as written in Markdown (`![text](source "title")`), for `rewriteImage` to decide on.
    public struct ImageReference: Sendable, Equatable {
        /// The source as written.
        public var source: String
        /// The alternative text.
        public var alternativeText: String
        /// The title, if any.
        public var title: String?
    }

    /// What to do with an image.
    public enum ImageDecision: Sendable, Equatable {
        /// Keep it as an image with this source and, when known, its size (shown lazily).
        case image(source: String, width: Int?, height: Int?)
        /// Show this markup instead (a video, an audio player, an embedded player), made by the toolkit
        /// with every value escaped, so it is trusted as it is.
        case markup(String)
        /// Leave it out.
        case drop
    }

    /// Elements removed together with everything inside them. Other unknown elements (`embed`,
    /// `form`, `input`, `link`, …) lose their tags and attributes but keep their text, because the
    /// HTML parser may have nested the following content inside them.
    static let droppedWithContent: Set<String> = [
        "script", "style", "iframe", "object", "applet", "frame", "frameset", "noscript", "template",
        "svg", "math", "textarea", "select", "title", "head", "audio", "video", "canvas", "noembed", "xmp", "plaintext",
    ]

    /// Elements kept, with the attributes each may keep.
    static let allowed: [String: Set<String>] = [
        "p": [], "br": [], "hr": [], "em": [], "strong": [], "b": [], "i": [], "u": [], "s": [], "del": [], "ins": [],
        "sub": [], "sup": [], "small": [], "mark": [], "abbr": ["title"], "cite": [], "q": [], "kbd": [], "code": ["class"],
        "pre": [], "blockquote": [], "ul": [], "ol": ["start"], "li": [], "dl": [], "dt": [], "dd": [],
        "h2": ["id"], "h3": ["id"], "h4": ["id"], "h5": ["id"], "h6": ["id"],
        "a": ["href", "title"], "img": ["src", "alt", "title", "width", "height"],
        "table": [], "thead": [], "tbody": [], "tfoot": [], "tr": [], "th": ["align", "scope"], "td": ["align"],
        "caption": [], "figure": [], "figcaption": [], "span": [], "div": [],
    ]

    /// Elements written without an end tag.
    static let voidElements: Set<String> = ["br", "hr", "img"]

    /// Decides what happens to relative links (Thing links); absolute http(s) and mailto links are kept.
    public var rewriteRelativeLink: @Sendable (String) -> LinkDecision
    /// Decides what happens to images with a safe source; by default they are kept as written.
    public var rewriteImage: @Sendable (ImageReference) -> ImageDecision

    /// Creates a sanitiser; by default relative links are unwrapped and images kept.
    public init(
        rewriteRelativeLink: @escaping @Sendable (String) -> LinkDecision = { _ in .unwrap },
        rewriteImage: @escaping @Sendable (ImageReference) -> ImageDecision = {
            .image(source: $0.source, width: nil, height: nil)
        }
    ) {
        self.rewriteRelativeLink = rewriteRelativeLink
        self.rewriteImage = rewriteImage
    }

    /// The sanitised form of `html`.
    public func sanitize(_ html: String) -> String {
        var output = ""
        for node in HTMLFragmentParser.parse(html) { write(node, into: &output) }
        return output
    }

    private func write(_ node: HTMLNode, into output: inout String) {
        switch node {
        case .text(let text):
            output += Self.escapeText(text)
        case .element(var name, let attributes, let children):
            if Self.droppedWithContent.contains(name) { return }
            if name == "h1" { name = "h2" }
            // A paragraph holding nothing but media shown as a figure (a video, a player) gives way to
            // the figure: a figure may not sit inside a paragraph.
            if name == "p", let figure = figureMarkup(alone: children) {
                output += figure
                return
            }
            guard let allowedAttributes = Self.allowed[name] else {
                for child in children { write(child, into: &output) }
                return
            }
            if name == "img" {
                writeImage(attributes, into: &output)
                return
            }
            var kept: [HTMLAttribute] = []
            var downloadNote: String?
            for attribute in attributes where allowedAttributes.contains(attribute.name) {
                switch attribute.name {
                case "href":
                    switch linkDecision(for: attribute.value) {
                    case .keep(let address): kept.append(HTMLAttribute(name: "href", value: address))
                    case .download(let address, let note):
                        kept.append(HTMLAttribute(name: "href", value: address))
                        kept.append(HTMLAttribute(name: "download", value: ""))
                        downloadNote = note
                    case .unwrap:
                        for child in children { write(child, into: &output) }
                        return
                    case .unwrapWithNote(let note):
                        for child in children { write(child, into: &output) }
                        output += " <span class=\"thing-ref-note\">(\(Self.escapeText(note)))</span>"
                        return
                    }
                case "src":
                    guard Self.isSafeImageSource(attribute.value) else { continue }
                    kept.append(attribute)
                case "class":
                    // Only cmark's code-language classes.
                    if attribute.value.hasPrefix("language-"),
                        attribute.value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" })
                    {
                        kept.append(attribute)
                    }
                default:
                    kept.append(attribute)
                }
            }
            if name == "img", !kept.contains(where: { $0.name == "src" }) { return }
            if name == "a", !kept.contains(where: { $0.name == "href" }) {
                for child in children { write(child, into: &output) }
                return
            }
            if name == "a", let href = kept.first(where: { $0.name == "href" })?.value, Self.isExternal(href) {
                kept.append(HTMLAttribute(name: "rel", value: "noopener noreferrer"))
            }
            output += "<\(name)"
            for attribute in kept {
                // `download` is a boolean attribute here: the file keeps its own name.
                output +=
                    attribute.name == "download" ? " download" : " \(attribute.name)=\"\(Self.escapeAttribute(attribute.value))\""
            }
            output += ">"
            if Self.voidElements.contains(name) { return }
            for child in children { write(child, into: &output) }
            output += "</\(name)>"
            if let downloadNote { output += " <span class=\"file-note\">(\(Self.escapeText(downloadNote)))</span>" }
        }
    }

    /// The markup of the one image among `children` (whitespace aside) when it is shown as markup.
    private func figureMarkup(alone children: [HTMLNode]) -> String? {
        let meaningful = children.filter {
            if case .text(let text) = $0 { return !text.allSatisfy(\.isWhitespace) }
            return true
        }
        guard meaningful.count == 1, case .element("img", let attributes, _) = meaningful[0],
            case .markup(let markup)? = decision(forImage: attributes)
        else { return nil }
        return markup
    }

    /// What `rewriteImage` decides for an image with these attributes; nil when its source is unsafe.
    private func decision(forImage attributes: [HTMLAttribute]) -> ImageDecision? {
        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        guard let source = value("src"), Self.isSafeImageSource(source) else { return nil }
        return rewriteImage(ImageReference(source: source, alternativeText: value("alt") ?? "", title: value("title")))
    }

    /// An image: its source checked, then kept, replaced or dropped as `rewriteImage` decides.
    private func writeImage(_ attributes: [HTMLAttribute], into output: inout String) {
        func value(_ name: String) -> String? { attributes.first { $0.name == name }?.value }
        guard let decision = decision(forImage: attributes) else { return }
        let reference = ImageReference(source: value("src") ?? "", alternativeText: value("alt") ?? "", title: value("title"))
        switch decision {
        case .drop:
            return
        case .markup(let markup):
            output += markup
        case .image(let address, let width, let height):
            output += "<img src=\"\(Self.escapeAttribute(address))\" alt=\"\(Self.escapeAttribute(reference.alternativeText))\""
            if let title = reference.title { output += " title=\"\(Self.escapeAttribute(title))\"" }
            // A picture of the package, whose size is known, keeps its place and loads as the learner scrolls.
            if let width, let height { output += " width=\"\(width)\" height=\"\(height)\" loading=\"lazy\"" }
            output += ">"
        }
    }

    private func linkDecision(for href: String) -> LinkDecision {
        let trimmed = href.trimmingWhitespaceAndControls()
        if let scheme = Self.scheme(of: trimmed) {
            return ["http", "https", "mailto"].contains(scheme) ? .keep(trimmed) : .unwrap
        }
        if trimmed.hasPrefix("#") { return .keep(trimmed) }
        if trimmed.hasPrefix("//") { return .unwrap }
        return rewriteRelativeLink(trimmed)
    }

    static func isSafeImageSource(_ source: String) -> Bool {
        let trimmed = source.trimmingWhitespaceAndControls()
        if let scheme = scheme(of: trimmed) { return scheme == "https" || scheme == "http" }
        return !trimmed.hasPrefix("//") && !trimmed.isEmpty
    }

    static func isExternal(_ href: String) -> Bool {
        href.hasPrefix("http://") || href.hasPrefix("https://")
    }

    /// The lowercase scheme of a URL, if it has one. Browsers ignore tabs and newlines inside
    /// schemes (`java\tscript:`), so those are removed before looking.
    static func scheme(of url: String) -> String? {
        let cleaned = url.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
        guard let colon = cleaned.firstIndex(of: ":") else { return nil }
        let candidate = cleaned[..<colon]
        if candidate.contains("/") || candidate.contains("?") || candidate.contains("#") { return nil }
        return candidate.lowercased()
    }

    /// Escapes text content (working on UTF-8 bytes: a page holds a lot of text).
    static func escapeText(_ text: String) -> String {
        escape(text, quotes: false)
    }

    /// Escapes an attribute value for double quotes.
    static func escapeAttribute(_ text: String) -> String {
        escape(text, quotes: true)
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0xC2 || (quotes && $0 == 0x22) }) else {
            return text
        }
        var output: [UInt8] = []
        output.reserveCapacity(utf8.count + 16)
        var previous: UInt8 = 0
        for byte in utf8 {
            switch byte {
            case 0x26: output += Array("&amp;".utf8)
            case 0x3C: output += Array("&lt;".utf8)
            case 0x3E: output += Array("&gt;".utf8)
            case 0x22 where quotes: output += Array("&quot;".utf8)
            case 0xA0 where previous == 0xC2:
                // U+00A0 (bytes C2 A0) as &nbsp;, so it survives editors that strip it.
                output.removeLast()
                output += Array("&nbsp;".utf8)
            default: output.append(byte)
            }
            previous = byte
        }
        return String(decoding: output, as: UTF8.self)
    }
}

extension String {
    fileprivate func trimmingWhitespaceAndControls() -> String {
        let scalars = unicodeScalars
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, scalars[start].value <= 0x20 { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].value <= 0x20 { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
