/// Turns a request's path into a file of the snapshot, or nothing: percent-escapes decoded once, and
/// any `..`, `.`, empty segment, backslash, NUL or control character refused, so no request can name
/// a file outside the package (and the package lives in memory anyway: there is no disk path to reach).
public enum PreviewPaths {
    /// The prefix of the preview's own endpoints and scripts.
    public static let reserved = "__preview"

    /// The package path `rawPath` (the request target without its query) names, or nil when it is
    /// not a safe relative path. `/` is `index`.
    public static func packagePath(_ rawPath: String, index: String) -> String? {
        let withoutQuery = String(rawPath.prefix { $0 != "?" && $0 != "#" })
        guard withoutQuery.hasPrefix("/"), let decoded = withoutQuery.removingPercentEncoding else { return nil }
        if decoded == "/" { return index }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty || segment == "." || segment == ".." { return nil }
            if segment.contains(where: { $0 == "\\" || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true }) { return nil }
        }
        return segments.joined(separator: "/")
    }

    /// The content type of a file, by its extension.
    public static func contentType(of path: String) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        switch ext {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "pdf": return "application/pdf"
        case "mp4", "m4v": return "video/mp4"
        case "webm": return "video/webm"
        case "ogg", "oga": return "audio/ogg"
        case "mp3": return "audio/mpeg"
        case "vtt": return "text/vtt; charset=utf-8"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "xml", "xsd": return "application/xml"
        default: return "application/octet-stream"
        }
    }
}
