import Mustache

/// Renders views through the theme's Mustache templates.
struct PageRenderer: Sendable {
    let library: MustacheLibrary

    /// A renderer for `theme`.
    init(theme: Theme) throws(Theme.Problem) {
        library = try theme.library()
    }

    /// The Thing page's HTML.
    func render(_ page: ThingPageView) -> String {
        library.render(TemplateValues.flatten(page) ?? [:], withTemplate: "thing") ?? ""
    }

    /// The course index's HTML.
    func render(_ page: IndexPageView) -> String {
        library.render(TemplateValues.flatten(page) ?? [:], withTemplate: "index") ?? ""
    }
}
