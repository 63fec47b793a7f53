import CourseModel

/// Formats resources as citations: author or publisher, year, title (italic), publisher, pages, link.
public enum CitationFormatter {
    /// The citation as safe HTML.
    public static func html(_ resource: Resource) -> String {
        let escape = HTMLSanitizer.escapeText
        var parts: [String] = []
        let creator = resource.author ?? resource.publisher
        if let creator {
            parts.append(escape(creator) + " (\(escape(year(of: resource.date) ?? "n.d."))).")
        }
        var title = "<cite>\(escape(resource.title))</cite>"
        if let url = resource.url, HTMLSanitizer.scheme(of: url) == "https" {
            title = "<a href=\"\(HTMLSanitizer.escapeAttribute(url))\" rel=\"noopener noreferrer\">\(title)</a>"
        }
        parts.append(title + (resource.title.last.map { ".?!".contains($0) } == true ? "" : "."))
        if resource.author != nil, let publisher = resource.publisher { parts.append(escape(publisher) + ".") }
        if let pages = resource.pages {
            let plural = pages.contains("–") || pages.contains("-") || pages.contains(",")
            parts.append((plural ? "pp. " : "p. ") + escape(pages) + ".")
        }
        if creator == nil, let date = resource.date { parts.append("(\(escape(date))).") }
        return parts.joined(separator: " ")
    }

    /// The year of a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date.
    static func year(of date: String?) -> String? {
        guard let date, date.count >= 4 else { return nil }
        let year = date.prefix(4)
        return year.allSatisfy(\.isNumber) ? String(year) : date
    }
}
