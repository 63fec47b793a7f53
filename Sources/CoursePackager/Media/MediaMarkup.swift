import CourseMedia
import CourseModel
import Foundation

/// The markup of a Thing's media in one of its pages: pictures with their size, video with captions,
/// audio, privacy-enhanced players, and links to files as downloads, every address leading inside the
/// package (or to an allowed https site) and every value escaped.
struct MediaMarkup: Sendable {
    let media: MediaPlan
    let thing: Thing
    let course: Course
    /// Where the Markdown was written, which decides what its relative paths are relative to.
    let origin: MediaReference.Origin
    /// The page the markup is written into.
    let page: String
    /// The bytes of a captions file to write into the page as a `data:` URL, when the page must work
    /// opened from disk; nil to link the file.
    var inlineCaptions: (@Sendable (MediaPlan.Entry) -> [UInt8]?)? = nil

    /// The most bytes of captions written into a page; longer ones are linked.
    static let maximumInlineCaptions = 256 * 1024

    private func href(_ entry: MediaPlan.Entry) -> String { PackageLayout.href(to: entry.packagePath, from: page) }

    private func escape(_ text: String) -> String { HTMLSanitizer.escapeAttribute(text) }

    /// A link to a file of the course, as a download with its type and size; nil when it is none.
    func download(_ written: String) -> CitationFormatter.Download? {
        guard let entry = media.entry(for: written, origin: origin, in: thing, of: course) else { return nil }
        let ext = entry.file.fileExtension
        let kind = entry.file.format?.displayName(forExtension: ext) ?? ext.uppercased()
        return CitationFormatter.Download(href: href(entry), note: "\(kind), \(MediaFormat.sizeText(entry.file.size))")
    }

    /// What an image written in Markdown becomes.
    func decision(_ image: HTMLSanitizer.ImageReference) -> HTMLSanitizer.ImageDecision {
        let reference = MediaReference(
            target: image.source, isEmbedded: true, text: image.alternativeText, title: image.title, origin: origin,
            location: SourceLocation(file: thing.file))
        if reference.isRemote {
            guard let player = RemotePlayer.embedURL(for: image.source) else {
                return .image(source: image.source, width: nil, height: nil)
            }
            return .markup(playerMarkup(player, reference))
        }
        guard let entry = media.entry(for: reference.path, origin: origin, in: thing, of: course) else { return .drop }
        switch entry.file.format?.category {
        case .image?:
            let size = entry.file.imageInfo.map { (Int($0.width.rounded()), Int($0.height.rounded())) }
            return .image(source: href(entry), width: size?.0, height: size?.1)
        case .video?:
            return .markup(videoMarkup(entry, reference))
        case .audio?:
            return .markup(audioMarkup(entry, reference))
        default:
            return .drop
        }
    }

    private func videoMarkup(_ entry: MediaPlan.Entry, _ reference: MediaReference) -> String {
        let companions = media.companions(of: reference, in: thing, of: course)
        var markup = "<figure class=\"media media-video\"><video controls preload=\"metadata\" src=\"\(escape(href(entry)))\""
        if !reference.text.isEmpty { markup += " aria-label=\"\(escape(reference.text))\"" }
        markup += ">"
        if let captions = companions.captions {
            // Opened from disk, Chromium loads no track file (every file:// page is its own origin), but
            // a `data:` URL it does: the HTML site carries its captions in the page.
            let source =
                inlineCaptions?(captions).flatMap { bytes in
                    bytes.count <= Self.maximumInlineCaptions ? "data:text/vtt;base64," + Data(bytes).base64EncodedString() : nil
                } ?? href(captions)
            markup +=
                "<track kind=\"captions\" src=\"\(escape(source))\" srclang=\"\(escape(course.language))\" label=\"Captions\" default>"
        }
        return markup + "</video>" + caption(reference.text, transcript: companions.transcript) + "</figure>"
    }

    private func audioMarkup(_ entry: MediaPlan.Entry, _ reference: MediaReference) -> String {
        let companions = media.companions(of: reference, in: thing, of: course)
        var markup = "<figure class=\"media media-audio\"><audio controls preload=\"metadata\" src=\"\(escape(href(entry)))\""
        if !reference.text.isEmpty { markup += " aria-label=\"\(escape(reference.text))\"" }
        return markup + "></audio>" + caption(reference.text, transcript: companions.transcript ?? companions.captions)
            + "</figure>"
    }

    private func playerMarkup(_ player: String, _ reference: MediaReference) -> String {
        let companions = media.companions(of: reference, in: thing, of: course)
        let title = reference.text.isEmpty ? "Video" : reference.text
        return "<figure class=\"media media-player\"><iframe src=\"\(escape(player))\" title=\"\(escape(title))\""
            + " loading=\"lazy\" allow=\"fullscreen; picture-in-picture\" referrerpolicy=\"strict-origin-when-cross-origin\"></iframe>"
            + caption(reference.text, transcript: companions.transcript ?? companions.captions) + "</figure>"
    }

    /// The figure's caption: the media's text and, when there is one, a link to its transcript.
    private func caption(_ text: String, transcript: MediaPlan.Entry?) -> String {
        var parts: [String] = []
        if !text.isEmpty { parts.append(HTMLSanitizer.escapeText(text)) }
        if let transcript {
            parts.append("<a href=\"\(escape(href(transcript)))\" download>Transcript</a>")
        }
        return parts.isEmpty ? "" : "<figcaption>" + parts.joined(separator: " · ") + "</figcaption>"
    }
}
