import Mustache
import Testing
import ThemeTemplates

/// Our renderer against swift-mustache (the reference it replaced for speed), output for output,
/// and its own errors.
@Suite("Theme templates")
struct TemplateTests {
    static let page: TemplateValue = .object([
        "title": .text("Leading <care> & \"support\" 'daily'"),
        "number": .number(2),
        "published": .flag(true),
        "draft": .flag(false),
        "empty": .list([]),
        "note": .text(""),
        "licence": .object(["name": .text("CC BY"), "url": .text("https://example.org/l")]),
        "items": .list([
            .object(["label": .text("One"), "href": .text("one.html")]),
            .object(["label": .text("Two")]),
        ]),
        "words": .list([.text("a"), .text("b"), .text("c")]),
        "html": .text("<em>kept</em>"),
    ])

    static let partials = [
        "line": "<li>{{label}}</li>\n",
        "block": "<p>\n{{title}}\n</p>\n",
    ]

    /// Templates that exercise every feature themes use, and the whitespace rules.
    static let templates: [String] = [
        "{{title}} / {{{title}}} / {{& title}} / {{number}} / {{missing}}.",
        "{{#published}}yes{{/published}}{{^published}}no{{/published}}{{#draft}}draft{{/draft}}{{^draft}}final{{/draft}}",
        "{{#items}}[{{label}}{{#href}} -> {{href}}{{/href}}{{^href}} (no link){{/href}} in {{title}}]{{/items}}",
        "{{#empty}}never{{/empty}}{{^empty}}none{{/empty}}{{#note}}note:{{.}}{{/note}}",
        "{{licence.name}} at {{licence.url}}; {{#licence}}{{name}} {{#url}}<{{url}}>{{/url}}{{/licence}}; {{licence.nothing.deeper}}",
        "{{#words}}{{.}},{{/words}} {{count(words)}} {{^empty(words)}}has words{{/empty(words)}}{{#empty(empty)}} empty list{{/empty(empty)}}",
        "{{uppercased(licence.name)}} {{lowercased(title)}} {{#first(items)}}{{label}}{{/first(items)}} {{#last(items)}}{{label}}{{/last(items)}}",
        "<ul>\n  {{#items}}\n  <li>{{label}}</li>\n  {{/items}}\n</ul>\n",
        "a\n{{! a comment\n over two lines }}\nb\n  {{! standalone }}  \nc {{! inline }} d\n",
        "<ul>\n  {{> line}}\n</ul>\n{{#items}}\n{{> line}}\n{{/items}}\n",
        "<div>\n    {{> block}}\n</div>\n",
        "{{=<% %>=}}<% title %> {{title}} <%={{ }}=%>{{number}}",
        "{{#published}}\n  indented\n{{/published}}\n{{html}} {{{html}}}\n{{#items}}{{#href}}{{label}}{{/href}}{{/items}}",
        "no trailing newline {{#published}}x{{/published}}",
        "  {{#published}}  \nline\n  {{/published}}",
    ]

    @Test("renders as swift-mustache does", arguments: Array(templates.indices))
    func matchesReference(_ index: Int) throws {
        let template = Self.templates[index]
        let library = try TemplateLibrary(sources: Self.partials.merging(["page": template]) { $1 })
        let ours = try library.render("page", Self.page)
        var references: [String: MustacheTemplate] = [:]
        for (name, source) in Self.partials.merging(["page": template], uniquingKeysWith: { $1 }) {
            references[name] = try MustacheTemplate(string: source)
        }
        let reference = MustacheLibrary(templates: references).render(Self.any(Self.page), withTemplate: "page")
        #expect(ours == reference, "template \(index): \(template.debugDescription)")
    }

