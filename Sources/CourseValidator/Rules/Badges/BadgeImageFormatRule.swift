import CourseMedia
import CourseModel

/// Badge images are square PNG or SVG images of at least 200 px.
public struct BadgeImageFormatRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The smallest side accepted, in pixels.
    public static let minimumSide = 200.0
    /// The largest side accepted, in pixels: badge platforms scale larger images down anyway.
    public static let maximumSide = 4096.0
    /// The largest image file accepted, in bytes.
    public static let maximumBytes = 5 * 1024 * 1024

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "badge-image-format", name: "Badge image format",
        summary: "A badge image is a PNG or an SVG (without a DOCTYPE), square, 200 to 4096 px on a side, and at most 5 MB.",
        triggeringExamples: [
            .writing(#"<svg xmlns="http://www.w3.org/2000/svg" width="300" height="200"/>"#, to: RuleFixture.badgeImage)
                .replacing("image: images/badge.svg", with: "image: ↓images/badge.svg", in: RuleFixture.collectionBadge)
                .replacing("image: images/badge.svg", with: "image: ↓images/badge.svg", in: RuleFixture.firstBadge)
                .replacing("image: images/badge.svg", with: "image: ↓images/badge.svg", in: RuleFixture.secondBadge),
            .writing("GIF89a", to: RuleFixture.inBadgesFolder("images/other.gif"))
                .replacing("image: images/badge.svg", with: "image: ↓images/other.gif", in: RuleFixture.firstBadge),
            .writing(
                bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0],
                to: RuleFixture.inBadgesFolder("images/broken.png")
            )
            .replacing("image: images/badge.svg", with: "image: ↓images/broken.png", in: RuleFixture.firstBadge),
            .writing(
                #"<svg xmlns="http://www.w3.org/2000/svg" width="100000" height="100000"/>"#,
                to: RuleFixture.inBadgesFolder("images/huge.svg")
            )
            .replacing("image: images/badge.svg", with: "image: ↓images/huge.svg", in: RuleFixture.firstBadge),
            .writing(
                "<!DOCTYPE svg><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"256\" height=\"256\"/>",
                to: RuleFixture.inBadgesFolder("images/doctype.svg")
            )
            .replacing("image: images/badge.svg", with: "image: ↓images/doctype.svg", in: RuleFixture.firstBadge),
        ])

    /// Checks every badge image that exists.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        var cache: [String: Result<ImageInfo, ImageInspector.Problem>] = [:]
        for badge in context.workspace.badges.badges {
            guard let image = badge.image,
                case .success(let path) = context.files.resolve(image, under: context.layout.badgesFolder),
                let size = context.fileSystem.fileSize(at: context.absolutePath(path))
            else { continue }
            let location = badge.fields["image"]
            guard size <= Self.maximumBytes else {
                findings.append(
                    finding("badge image `\(path)` is \(size / 1024 / 1024) MB; at most 5 MB is accepted", at: location))
                continue
            }
            // Badges that share an image read and inspect it once.
            let result: Result<ImageInfo, ImageInspector.Problem>
            if let known = cache[path] {
                result = known
            } else {
                guard let bytes = try? context.files.read(path) else { continue }
                result = Result { () throws(ImageInspector.Problem) in try ImageInspector.inspect(bytes) }
                cache[path] = result
            }
            switch result {
            case .failure(let problem):
                findings.append(finding("badge image `\(path)` \(problem.reason)", at: location, hint: "use a PNG or SVG image"))
            case .success(let info) where info.format != .png && info.format != .svg:
                findings.append(
                    finding(
                        "badge image `\(path)` is a \(info.format.rawValue.uppercased()) image; badge platforms take PNG or SVG",
                        at: location, hint: "export it as PNG or SVG"))
            case .success(let info):
                if info.width != info.height {
                    findings.append(
                        finding(
                            "badge image `\(path)` is \(Self.format(info.width))×\(Self.format(info.height)), not square",
                            at: location, hint: "badge platforms crop or distort images that are not square"))
                } else if info.width > Self.maximumSide {
                    findings.append(
                        finding(
                            "badge image `\(path)` is \(Self.format(info.width)) px on a side, larger than \(Self.format(Self.maximumSide)) px",
                            at: location, hint: "export it at 512 or 1024 px"))
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
