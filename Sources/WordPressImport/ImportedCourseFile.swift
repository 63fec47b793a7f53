/// The `course.yaml` and `issuer.yaml` of a course started by an import, filled from what the
/// export says about the site (its title, tagline, language, address and first author's email).
public enum ImportedCourseFile {
    /// The course file of `plan` for the course `id`.
    public static func text(id: String, export: WXRExport, issuer: String, plan: ImportPlan) -> String {
        let title = export.siteTitle.isEmpty ? id : export.siteTitle
        let siteURL = WXRAddress.upgraded(export.siteURL)
        var lines = [
            "# Imported from the WordPress export of \(title.map { $0.isNewline ? " " : $0 }.reduce("") { $0 + String($1) }).",
            "# Every field is explained in Docs/file-format.md; `toolkit validate` checks them.",
            "id: \(id)", "title: \(yamlQuoted(title))",
        ]
        if !export.siteDescription.isEmpty { lines.append("description: \(yamlQuoted(export.siteDescription))") }
        lines += [
            "language: \(isLanguageTag(export.language) ? export.language : "en")", "version: 0.1.0", "issuer: \(issuer)",
            "# The site's own copyright until you know its licence: change both if the content is openly licensed.",
            "licence:", "  name: \(yamlQuoted("© \(title)"))",
            "  url: \(yamlQuoted(siteURL.isEmpty ? "https://localhost" : siteURL))",
            "attribution: \(yamlQuoted("Imported from \(title) (\(siteURL)), from its WordPress export."))", "things:",
        ]
        lines += plan.things.map { "  - \($0.id)" }
        if !plan.collections.isEmpty {
            lines.append("collections:")
            for collection in plan.collections {
                lines += [
                    "  - id: \(collection.id)", "    title: \(yamlQuoted(collection.title))", "    badge: \(collection.badge)",
                    "    things: [\(collection.things.joined(separator: ", "))]",
                ]
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The issuer file of a workspace an import starts: the site as the issuer.
    public static func issuer(id: String, export: WXRExport) -> String {
        let name = export.siteTitle.isEmpty ? "The site's owner" : export.siteTitle
        let email = export.authorEmails.first ?? "badges@\(WXRAddress.host(export.siteURL) ?? "localhost")"
        return """
            # Imported from the WordPress export: the site as the organisation that awards the badges. Check
            # every value: badges name their issuer for good.
            id: \(id)
            name: \(yamlQuoted(name))
            url: \(yamlQuoted(WXRAddress.upgraded(export.siteURL)))
            email: \(yamlQuoted(email))
            image: images/\(id).svg

            """
    }

    private static func isLanguageTag(_ tag: String) -> Bool {
        let parts = tag.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLetter }) else {
            return false
        }
        return parts.dropFirst().allSatisfy {
            (1...8).contains($0.count) && $0.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
        }
    }
}
