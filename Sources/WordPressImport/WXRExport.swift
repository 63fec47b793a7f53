import CourseXML

/// What a WordPress export (WXR 1.2, the RSS file of Tools › Export) says about a site and its items.
public struct WXRExport: Sendable, Hashable {
    /// The site's title (`channel/title`).
    public var siteTitle: String
    /// The site's address (`channel/link`, else `wp:base_blog_url`), without a trailing slash.
    public var siteURL: String
    /// The site's tagline.
    public var siteDescription: String
    /// The site's language (`channel/language`), such as `en-GB`; empty when the export has none.
    public var language: String
    /// The WXR version the export declares.
    public var version: String
    /// Every item, in the export's order.
    public var items: [WXRItem]
    /// The authors' email addresses, in the export's order.
    public var authorEmails: [String] = []

    /// Creates an export.
    public init(
        siteTitle: String, siteURL: String, siteDescription: String, language: String, version: String,
        items: [WXRItem]
    ) {
        self.siteTitle = siteTitle
        self.siteURL = siteURL
        self.siteDescription = siteDescription
        self.language = language
        self.version = version
        self.items = items
    }

    /// The attachment items by post id.
    public var attachmentsByID: [Int: WXRItem] {
        Dictionary(items.filter { $0.postType == "attachment" }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}

/// One `<item>` of an export: a post, a page, an attachment, a menu entry or anything else a site stores.
public struct WXRItem: Sendable, Hashable {
    /// `wp:post_id`.
    public var id: Int
    /// The title.
    public var title: String
    /// The permalink (`link`).
    public var link: String
    /// `guid` (often `https://site/?p=ID`).
    public var guid: String
    /// `wp:post_type`: `post`, `page`, `attachment`, `nav_menu_item`, …
    public var postType: String
    /// `wp:status`: `publish`, `draft`, `private`, `inherit`, …
    public var status: String
    /// `wp:post_name`: the slug.
    public var slug: String
    /// `wp:post_parent`.
    public var parentID: Int
    /// `wp:post_date` as written.
    public var date: String
    /// `content:encoded`: the body HTML (classic or block markup).
    public var content: String
    /// `wp:attachment_url`, for attachments.
    public var attachmentURL: String
    /// `wp:postmeta` entries by key (the first value of each key).
    public var meta: [String: String]
    /// The line of the export where the item starts.
    public var line: Int

    /// Creates an item.
    public init(
        id: Int, title: String, link: String, guid: String, postType: String, status: String, slug: String,
        parentID: Int, date: String, content: String, attachmentURL: String, meta: [String: String], line: Int
    ) {
        self.id = id
        self.title = title
        self.link = link
        self.guid = guid
        self.postType = postType
        self.status = status
        self.slug = slug
        self.parentID = parentID
        self.date = date
        self.content = content
        self.attachmentURL = attachmentURL
        self.meta = meta
        self.line = line
    }

    /// The attachment's file inside the uploads folder (`2017/04/vision-map.png`), from
    /// `_wp_attached_file` or else from its URL.
    public var attachedFile: String? {
        if let file = meta["_wp_attached_file"], !file.isEmpty { return file }
        return WXRAddress.uploadsPath(of: attachmentURL)
    }
}

/// Why an export could not be read.
public struct WXRReadError: Error, Hashable, Sendable, CustomStringConvertible {
    /// What is wrong and what to do.
    public var message: String
    /// 1-based line (0 when unknown).
    public var line: Int
    /// 1-based column (0 when unknown).
    public var column: Int

    /// Creates an error.
    public init(message: String, line: Int = 0, column: Int = 0) {
        self.message = message
        self.line = line
        self.column = column
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}

/// The limits an export is read within, so a hostile or broken file cannot exhaust memory.
public enum WXRLimits {
    /// Largest export accepted, in bytes (a 69-Thing programme with its comments is a few MB).
    public static let maximumExportBytes = 64 * 1024 * 1024
    /// Largest body (`content:encoded`) of one item that is converted, in bytes.
    public static let maximumItemContentBytes = 2 * 1024 * 1024
    /// libxml2's longest text node without its "huge" option, which is never set.
    public static let libxml2TextNodeBytes = 10_000_000
}

/// Reads a WXR file with libxml2: no network, no DTD, entities refused, within `WXRLimits`.
public enum WXRReader {
    /// The export in `bytes`, or why it cannot be read.
    public static func read(_ bytes: [UInt8]) throws(WXRReadError) -> WXRExport {
        guard bytes.count <= WXRLimits.maximumExportBytes else {
            throw WXRReadError(
                message:
                    "the export is \(bytes.count) bytes, over the \(WXRLimits.maximumExportBytes)-byte limit: export one post type or a date range at a time (Tools › Export)"
            )
        }
        let root: XMLElementSnapshot
        do {
            root = try UntrustedXMLParser.parse(bytes, maximumSize: WXRLimits.maximumExportBytes)
        } catch {
            var message = error.message
            if message.lowercased().contains("huge") || message.lowercased().contains("too big") {
                message =
                    "a text in the export is longer than \(WXRLimits.libxml2TextNodeBytes) bytes, which is refused (\(message))"
            }
            throw WXRReadError(message: "not a readable WordPress export: \(message)", line: error.line, column: error.column)
        }
        guard root.name == "rss", let channel = root.children.first(where: { $0.name == "channel" }) else {
            throw WXRReadError(
                message: "not a WordPress export: the file's root is <\(root.name)>, not an RSS channel", line: root.line,
                column: 1)
        }
        let version = channel.wp("wxr_version")?.text.trimmed ?? ""
        guard !version.isEmpty else {
            throw WXRReadError(
                message: "not a WordPress export: the channel has no wp:wxr_version (export it with Tools › Export)",
                line: channel.line, column: 1)
        }
        guard version.hasPrefix("1.") else {
            throw WXRReadError(
                message: "WXR version \(version) is not one this importer reads (1.0 to 1.2)", line: channel.line, column: 1)
        }
        let link = channel.plain("link")?.text.trimmed ?? ""
        let blog = channel.wp("base_blog_url")?.text.trimmed ?? ""
        let items = channel.children.filter { $0.name == "item" && $0.namespaceURI == nil }.map(item(from:))
        let emails = channel.children.filter { $0.name == "author" && WXRNamespace.isWordPress($0.namespaceURI) }
            .compactMap { $0.wp("author_email")?.text.trimmed }.filter { !$0.isEmpty }
        var export = WXRExport(
            siteTitle: channel.plain("title")?.text.trimmed ?? "",
            siteURL: WXRAddress.withoutTrailingSlash(link.isEmpty ? blog : link),
            siteDescription: channel.plain("description")?.text.trimmed ?? "",
            language: channel.plain("language")?.text.trimmed ?? "", version: version, items: items)
        export.authorEmails = emails
        return export
    }

    private static func item(from element: XMLElementSnapshot) -> WXRItem {
        var meta: [String: String] = [:]
        for entry in element.children where entry.name == "postmeta" && WXRNamespace.isWordPress(entry.namespaceURI) {
            let key = entry.wp("meta_key")?.text ?? ""
            if meta[key] == nil { meta[key] = entry.wp("meta_value")?.text ?? "" }
        }
        return WXRItem(
            id: Int(element.wp("post_id")?.text.trimmed ?? "") ?? 0,
            title: element.plain("title")?.text.trimmed ?? "",
            link: element.plain("link")?.text.trimmed ?? "",
            guid: element.plain("guid")?.text.trimmed ?? "",
            postType: element.wp("post_type")?.text.trimmed ?? "",
            status: element.wp("status")?.text.trimmed ?? "",
            slug: element.wp("post_name")?.text.trimmed ?? "",
            parentID: Int(element.wp("post_parent")?.text.trimmed ?? "") ?? 0,
            date: element.wp("post_date")?.text.trimmed ?? "",
            content: element.children.first {
                $0.name == "encoded" && $0.namespaceURI == WXRNamespace.content
            }?.text ?? "",
            attachmentURL: element.wp("attachment_url")?.text.trimmed ?? "",
            meta: meta, line: element.line)
    }
}

/// The namespaces of a WXR file.
enum WXRNamespace {
    /// `content:encoded`.
    static let content = "http://purl.org/rss/1.0/modules/content/"

    /// Whether `uri` is WordPress's export namespace (`http` or `https`, any 1.x version).
    static func isWordPress(_ uri: String?) -> Bool {
        guard let uri else { return false }
        return uri.hasPrefix("http://wordpress.org/export/") || uri.hasPrefix("https://wordpress.org/export/")
    }
}

extension XMLElementSnapshot {
    /// The first child `wp:name`.
    fileprivate func wp(_ name: String) -> XMLElementSnapshot? {
        children.first { $0.name == name && WXRNamespace.isWordPress($0.namespaceURI) }
    }

    /// The first child `name` without a namespace (RSS's own elements).
    fileprivate func plain(_ name: String) -> XMLElementSnapshot? {
        children.first { $0.name == name && $0.namespaceURI == nil }
    }
}

extension StringProtocol {
    /// Without leading and trailing white space.
    var trimmed: String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
