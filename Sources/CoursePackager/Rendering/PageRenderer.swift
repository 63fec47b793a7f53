import ThemeTemplates

/// Renders views through the theme's Mustache templates.
struct PageRenderer: Sendable {
    let library: TemplateLibrary

    /// A renderer for `theme`.
    init(theme: Theme) throws(Theme.Problem) {
        library = try theme.library()
    }

    /// The Thing page's HTML.
    func render(_ page: ThingPageView) throws -> String {
        try library.render("thing", TemplateValueEncoder.encode(page))
    }

    /// The Thing page of a Common Cartridge: standing alone, with no script and no theme file.
    func renderCartridgePage(_ page: ThingPageView) throws -> String {
        try library.render("cartridge", TemplateValueEncoder.encode(page))
    }

    /// The course index's HTML.
    func render(_ page: IndexPageView) throws -> String {
        try library.render("index", TemplateValueEncoder.encode(page))
    }
}
