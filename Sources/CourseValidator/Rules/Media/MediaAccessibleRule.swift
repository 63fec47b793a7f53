import CourseMedia
import CourseModel

/// Media every learner can use: video and audio with captions or a transcript, pictures in prompts
/// with alternative text (pictures in the body are `image-alt-text`'s).
public struct MediaAccessibleRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "media-accessible", name: "Media accessible",
        summary:
            "Every video and audio (a file or a player) has captions or a transcript, named in its title (`\"captions: talk.vtt\"`, `\"transcript: talk.md\"`) or as a `.vtt` file of the same name beside it; every picture in a prompt has alternative text.",
        triggeringExamples: [
            RuleExample.replacing("Intro text.", with: "↓![A talk](../files/talk.mp4)")
                .writing(bytes: MediaSamples.mp4, to: RuleFixture.inFilesFolder("talk.mp4")),
            .replacing("Intro text.", with: "↓![A talk](https://www.youtube.com/watch?v=abcdefghijk)"),
            .replacing("    prompt: Sort each item.", with: "    prompt: ↓Sort each item. ![](https://example.org/x.png)"),
        ],
        nonTriggeringExamples: [
            RuleExample.replacing("Intro text.", with: "![A talk](../files/talk.mp4)")
                .writing(bytes: MediaSamples.mp4, to: RuleFixture.inFilesFolder("talk.mp4"))
                .writing(MediaSamples.vtt, to: RuleFixture.inFilesFolder("talk.vtt")),
            .replacing(
                "Intro text.",
                with: "![A talk](https://www.youtube.com/watch?v=abcdefghijk \"transcript: ../files/talk.md\")"),
        ])

    /// Checks every embedded video, audio and prompt picture.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (course, thing, reference) in context.mediaReferences where reference.isEmbedded {
            let category =
                reference.isRemote
                ? (RemotePlayer.embedURL(for: reference.target) != nil ? MediaFormat.Category.video : .image)
                : reference.promisedFormat?.category
            switch category {
            case .video?, .audio?:
                let companions = reference.companions
                if companions.captions != nil || companions.transcript != nil { continue }
                if !reference.isRemote, hasCaptionsBeside(reference, thing: thing, course: course, context) { continue }
                findings.append(
                    finding(
                        "\(category == .audio ? "audio" : "video") `\(reference.target)` has no captions or transcript",
                        at: reference.location,
                        hint:
                            "name them in its title: ![…](\(reference.target) \"captions: file.vtt\") or \"transcript: file.md\"")
                )
            case .image?:
                if case .prompt = reference.origin, reference.text.allSatisfy(\.isWhitespace) {
                    findings.append(
                        finding(
                            "image `\(reference.target)` has no alternative text", at: reference.location,
                            hint: "describe what the image shows between the brackets: `![description](…)`"))
                }
            default:
                break
            }
        }
        return findings
    }

    /// Whether a `.vtt` file of the same name sits beside a local video or audio file.
    private func hasCaptionsBeside(_ reference: MediaReference, thing: Thing?, course: Course, _ context: ValidationContext)
        -> Bool
    {
        let path = reference.path
        guard let dot = path.lastIndex(of: ".") else { return false }
        let captions = path[..<dot] + ".vtt"
        if case .success = context.media.resolve(String(captions), relativeTo: reference.origin, in: thing, of: course) {
            return true
        }
        return false
    }
}
