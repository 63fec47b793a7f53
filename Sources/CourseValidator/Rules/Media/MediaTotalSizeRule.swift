import CourseMedia
import CourseModel

/// A course whose media come close to common LMS upload limits is warned about before it is built.
public struct MediaTotalSizeRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "media-total-size", name: "Media total size",
        summary:
            "A course whose media add up to \(MediaFormat.sizeText(MediaLimits.packageWarningSize)) or more is warned about: its packages come close to the \(MediaFormat.sizeText(MediaLimits.commonUploadLimit)) many LMSs accept.",
        severity: .warning,
        triggeringExamples: [
            RuleExample.replacing("Intro text.", with: "![A chart](../files/chart.png)")
                .writing(
                    "", repeating: "x", count: MediaLimits.packageWarningSize, to: RuleFixture.inFilesFolder("chart.png")
                )
                .replacing("id: demo", with: "id: ↓demo", in: RuleFixture.course)
        ],
        nonTriggeringExamples: [
            RuleExample.replacing("Intro text.", with: "![A chart](../files/chart.png)")
                .writing(bytes: MediaSamples.png, to: RuleFixture.inFilesFolder("chart.png"))
        ])

    /// Adds up each course's distinct media files.
    public func check(_ context: ValidationContext) -> [Finding] {
        var sizes: [String: (course: Course, files: [String: Int])] = [:]
        for (course, thing, reference) in context.mediaReferences where !reference.isRemote {
            guard case .success(let path) = context.media.resolve(reference, in: thing, of: course),
                let size = context.fileSystem.fileSize(at: context.absolutePath(path))
            else { continue }
            sizes[course.id, default: (course, [:])].files[path] = size
        }
        return sizes.sorted(by: { $0.key < $1.key }).compactMap { _, entry in
            let total = entry.files.values.reduce(0, +)
            guard total >= MediaLimits.packageWarningSize else { return nil }
            return finding(
                "course `\(entry.course.id)` carries \(MediaFormat.sizeText(total)) of media, close to the \(MediaFormat.sizeText(MediaLimits.commonUploadLimit)) many LMSs accept",
                at: entry.course.fields["id"], hint: "compress video, or package Things one at a time with --thing")
        }
    }
}
