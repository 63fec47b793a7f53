import CourseModel

/// Formats resources as citations: author or publisher, year, title (italic), publisher, pages, link.
public enum CitationFormatter {
    /// A resource's own file in the package: where the page links to it, and its type and size.
    public struct Download: Sendable, Equatable {
        /// The link from the page to the file.
        public var href: String
        /// `PDF, 1.2 MB`.
        public var note: String

        /// Creates a download.
        public init(href: String, note: String) {
            self.href = href
            self.note = note
        }
    }

    /// The citation as safe HTML; a resource with its own file links to it as a download.
    public static func html(_ resource: Resource, download: Download? = nil) -> String {
        let escape = HTMLSanitizer.escapeText
        var parts: [String] = []
        let creator = resource.author ?? resource.publisher
        if let creator {
            parts.append(escape(creator) + " (\(escape(year(of: resource.date) ?? "n.d."))).")
        }
        var title = "<cite>\(escape(resource.title))</cite>"
        if let download {
            title = "<a href=\"\(HTMLSanitizer.escapeAttribute(download.href))\" download>\(title)</a>"
        } else if let url = resource.url, HTMLSanitizer.scheme(of: url) == "https" {
            title = "<a href=\"\(HTMLSanitizer.escapeAttribute(url))\" rel=\"noopener noreferrer\">\(title)</a>"
        }
        parts.append(title + (resource.title.last.map { ".?!".contains($0) } == true ? "" : "."))
        if let download { parts.append("<span class=\"file-note\">(\(escape(download.note)))</span>") }
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
