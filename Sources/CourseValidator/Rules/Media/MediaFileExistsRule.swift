import CourseMedia
import CourseModel
import FileAccess

/// Files named in a Thing's Markdown (pictures, video, handouts) and the captions and transcripts of
/// its media are files inside the course folder.
public struct MediaFileExistsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "media-file-exists", name: "Media file exists",
        summary:
            "A picture, video, audio or file named in a Thing's Markdown, a cover picture or the course logo, and the captions or transcript of media are regular files inside the course folder (Markdown paths relative to the Thing file, covers and the logo to the course folder): no link out, exact case.",
        triggeringExamples: [
            .replacing("Intro text.", with: "Intro text. ↓![A chart](../files/chart.png)"),
            .replacing("Intro text.", with: "Intro text. ↓![A chart](../../../../etc/passwd.png)"),
            .replacing("Intro text.", with: "See ↓[the handout](../files/handout.pdf)."),
            .replacing(
                "aim: Learn the first thing.\n",
                with: "aim: Learn the first thing.\ncover:\n  image: ↓files/cover.png\n  alt: A cover\n"),
            .replacing(
                "language: en-GB", with: "language: en-GB\nlogo:\n  image: ↓files/logo.png\n  alt: Our organisation",
                in: RuleFixture.course),
            RuleExample.replacing("Intro text.", with: "↓![A talk](../files/talk.mp4 \"captions: talk.en.vtt\")")
                .writing(bytes: MediaSamples.mp4, to: RuleFixture.inFilesFolder("talk.mp4")),
        ],
        nonTriggeringExamples: [
            RuleExample.replacing("Intro text.", with: "Intro text. ![A chart](../files/chart.png)")
                .writing(bytes: MediaSamples.png, to: RuleFixture.inFilesFolder("chart.png")),
            .replacing("Intro text.", with: "Intro text. ![A chart](https://example.org/chart.png)"),
        ])

    /// Checks every local reference in Markdown, and every named caption or transcript.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (course, thing, reference) in context.mediaReferences where !reference.isRemote {
            if case .resource = reference.origin {
                // Resource files are `local-file-exists`'s; only their companions would be ours, and they have none.
                continue
            }
            if case .failure(let refusal) = context.media.resolve(reference, in: thing, of: course) {
                findings.append(Self.explained(refusal, written: reference.target, at: reference.location, context, rule: self))
                continue
            }
            let companions = reference.companions
            for written in [companions.captions, companions.transcript].compactMap({ $0 }) {
                if case .failure(let refusal) = context.media.resolve(
                    written, relativeTo: reference.origin, in: thing, of: course)
                {
                    findings.append(finding(refusal.message, at: reference.location, hint: refusal.hint))
                }
            }
        }
        return findings
    }

    /// A refusal said in the author's terms: a web address written without `https://` is named as
    /// one; a missing file whose near-namesake sits in the same folder gets a did-you-mean.
    static func explained(
        _ refusal: WorkspaceFiles.Refusal, written: String, at location: SourceLocation, _ context: ValidationContext,
        rule: MediaFileExistsRule
    ) -> Finding {
        guard case .missing(let path) = refusal else { return rule.finding(refusal.message, at: location, hint: refusal.hint) }
        if MediaReference.looksLikeSchemelessWebAddress(written) {
            return rule.finding(
                "`\(written)` is a web address without `https://`, so it is read as a file of the course", at: location,
                hint: "write `https://\(written)`")
        }
        let folder = String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
        let name = String(path[(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)...])
        let names = (try? context.fileSystem.contentsOfDirectory(context.absolutePath(folder))) ?? []
        return rule.finding(
            refusal.message, at: location,
            hint: NameSuggestion.closest(to: name, in: names).map { "did you mean `\($0)` (in \(folder)/)?" } ?? refusal.hint)
    }
}
