import CourseMedia
import CourseModel

/// Media are what their names say, from a short list of kinds every LMS and browser takes; pages,
/// scripts and programs never travel with a course, and SVGs carry no active content.
public struct MediaTypeRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The kinds a course may carry, for hints.
    static let allowedKinds =
        "images (PNG, JPEG, GIF, WebP, SVG), PDF, office documents, audio (MP3, Ogg, WAV, M4A), video (MP4, WebM), WebVTT captions and text"

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "media-type", name: "Media type",
        summary:
            "A media file's bytes are what its name says, from an allowlist (\(allowedKinds)); pages, scripts and programs are refused, and so are SVGs with scripts, event handlers, `foreignObject` or external references.",
        triggeringExamples: [
            RuleExample.replacing("Intro text.", with: "See ↓[the page](../files/page.html).")
                .writing("<html></html>", to: RuleFixture.inFilesFolder("page.html")),
            RuleExample.replacing("Intro text.", with: "↓![A chart](../files/chart.png)")
                .writing(bytes: MediaSamples.pdf, to: RuleFixture.inFilesFolder("chart.png")),
            RuleExample.replacing("Intro text.", with: "↓![A chart](../files/chart.svg)")
                .writing(
                    "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\" onload=\"alert(1)\"/>",
                    to: RuleFixture.inFilesFolder("chart.svg")),
            RuleExample.replacing("Intro text.", with: "↓![A handout](../files/handout.pdf)")
                .writing(bytes: MediaSamples.pdf, to: RuleFixture.inFilesFolder("handout.pdf")),
            RuleExample.replacing("    url: https://example.org/guide", with: "    file: ↓files/tool.exe")
                .writing(bytes: Array("MZ\u{90}\u{0}".utf8), to: RuleFixture.inFilesFolder("tool.exe")),
        ],
        nonTriggeringExamples: [
            RuleExample.replacing("Intro text.", with: "![A chart](../files/chart.png) and [the handout](../files/handout.pdf)")
                .writing(bytes: MediaSamples.png, to: RuleFixture.inFilesFolder("chart.png"))
                .writing(bytes: MediaSamples.pdf, to: RuleFixture.inFilesFolder("handout.pdf"))
        ])

    /// Checks every local media file, and the captions and transcripts of local and remote media
    /// (named, or the `.vtt` beside a video of the same name): every file a package carries.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (course, thing, reference) in context.mediaReferences {
            let companions = reference.companions
            var files: [(written: String, role: Role)] = []
            if !reference.isRemote { files.append((reference.path, reference.isEmbedded ? .embedded : .linked)) }
            if let captions = companions.captions { files.append((captions, .captions)) }
            if let transcript = companions.transcript { files.append((transcript, .transcript)) }
            if reference.isEmbedded, let conventional = reference.conventionalCaptions,
                case .success(let path) = context.media.resolve(conventional, relativeTo: reference.origin, in: thing, of: course),
                context.fileSystem.isFile(context.absolutePath(path))
            {
                files.append((conventional, .captions))
            }
            for (written, role) in files {
                if let problem = problem(written, role: role, reference: reference, thing: thing, course: course, context) {
                    findings.append(finding(problem.message, at: reference.location, hint: problem.hint))
                }
            }
        }
        return findings
    }

    /// What a file does in its page.
    enum Role {
        case embedded, linked, captions, transcript
    }

    private func problem(
        _ written: String, role: Role, reference: MediaReference, thing: Thing?, course: Course, _ context: ValidationContext
    ) -> (message: String, hint: String?)? {
        // A web address written without `https://` is media-file-exists's finding, said as such.
        if role == .linked || role == .embedded, MediaReference.looksLikeSchemelessWebAddress(written) { return nil }
        let ext = MediaFormat.fileExtension(of: written)
        if MediaFormat.refusedExtensions.contains(ext) {
            return (
                "`\(written)` is a page, a script or a program, which LMSs refuse and learners should not run",
                "only \(Self.allowedKinds) travel with a course"
            )
        }
        guard let promised = MediaFormat.byExtension[ext] else {
            return ("`\(written)` is not a kind of file a course may carry", "use \(Self.allowedKinds)")
        }
        switch role {
        case .embedded where ![.image, .video, .audio].contains(promised.category):
            return (
                "`\(written)` is shown with image syntax, but it is a \(promised.displayName(forExtension: ext))",
                "link to it instead: `[text](\(written))`"
            )
        case .captions where promised != .vtt:
            return ("captions `\(written)` are not a WebVTT file", "write captions as `.vtt` (WebVTT)")
        case .transcript where promised.category != .document:
            return ("transcript `\(written)` is not a document", "write the transcript as `.txt`, `.md` or `.pdf`")
        default:
            break
        }
        guard case .success(let path) = context.media.resolve(written, relativeTo: reference.origin, in: thing, of: course),
            let file = try? context.media.file(at: path)
        else { return nil }  // a missing or oversized file is another rule's finding
        switch file.verdict {
        case .executable(let what):
            return (
                "`\(written)` is \(what), not a \(promised.displayName(forExtension: ext))",
                "only \(Self.allowedKinds) travel with a course"
            )
        case .unknown:
            return (
                "the bytes of `\(written)` are not a \(promised.displayName(forExtension: ext))",
                "export it again from the program that made it"
            )
        case .format(let found) where found != promised:
            return (
                "`\(written)` is named as a \(promised.displayName(forExtension: ext)), but its bytes are \(found.displayName(forExtension: found.rawValue))",
                "rename it with the right extension, or export it again"
            )
        case .format:
            if let first = file.svgProblems.first {
                if first.isDrawingCost {
                    return (
                        "SVG `\(written)` would take too long to draw (\(first))",
                        "simplify the drawing (fewer filter steps, smaller blurs, at most \(SVGSafety.DrawingBudget.maximumOctaves) turbulence octaves), or export it as PNG"
                    )
                }
                return (
                    "SVG `\(written)` has active content (\(first)), which is refused",
                    "remove scripts, event handlers, `foreignObject` and external references, or export it as PNG"
                )
            }
            return nil
        }
    }
}
