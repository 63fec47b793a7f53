import Foundation

/// Addresses as a WordPress site writes them, compared and taken apart.
enum WXRAddress {
    /// `url` without a trailing slash.
    static func withoutTrailingSlash(_ url: String) -> String {
        var result = url
        while result.hasSuffix("/") { result.removeLast() }
        return result
    }

    /// The key two addresses of the same page share: host (without `www.`) and path without a
    /// trailing slash, plus a `p`/`page_id` query; the scheme is ignored.
    static func key(_ url: String) -> String? {
        guard let components = URLComponents(string: url.trimmed), let host = components.host?.lowercased(), !host.isEmpty
        else { return nil }
        let bareHost = host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        var path = withoutTrailingSlash(components.percentEncodedPath)
        if path == "/index.php" { path = "" }
        if path.hasPrefix("/index.php/") { path = String(path.dropFirst(10)) }
        let query = (components.queryItems ?? []).filter { ["p", "page_id", "attachment_id"].contains($0.name) }
            .map { "\($0.name)=\($0.value ?? "")" }.sorted().joined(separator: "&")
        return bareHost + path + (query.isEmpty ? "" : "?" + query)
    }

    /// The host of `url`, lowercase without `www.`.
    static func host(_ url: String) -> String? {
        guard let host = URLComponents(string: url.trimmed)?.host?.lowercased(), !host.isEmpty else { return nil }
        return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
    }

    /// The scheme of `url`, lowercase.
    static func scheme(_ url: String) -> String? { URLComponents(string: url.trimmed)?.scheme?.lowercased() }

    /// The path of an uploaded file inside the uploads folder (`2017/04/vision-map.png`), from its address.
    static func uploadsPath(of url: String) -> String? {
        guard let components = URLComponents(string: url.trimmed) else { return nil }
        let path = components.path
        if let range = path.range(of: "/wp-content/uploads/") { return String(path[range.upperBound...]) }
        // WordPress.com serves uploads from files.wordpress.com without the folder.
        if components.host?.hasSuffix(".files.wordpress.com") == true { return String(path.drop { $0 == "/" }) }
        return nil
    }

    /// `path` without WordPress's resized-variant suffix (`photo-300x200.png` → `photo.png`,
    /// `photo-scaled.jpg` → `photo.jpg`).
    static func originalOfVariant(_ path: String) -> String {
        guard let dot = path.lastIndex(of: "."), let dash = path[..<dot].lastIndex(of: "-") else { return path }
        let suffix = path[path.index(after: dash)..<dot]
        let parts = suffix.split(separator: "x")
        let isSize = parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy(\.isNumber) } && !suffix.hasPrefix("x")
        guard isSize || suffix == "scaled" else { return path }
        return String(path[..<dash]) + String(path[dot...])
    }

    /// `url` resolved against `base` (an absolute address) when it is relative.
    static func resolved(_ url: String, against base: String) -> String {
        let trimmed = url.trimmed
        if scheme(trimmed) != nil { return trimmed }
        guard let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL) else { return trimmed }
        return resolved.absoluteString
    }

    /// `url` with `http:` replaced by `https:`.
    static func upgraded(_ url: String) -> String {
        url.lowercased().hasPrefix("http://") ? "https://" + url.dropFirst(7) : url
    }
}
