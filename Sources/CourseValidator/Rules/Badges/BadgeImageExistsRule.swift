import CourseModel
import FileAccess

/// Badge and issuer images are files inside `Badges/`.
public struct BadgeImageExistsRule: Rule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: "badge-image-exists", name: "Badge image exists",
        summary: "Every Thing and collection badge has an `image`, and it and the issuer's image are files inside `Badges/`.",
        triggeringExamples: [
            .replacing("image: images/badge.svg", with: "image: ↓images/thing-01.svg", in: RuleFixture.firstBadge),
            .replacing("image: images/badge.svg\n", with: "", in: RuleFixture.firstBadge)
                .replacing("id: thing-01", with: "id: ↓thing-01", in: RuleFixture.firstBadge),
        ])

    /// Checks every badge image.
    public func check(_ context: ValidationContext) -> [Finding] {
        var findings: [Finding] = []
        func check(_ image: String?, location: SourceLocation, owner: String) {
            guard let image else { return }
            if case .failure(let refusal) = context.files.resolve(image, under: context.layout.badgesFolder) {
                findings.append(
                    finding(
                        "\(owner) image: \(refusal.message)", at: location,
                        hint: refusal.hint ?? missingImageHint(image, refusal: refusal, context)))
            }
        }
        for badge in context.workspace.badges.badges {
            if badge.image == nil, badge.kind != .external {
                findings.append(
                    finding(
                        "badge `\(badge.id)` has no image", at: badge.fields["id"],
                        hint: "add `image: images/\(badge.id).png` (PNG or SVG, square, at least 200 px)"))
            }
            check(badge.image, location: badge.fields["image"], owner: "badge `\(badge.id)`")
        }
        if let issuer = context.workspace.badges.issuer {
            check(issuer.image, location: issuer.fields["image"], owner: "issuer")
        }
        return findings
    }

    /// For a missing image: the same art in the other format when it is there (a PNG named where only
    /// the SVG was drawn, or the reverse), otherwise what to add.
    private func missingImageHint(_ image: String, refusal: WorkspaceFiles.Refusal, _ context: ValidationContext) -> String? {
        guard case .missing = refusal else { return nil }
        let siblings = [(".png", ".svg"), (".svg", ".png")].compactMap { written, other -> String? in
            image.lowercased().hasSuffix(written) ? String(image.dropLast(written.count)) + other : nil
        }
        for sibling in siblings {
            if case .success = context.files.resolve(sibling, under: context.layout.badgesFolder) {
                return "`\(sibling)` is there: write `image: \(sibling)`"
            }
        }
        return "add a square PNG or SVG of at least 200 px at that path"
    }
}
