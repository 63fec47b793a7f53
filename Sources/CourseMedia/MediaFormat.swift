/// The kinds of file a course may carry beside its pages, told apart by their bytes: pictures,
/// documents, audio, video, captions and plain text. Anything else (pages, scripts, programs) stays out.
public enum MediaFormat: String, Sendable, Hashable, CaseIterable {
    case png, jpeg, gif, webp, svg
    case pdf
    /// An Office Open XML or OpenDocument file (`docx`, `xlsx`, `pptx`, `odt`, …): a zip inside.
    case officeDocument
    /// A legacy Office file (`doc`, `xls`, `ppt`): a compound document inside.
    case legacyOfficeDocument
    case mp4, webm, mp3, ogg, wav
    /// WebVTT captions.
    case vtt
    /// Plain UTF-8 text (`txt`, `csv`, `md`): a transcript, a data file.
    case text

    /// What a format is for.
    public enum Category: String, Sendable, Hashable {
        case image, document, audio, video, captions
    }

    /// The category.
    public var category: Category {
        switch self {
        case .png, .jpeg, .gif, .webp, .svg: .image
        case .pdf, .officeDocument, .legacyOfficeDocument, .text: .document
        case .mp4, .webm: .video
        case .mp3, .ogg, .wav: .audio
        case .vtt: .captions
        }
    }

    /// The formats a file name's extension promises, by lowercase extension.
    public static let byExtension: [String: MediaFormat] = [
        "png": .png, "jpg": .jpeg, "jpeg": .jpeg, "gif": .gif, "webp": .webp, "svg": .svg,
        "pdf": .pdf,
        "docx": .officeDocument, "xlsx": .officeDocument, "pptx": .officeDocument,
        "odt": .officeDocument, "ods": .officeDocument, "odp": .officeDocument,
        "doc": .legacyOfficeDocument, "xls": .legacyOfficeDocument, "ppt": .legacyOfficeDocument,
        "mp4": .mp4, "m4v": .mp4, "m4a": .mp4, "webm": .webm, "mp3": .mp3, "ogg": .ogg, "oga": .ogg, "wav": .wav,
        "vtt": .vtt, "txt": .text, "csv": .text, "md": .text,
    ]

    /// Extensions LMSs refuse or that would run as code in a browser or on a server.
    public static let refusedExtensions: Set<String> = [
        "html", "htm", "xhtml", "shtml", "js", "mjs", "cjs", "php", "phtml", "asp", "aspx", "jsp", "cgi", "pl", "py", "rb",
        "sh", "bash", "zsh", "bat", "cmd", "com", "exe", "dll", "msi", "so", "dylib", "jar", "ps1", "vbs", "wasm", "swf",
        "htaccess", "htpasswd",
    ]

    /// The lowercase extension of a path (`""` when there is none; `htaccess` for `.htaccess`).
    public static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// The MIME type the browser and the LMS are told.
    public func mimeType(forExtension ext: String) -> String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .gif: "image/gif"
        case .webp: "image/webp"
        case .svg: "image/svg+xml"
        case .pdf: "application/pdf"
        case .officeDocument:
            [
                "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
                "odt": "application/vnd.oasis.opendocument.text", "ods": "application/vnd.oasis.opendocument.spreadsheet",
                "odp": "application/vnd.oasis.opendocument.presentation",
            ][ext] ?? "application/octet-stream"
        case .legacyOfficeDocument:
            ["doc": "application/msword", "xls": "application/vnd.ms-excel", "ppt": "application/vnd.ms-powerpoint"][ext]
                ?? "application/octet-stream"
        case .mp4: ext == "m4a" ? "audio/mp4" : "video/mp4"
        case .webm: "video/webm"
        case .mp3: "audio/mpeg"
        case .ogg: "audio/ogg"
        case .wav: "audio/wav"
        case .vtt: "text/vtt"
        case .text: ext == "csv" ? "text/csv" : ext == "md" ? "text/markdown" : "text/plain"
        }
    }

    /// How a download link names the file's type for a learner: `PDF`, `Word document`, `MP3 audio`.
    public func displayName(forExtension ext: String) -> String {
        switch self {
        case .png, .jpeg, .gif, .webp, .svg: "\(ext.uppercased()) image"
        case .pdf: "PDF"
        case .officeDocument, .legacyOfficeDocument:
            switch ext {
            case "docx", "doc", "odt": "Word document"
            case "xlsx", "xls", "ods": "spreadsheet"
            default: "presentation"
            }
        case .mp4: ext == "m4a" ? "M4A audio" : "MP4 video"
        case .webm: "WebM video"
        case .mp3: "MP3 audio"
        case .ogg: "Ogg audio"
        case .wav: "WAV audio"
        case .vtt: "captions"
        case .text: ext == "csv" ? "CSV" : "text"
        }
    }

    /// A file size as a learner reads it: `820 KB`, `1.2 MB`.
    public static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) bytes" }
        if bytes < 1024 * 1024 { return "\(max(1, Int((Double(bytes) / 1024).rounded()))) KB" }
        let megabytes = Double(bytes) / 1024 / 1024
        let tenths = (megabytes * 10).rounded() / 10
        return tenths == tenths.rounded() ? "\(Int(tenths)) MB" : "\(tenths) MB"
    }
}
