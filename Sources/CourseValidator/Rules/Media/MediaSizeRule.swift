import CourseMedia
import CourseModel

/// No single media file is larger than LMSs and browsers handle well.
public struct MediaSizeRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "media-size", name: "Media size",
        summary:
            "A media file is at most \(MediaFormat.sizeText(MediaLimits.maximumFileSize)).",
        triggeringExamples: [
            RuleExample.replacing("Intro text.", with: "↓![A chart](../files/chart.png)")
                .writing(
                    "", repeating: "x", count: MediaLimits.maximumFileSize + 1, to: RuleFixture.inFilesFolder("chart.png"))
        ],
        nonTriggeringExamples: [
            RuleExample.replacing("Intro text.", with: "![A chart](../files/chart.png)")
                .writing(bytes: MediaSamples.png, to: RuleFixture.inFilesFolder("chart.png"))
        ])

    /// Checks every local media file.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        for (course, thing, reference) in context.mediaReferences where !reference.isRemote {
            guard case .success(let path) = context.media.resolve(reference, in: thing, of: course),
                let size = context.fileSystem.fileSize(at: context.absolutePath(path))
            else { continue }
            if size > MediaLimits.maximumFileSize {
                findings.append(
                    finding(
                        "`\(reference.path)` is \(MediaFormat.sizeText(size)); a file may be at most \(MediaFormat.sizeText(MediaLimits.maximumFileSize))",
                        at: reference.location, hint: "compress it, or host it elsewhere and link to it"))
            }
        }
        return findings
    }
}
