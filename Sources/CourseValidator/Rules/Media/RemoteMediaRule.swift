import CourseMedia
import CourseModel

/// Pictures and players shown from other sites break offline use and strict LMS content policies.
public struct RemoteMediaRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "remote-media", name: "Remote media",
        summary:
            "A picture or player shown from another site (YouTube and Vimeo players are embedded in their privacy-enhanced form) is a warning: it breaks offline use and strict LMS content policies; `--strict` makes it an error.",
        severity: .warning,
        triggeringExamples: [
            .replacing("Intro text.", with: "Intro text. ↓![A chart](https://example.org/chart.png)"),
            .replacing(
                "Intro text.", with: "↓![A talk](https://youtu.be/abcdefghijk \"captions: ../files/talk.vtt\")"),
        ],
        nonTriggeringExamples: [
            .replacing("Intro text.", with: "Intro text. [A chart](https://example.org/chart.png)")
        ])

    /// Checks every embedded remote picture and player.
    public func check(_ context: ValidationContext) -> [Finding] {
        context.mediaReferences.filter { $0.reference.isEmbedded && $0.reference.isRemote }.map { _, _, reference in
            let player = RemotePlayer.embedURL(for: reference.target)
            return finding(
                player != nil
                    ? "the video player `\(reference.target)` is shown from another site (as \(player!))"
                    : "the picture `\(reference.target)` is shown from another site",
                at: reference.location,
                hint: player != nil
                    ? "learners offline or behind a strict LMS will not see it; consider a local MP4 with captions"
                    : "save it into the course's files/ folder and write a relative path, so it works offline")
        }
    }
}