    @Test("where swift-mustache departs from the Mustache specification, we follow the specification")
    func specificationCases() throws {
        func render(_ source: String, partial: String = "") throws -> String {
            try TemplateLibrary(sources: ["page": source, "part": partial]).render("page", Self.page)
        }
        // A standalone tag on a last line without a newline still takes its line's whitespace with it.
        #expect(try render("#{{#published}}\n/\n  {{/published}}") == "#\n/\n")
        #expect(try render(">\n  {{> part}}", partial: ">\n>") == ">\n  >\n  >")
        // A line with text on it is not standalone, even when the text sits inside another section.
        #expect(try render("{{#draft}}\n  {{! note }}<b>{{/draft}}{{#published}}\nY\n{{/published}}\n") == "\nY\n")
        // Text is text, even a last line of spaces.
        #expect(try render("a\n  ") == "a\n  ")
    }

    @Test("Encodable views become objects: nil optionals are left out, numbers stay numbers, lists keep their order")
    func encoding() throws {
        struct Link: Encodable {
            let label: String
            let href: String?
        }
        struct View: Encodable {
            let links: [Link]
            let count: Int
            let shown: Bool
            let ratio: Double
            let words: [String]
            let note: String?
        }
        let view = View(
            links: [Link(label: "A", href: nil), Link(label: "B", href: "b")], count: 2, shown: true, ratio: 0.5,
            words: ["x", "y"], note: nil)
        #expect(
            try TemplateValueEncoder.encode(view)
                == .object([
                    "links": .list([.object(["label": .text("A")]), .object(["label": .text("B"), "href": .text("b")])]),
                    "count": .number(2), "shown": .flag(true), "ratio": .text("0.5"), "words": .list([.text("x"), .text("y")]),
                ]))
    }

    @Test("mistakes in a template are reported with the template, line and a way to fix them")
    func errors() {
        func error(_ source: String, partials: [String: String] = [:]) -> String? {
            do {
                _ = try TemplateLibrary(sources: partials.merging(["page": source]) { $1 })
                return nil
            } catch {
                return error.description
            }
        }
        #expect(
            error("a\n{{#items}}\nb\n") == "page.mustache:2: the section `items` opened here is never closed; add `{{/items}}`")
        #expect(
            error("{{#a}}{{#b}}\n{{/a}}{{/b}}")
                == "page.mustache:2: `{{/a}}` closes the section `b` opened on line 1; close that one first")
        #expect(error("{{/a}}") == "page.mustache:1: `{{/a}}` closes a section that was never opened")
        #expect(error("x\n{{title") == "page.mustache:2: a tag opened here is never closed; close it with `}}`")
        #expect(error("{{shout(title)}}")?.hasPrefix("page.mustache:1: unknown transform `shout`; known: empty, count") == true)
        #expect(
            error("{{> nowhere}}") == "page.mustache:1: includes `{{> nowhere}}`, but there is no template `nowhere`; known: page"
        )
        #expect(error("{{a..b}}") == "page.mustache:1: `a..b` is not a name; write names as `a` or `a.b`")
    }

    @Test("a partial that includes itself for ever, or sections that multiply, stop with a message instead of hanging")
    func runawayTemplates() throws {
        let recursive = try TemplateLibrary(sources: ["page": "{{> page}}"])
        #expect(throws: TemplateRenderError.self) { try recursive.render("page", .object([:])) }
        let nested = String(repeating: "{{#words}}", count: 40) + "." + String(repeating: "{{/words}}", count: 40)
        let multiplying = try TemplateLibrary(sources: ["page": nested], maximumSteps: 100_000)
        do {
            _ = try multiplying.render("page", Self.page)
            Issue.record("a section nested 40 deep over 3 items rendered 3^40 times without stopping")
        } catch {
            #expect(error.description.hasPrefix("page.mustache: rendering took more than 100000 steps"))
        }
    }

    /// The value as swift-mustache reads it.
    static func any(_ value: TemplateValue) -> Any {
        switch value {
        case .text(let text): text
        case .number(let number): number
        case .flag(let flag): flag
        case .list(let items): items.map(any)
        case .object(let object): object.mapValues(any)
        }
    }
}
