import CourseMedia
import CourseModel
import ToolkitSupport

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
        summary:
            "A badge image (and the issuer's, and the same art in the other format beside it) is a whole PNG or an SVG without active content or DOCTYPE that can be drawn in reasonable time, carries no baked badge yet, is square, 200 to 4096 px on a side, and at most 5 MB.",
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
            .writing(
                #"<svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><filter id="f"><feTurbulence numOctaves="100000"/></filter><rect width="256" height="256" filter="url(#f)"/></svg>"#,
                to: RuleFixture.inBadgesFolder("images/slow.svg")
            )
            .replacing("image: images/badge.svg", with: "image: ↓images/slow.svg", in: RuleFixture.firstBadge),
        ])

    /// Checks every badge image that exists, the sibling in the other format that baking also
    /// uses (`thing-02.svg` beside `thing-02.png`), and the issuer's image: everything published as it is.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        // Art shared by several badges is read and inspected once, and reported at each badge.
        var known: [String: (message: String, hint: String?)?] = [:]
        var images: [(image: String, location: SourceLocation)] = context.workspace.badges.badges.compactMap { badge in
            badge.image.map { ($0, badge.fields["image"]) }
        }
        if let issuer = context.workspace.badges.issuer, let image = issuer.image {
            images.append((image, issuer.fields["image"]))
        }
        for (image, location) in images {
            guard case .success(let path) = context.files.resolve(image, under: context.layout.badgesFolder) else { continue }
            for candidate in [path] + siblings(of: path, context) {
                let result = known[candidate] ?? problem(candidate, context)
                known[candidate] = result
                if let problem = result { findings.append(finding(problem.message, at: location, hint: problem.hint)) }
            }
        }
        return findings
    }

    /// The art of the same name in the other format, when it exists.
    private func siblings(of path: String, _ context: ValidationContext) -> [String] {
        let ext = MediaFormat.fileExtension(of: path)
        guard ext == "png" || ext == "svg" else { return [] }
        let other = String(path.dropLast(ext.count)) + (ext == "png" ? "svg" : "png")
        return context.files.mayExist(other) && context.files.check(other) == nil ? [other] : []
    }

    private func problem(_ path: String, _ context: ValidationContext) -> (message: String, hint: String?)? {
        guard let size = context.fileSystem.fileSize(at: context.absolutePath(path)) else { return nil }
        guard size <= Self.maximumBytes else {
            return ("badge image `\(path)` is \(size / 1024 / 1024) MB; at most 5 MB is accepted", nil)
        }
        // `path` was checked when it was resolved (inside the workspace, a file): read it as it is.
        guard let bytes = try? context.fileSystem.readFile(context.absolutePath(path)) else { return nil }
        // A preview inspects each picture once while its bytes stay the same.
        var digest = Hasher()
        digest.combine(contentsOf: bytes)
        return context.memory.remembered("badge-art", name: path, key: digest.finalize()) { problem(path, bytes: bytes) }
    }

    private func problem(_ path: String, bytes: [UInt8]) -> (message: String, hint: String?)? {
        let (result, problems) = PublishedImage.inspect(bytes)
        let info: ImageInfo
        switch result {
        case .success(let found): info = found
        case .failure(let problem): return ("badge image `\(path)` \(problem.reason)", "use a PNG or SVG image")
        }
        guard info.format == .png || info.format == .svg else {
            return (
                "badge image `\(path)` is a \(info.format.rawValue.uppercased()) image; badge platforms take PNG or SVG",
                "export it as PNG or SVG"
            )
        }
        if info.format.rawValue != MediaFormat.fileExtension(of: path) {
            return (
                "badge image `\(path)` is named as a \(MediaFormat.fileExtension(of: path).uppercased()) but is a \(info.format.rawValue.uppercased())",
                "rename it"
            )
        }
        if let problem = problems.first {
            return ("badge image `\(path)` \(problem)", "remove it, or export the artwork again")
        }
        if info.width != info.height {
            return (
                "badge image `\(path)` is \(Self.format(info.width))×\(Self.format(info.height)), not square",
                "badge platforms crop or distort images that are not square"
            )
        }
        if info.width > Self.maximumSide {
            return (
                "badge image `\(path)` is \(Self.format(info.width)) px on a side, larger than \(Self.format(Self.maximumSide)) px",
                "export it at 512 or 1024 px"
            )
        }
        if info.width < Self.minimumSide {
            return (
                "badge image `\(path)` is \(Self.format(info.width)) px on a side, smaller than \(Self.format(Self.minimumSide)) px",
                nil
            )
        }
        return nil
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
