import CCmarkGFM

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs cmark-gfm with the GitHub extensions attached; the only place that owns cmark pointers.
enum CmarkSession {
    /// The GFM extensions every document is parsed with.
    static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses `source`, hands the document node to `body`, and frees everything afterwards.
    static func withParsedDocument<Result>(
        _ source: String, options: Int32, _ body: (OpaquePointer) -> Result
    ) -> Result {
        withDocument(source, options: options) { document, _ in body(document) }
    }

    /// Parses and renders `source` to HTML with the same extensions.
    static func renderHTML(_ source: String, options: Int32) -> String {
        withDocument(source, options: options) { document, parser in
            guard let html = cmark_render_html(document, options, cmark_parser_get_syntax_extensions(parser)) else {
                return ""
            }
            defer { free(html) }
            return String(cString: html)
        }
    }

    private static func withDocument<Result>(
        _ source: String, options: Int32, _ body: (_ document: OpaquePointer, _ parser: OpaquePointer) -> Result
    ) -> Result {
        withParser(options: options) { parser in
            let bytes = Array(source.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                buffer.baseAddress.map { base in
                    base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                        cmark_parser_feed(parser, $0, buffer.count)
                    }
                }
            }
            let document = cmark_parser_finish(parser)!
            defer { cmark_node_free(document) }
            return body(document, parser)
        }
    }

    private static func withParser<Result>(options: Int32, _ body: (OpaquePointer) -> Result) -> Result {
        _ = registered
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in extensionNames {
            if let syntaxExtension = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, syntaxExtension)
            }
        }
        return body(parser)
    }
}
