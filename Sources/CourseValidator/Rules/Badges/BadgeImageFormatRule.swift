import CourseLoader
import CourseModel

/// Badge images are square PNG or SVG images of at least 200 px.
public struct BadgeImageFormatRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The smallest side accepted, in pixels.
    public static let minimumSide = 200.0

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "badge-image-format", name: "Badge image format",
        summary: "A badge image is a PNG or an SVG, square, and at least 200 px on a side.",
        triggeringExamples: [
            .writing(#"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"/>"#, to: RuleFixture.badgeImage)
                .replacing("image: images/badge.svg", with: "image: ↓images/badge.svg", in: RuleFixture.collectionBadge)
                .replacing("image: images/badge.svg", with: "image: ↓images/badge.svg", in: RuleFixture.firstBadge)
                .replacing("image: images/badge.svg", with: "image: ↓images/badge.svg", in: "Badges/badges/thing-02.yaml"),
            .writing("GIF89a", to: "Badges/images/other.gif")
                .replacing("image: images/badge.svg", with: "image: ↓images/other.gif", in: RuleFixture.firstBadge),
            .writing(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0], to: "Badges/images/broken.png")
                .replacing("image: images/badge.svg", with: "image: ↓images/broken.png", in: RuleFixture.firstBadge),
        ])

    /// Checks every badge image that exists.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        var cache: [String: Result<ImageInfo, ImageInspector.Problem>] = [:]
        for badge in context.workspace.badges.badges {
            guard let image = badge.image, let path = BadgeImageExistsRule.path(of: image),
                let bytes = try? context.fileSystem.readFile(context.absolutePath(path))
            else { continue }
            let location = badge.fields["image"]
            let result = cache[path] ?? Result { () throws(ImageInspector.Problem) in try ImageInspector.inspect(bytes) }
            cache[path] = result
            switch result {
            case .failure(let problem):
                findings.append(finding("badge image `\(path)` \(problem.reason)", at: location, hint: "use a PNG or SVG image"))
            case .success(let info):
                if info.width != info.height {
                    findings.append(
                        finding(
                            "badge image `\(path)` is \(Self.format(info.width))×\(Self.format(info.height)), not square",
                            at: location, hint: "badge platforms crop or distort images that are not square"))
                } else if min(info.width, info.height) < Self.minimumSide {
                    findings.append(
                        finding(
                            "badge image `\(path)` is \(Self.format(info.width)) px on a side, smaller than \(Self.format(Self.minimumSide)) px",
                            at: location))
                }
            }
        }
        return findings
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
