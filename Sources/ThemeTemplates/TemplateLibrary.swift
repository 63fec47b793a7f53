/// Templates that include each other by name, parsed once and rendered many times over typed values.
public struct TemplateLibrary: Sendable {
    /// How deep partials may include partials: enough for any theme, and a clear stop for one that
    /// includes itself without end.
    public static let maximumPartialDepth = 32
    /// How many template parts one page may render: a Thing page takes a few thousand; a section
    /// nested in itself (`{{#items}}` inside `{{#items}}`) doubles the work at every level and would
    /// otherwise run for ever.
    public static let defaultMaximumSteps = 10_000_000

    /// The step limit of this library's renders.
    public let maximumSteps: Int

    private let templates: [String: Template]
    /// Indented copies of partials used on lines of their own, keyed by name and indentation.
    private let indentedPartials: [PartialKey: Template]

    private struct PartialKey: Hashable, Sendable {
        let name: String
        let indentation: String
    }

    /// Parses every source (by template name), to be rendered in at most `maximumSteps` steps each; throws for the first that does not parse, or that
    /// includes a partial the library does not have.
    public init(sources: [String: String], maximumSteps: Int = defaultMaximumSteps) throws(TemplateError) {
        self.maximumSteps = maximumSteps
        var templates: [String: Template] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            templates[name] = try Template(source, name: name)
        }
        var indented: [PartialKey: Template] = [:]
        for (name, template) in templates.sorted(by: { $0.key < $1.key }) {
            for use in template.partialUses {
                guard let partial = templates[use.name] else {
                    throw TemplateError(
                        template: name, line: 1,
                        message:
                            "includes `{{> \(use.name)}}`, but there is no template `\(use.name)`; known: \(templates.keys.sorted().joined(separator: ", "))"
                    )
                }
                let key = PartialKey(name: use.name, indentation: use.indentation)
                if !use.indentation.isEmpty, indented[key] == nil {
                    indented[key] = try partial.indented(by: use.indentation, name: use.name)
                }
            }
        }
        self.templates = templates
        self.indentedPartials = indented
    }

    /// The template `name` rendered over `value`.
    public func render(_ name: String, _ value: TemplateValue) throws(TemplateRenderError) -> String {
        guard let template = templates[name] else {
            throw TemplateRenderError(message: "there is no template `\(name)`", template: name)
        }
        var renderer = Renderer(library: self)
        var stack = [value]
        renderer.render(template.nodes, stack: &stack, depth: 0)
        if var problem = renderer.problem {
            problem.template = name
            throw problem
        }
        return renderer.output
    }

    fileprivate func partial(_ name: String, indentation: String) -> Template? {
        indentation.isEmpty ? templates[name] : indentedPartials[PartialKey(name: name, indentation: indentation)]
    }
}

/// A template that could not be rendered to the end.
public struct TemplateRenderError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public let message: String
    /// The template being rendered.
    public var template = ""

    /// `name.mustache: message`.
    public var description: String { template.isEmpty ? message : "\(template).mustache: \(message)" }
}

/// Walks a template's nodes with a stack of the values sections have entered.
private struct Renderer {
    let library: TemplateLibrary
    var output = ""
    var problem: TemplateRenderError?
    private var steps = 0

    init(library: TemplateLibrary) {
        self.library = library
        output.reserveCapacity(32 * 1024)
    }

    mutating func render(_ nodes: [Template.Node], stack: inout [TemplateValue], depth: Int) {
        for node in nodes {
            guard problem == nil else { return }
            steps += 1
            guard steps <= library.maximumSteps else {
                problem = TemplateRenderError(
                    message:
                        "rendering took more than \(library.maximumSteps) steps; does a section repeat inside itself, such as `{{#items}}` within `{{#items}}`?"
                )
                return
            }
            switch node {
            case .text(let text):
                output += text
            case .variable(let reference, let escaped):
                guard let value = Self.resolve(reference, in: stack) else { continue }
                if escaped { HTMLEscaping.append(value.interpolated, to: &output) } else { output += value.interpolated }
            case .section(let reference, let inverted, let body):
                let value = Self.resolve(reference, in: stack)
                let present = value?.isTruthy ?? false
                if inverted {
                    if !present { render(body, stack: &stack, depth: depth) }
                    continue
                }
                guard let value, present else { continue }
                switch value {
                case .flag:
                    render(body, stack: &stack, depth: depth)
                case .list(let items):
                    for item in items {
                        stack.append(item)
                        render(body, stack: &stack, depth: depth)
                        stack.removeLast()
                    }
                default:
                    stack.append(value)
                    render(body, stack: &stack, depth: depth)
                    stack.removeLast()
                }
            case .partial(let name, let indentation):
                guard depth < TemplateLibrary.maximumPartialDepth else {
                    problem = TemplateRenderError(
                        message:
                            "partials nest more than \(TemplateLibrary.maximumPartialDepth) deep; does `\(name)` include itself?")
                    return
                }
                guard let partial = library.partial(name, indentation: indentation) else { continue }
                render(partial.nodes, stack: &stack, depth: depth + 1)
            }
        }
    }

    /// The value a reference names: its first name looked up from the innermost section outwards,
    /// the rest inside that value; then the transform.
    static func resolve(_ reference: Template.Reference, in stack: [TemplateValue]) -> TemplateValue? {
        var value: TemplateValue?
        if let first = reference.path.first {
            for frame in stack.reversed() {
                if case .object(let object) = frame, let found = object[first] {
                    value = found
                    break
                }
            }
            for name in reference.path.dropFirst() {
                guard case .object(let object) = value else { return nil }
                value = object[name]
            }
        } else {
            value = stack.last
        }
        guard let value else { return nil }
        guard let transform = reference.transform else { return value }
        return transform.apply(to: value)
    }
}

/// HTML escaping of interpolated text, byte by byte.
enum HTMLEscaping {
    static func append(_ text: String, to output: inout String) {
        var text = text
        let needsEscaping = text.withUTF8 { bytes in
            bytes.contains { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 }
        }
        guard needsEscaping else {
            output += text
            return
        }
        var escaped: [UInt8] = []
        escaped.reserveCapacity(text.utf8.count + 16)
        for byte in text.utf8 {
            switch byte {
            case 0x26: escaped.append(contentsOf: "&amp;".utf8)
            case 0x3C: escaped.append(contentsOf: "&lt;".utf8)
            case 0x3E: escaped.append(contentsOf: "&gt;".utf8)
            case 0x22: escaped.append(contentsOf: "&quot;".utf8)
            case 0x27: escaped.append(contentsOf: "&#39;".utf8)
            default: escaped.append(byte)
            }
        }
        output += String(decoding: escaped, as: UTF8.self)
    }
}
