import CourseMarkdown
import CourseModel
import ToolkitSupport

/// A file or a player a Thing's page uses: a Markdown image or link in its body or in an activity's
/// prompt, or a resource's `file`. Validation and packaging find them the same way, here.
public struct MediaReference: Sendable, Hashable {
    /// Where the reference is written.
    public enum Origin: Sendable, Hashable {
        /// The Thing's Markdown body.
        case body
        /// The prompt of the activity with this id.
        case prompt(activityID: String)
        /// The `file` of the resource with this id.
        case resource(id: String)
        /// The `cover` picture of the Thing (or, outside a Thing, of the course).
        case cover

        /// Whether paths written here are relative to the course folder (front matter and course.yaml)
        /// rather than to the Thing file (Markdown).
        public var isRelativeToCourseFolder: Bool {
            switch self {
            case .resource, .cover: true
            case .body, .prompt: false
            }
        }
    }

    /// The path or URL as written.
    public var target: String
    /// Written with image syntax (`![…](…)`): shown in the page (a picture, a video, a player) rather than linked.
    public var isEmbedded: Bool
    /// The text inside the brackets: an image's alternative text, a link's text.
    public var text: String
    /// The title after the destination (`![…](file "title")`), where captions and transcripts are named.
    public var title: String?
    /// Where it is written.
    public var origin: Origin
    /// Its position, for findings.
    public var location: SourceLocation

    /// Creates a reference.
    public init(
        target: String, isEmbedded: Bool, text: String, title: String?, origin: Origin, location: SourceLocation
    ) {
        self.target = target
        self.isEmbedded = isEmbedded
        self.text = text
        self.title = title
        self.origin = origin
        self.location = location
    }

    /// Whether the target is a web address rather than a file of the course.
    /// Whether `written` is a web address without its scheme (`www.example.org/page`,
    /// `example.org`): as written it is read as a file of the course.
    public static func looksLikeSchemelessWebAddress(_ written: String) -> Bool {
        let host = written.prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        if host.lowercased().hasPrefix("www.") { return true }
        let labels = host.split(separator: ".")
        let topLevel = labels.last.map(String.init)?.lowercased() ?? ""
        let webEndings: Set<String> = ["com", "org", "net", "uk", "scot", "gov", "edu", "io", "info", "eu", "ie"]
        return labels.count >= 2 && webEndings.contains(topLevel) && host.count == written.count
            || (labels.count >= 3 && webEndings.contains(topLevel))
    }

    public var isRemote: Bool {
        let lowered = target.lowercased()
        return lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("//")
    }

    /// The lowercase extension of the target's path (query and fragment left out).
    public var fileExtension: String { MediaFormat.fileExtension(of: path) }

    /// The target without its `#fragment` or `?query`.
    public var path: String {
        String(target.prefix { $0 != "#" && $0 != "?" })
    }

    /// The format the target's extension promises, if it is one the toolkit carries.
    public var promisedFormat: MediaFormat? { MediaFormat.byExtension[fileExtension] }

    /// Captions and transcript named in the title: `"captions: talk.vtt; transcript: talk.md"`.
    public var companions: (captions: String?, transcript: String?) {
        var captions: String?
        var transcript: String?
        for part in (title ?? "").split(separator: ";") {
            let pair = part.split(separator: ":", maxSplits: 1).map { $0.trimmingBlanks }
            guard pair.count == 2 else { continue }
            switch pair[0].lowercased() {
            case "captions", "subtitles": captions = pair[1]
            case "transcript": transcript = pair[1]
            default: break
            }
        }
        return (captions, transcript)
    }

    /// The captions a local video or audio gets without naming them: a `.vtt` of the same name beside
    /// it (`talk.vtt` for `talk.mp4`), when there is one; nil for a remote reference or a path without
    /// an extension.
    public var conventionalCaptions: String? {
        guard !isRemote, companions.captions == nil, let dot = path.lastIndex(of: "."), dot > path.startIndex else {
            return nil
        }
        return path[..<dot] + ".vtt"
    }

    /// Every media reference of `thing` in `course`: Markdown images and links to files (not to web
    /// pages, anchors, e-mail or other Things) in the body and the prompts, then resource files.
    /// `body` is the Thing's body, parsed (the validator parses each body once and shares it).
    public static func all(in thing: Thing, of course: Course, body: MarkdownDocument) -> [MediaReference] {
        var references: [MediaReference] = []
        func collect(_ document: MarkdownDocument, origin: Origin, locate: (MarkdownNode) -> SourceLocation) {
            for node in document.linksAndImages {
                guard let url = node.url, !url.isEmpty else { continue }
                let isImage = node.kind == .image
                if !isImage, isNotAFile(url, thing: thing, course: course) { continue }
                references.append(
                    MediaReference(
                        target: url, isEmbedded: isImage, text: node.plainText ?? "", title: node.title, origin: origin,
                        location: locate(node)))
            }
        }
        let start = thing.body.start
        collect(body, origin: .body) {
            SourceLocation(file: start.file, line: start.line + max($0.line, 1) - 1, column: max($0.column, 1))
        }
        for activity in thing.activities where activity.prompt.utf8.contains(UInt8(ascii: "]")) {
            let location = activity.fields["prompt"]
            collect(MarkdownDocument(parsing: activity.prompt), origin: .prompt(activityID: activity.id)) { _ in location }
        }
        // A scenario's moments and debriefs, and the backs of cards, are Markdown too, shown with the activity.
        for activity in thing.activities {
            var texts: [(text: String, location: SourceLocation?)] = []
            switch activity.content {
            case .scenario(let scenario):
                for node in scenario.nodes {
                    texts += [(node.text, node.fields["text"]), (node.debrief ?? "", node.fields["debrief"])]
                }
            case .reveal(let reveal):
                texts += reveal.cards.map { ($0.back, $0.fields["back"]) }
            default:
                continue
            }
            for entry in texts where entry.text.utf8.contains(UInt8(ascii: "]")) {
                let location = entry.location ?? activity.fields["type"]
                collect(MarkdownDocument(parsing: entry.text), origin: .prompt(activityID: activity.id)) { _ in location }
            }
        }
        if let cover = thing.cover { references.append(Self.reference(to: cover)) }
        for resource in thing.resources {
            guard let file = resource.file else { continue }
            references.append(
                MediaReference(
                    target: file, isEmbedded: false, text: resource.title, title: nil, origin: .resource(id: resource.id),
                    location: resource.fields["file"]))
        }
        return references
    }

    /// The reference of a course's or a Thing's cover picture.
    public static func reference(to cover: Cover) -> MediaReference {
        MediaReference(
            target: cover.image, isEmbedded: true, text: cover.alternativeText, title: nil, origin: .cover,
            location: cover.fields["image"])
    }

    /// Links that lead to a web page, an anchor, an e-mail address or another Thing.
    private static func isNotAFile(_ url: String, thing: Thing, course: Course) -> Bool {
        let lowered = url.lowercased()
        if lowered.hasPrefix("#") || lowered.hasPrefix("mailto:") || lowered.hasPrefix("https://") || lowered.hasPrefix("http://")
        {
            return true
        }
        if lowered.contains(literal: ":"), !lowered.hasPrefix("./"),
            lowered.split(separator: "/").first?.contains(literal: ":") == true
        {
            return true  // another scheme (`thing:`, `javascript:`): other rules judge those
        }
        return ThingLink(url, from: thing, in: course) != nil
    }
}

extension Substring {
    fileprivate var trimmingBlanks: String {
        String(drop { $0 == " " || $0 == "\t" }.reversed().drop { $0 == " " || $0 == "\t" }.reversed())
    }
}
