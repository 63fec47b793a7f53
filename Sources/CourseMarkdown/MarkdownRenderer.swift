import CCmarkGFM

/// Turns Markdown into HTML with cmark-gfm; raw HTML in the source is left out.
public enum MarkdownRenderer {
    /// Renders `source` to an HTML fragment. Raw HTML is replaced by a comment, so author HTML
    /// never reaches a page unsanitised; typographic quotes and dashes are applied.
    public static func html(_ source: String) -> String {
        CmarkSession.renderHTML(source, options: CMARK_OPT_SMART | CMARK_OPT_VALIDATE_UTF8)
    }
}
