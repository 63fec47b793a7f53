import CourseXML
import ToolkitSupport

/// Finds active content in an SVG: what would run or fetch when a browser or a badge platform shows
/// it. Scripts, event handlers, `foreignObject` (arbitrary HTML), `javascript:` links and references to
/// anything but the document itself or inline raster data are refused, as are DOCTYPEs.
public enum SVGSafety {
    /// One piece of active content, with the line it is on.
    public struct Problem: Hashable, Sendable, CustomStringConvertible {
        /// 1-based line in the SVG.
        public var line: Int
        /// What it is.
        public var message: String
        /// Whether it is a drawing cost over the budget (else active content).
        public var isDrawingCost = false

        /// `line N: message`.
        public var description: String { "line \(line): \(message)" }
    }

    /// Elements that run code or embed other documents.
    static let activeElements: Set<String> = ["script", "foreignObject", "iframe", "embed", "object", "handler", "listener"]
    /// Attributes whose value is a reference.
    static let referenceAttributes: Set<String> = ["href", "src", "action", "formaction", "data"]

    /// The active content of `bytes`, empty when the SVG is safe to publish; a document that cannot be
    /// parsed is one problem.
    public static func problems(in bytes: [UInt8]) -> [Problem] {
        let before = problemsBeforeParsing(bytes)
        if !before.isEmpty { return before }
        do {
            return problems(in: try UntrustedXMLParser.parse(bytes))
        } catch {
            return [Problem(line: max(error.line, 1), message: "is not well-formed XML: \(error.message)")]
        }
    }

    /// What is wrong before an XML parser even sees the bytes: a NUL (libxml2 reads a buffer only up to
    /// one, so whatever follows would never be checked) or a DOCTYPE.
    public static func problemsBeforeParsing(_ bytes: [UInt8]) -> [Problem] {
        if let nul = bytes.firstIndex(of: 0) {
            let line = bytes[..<nul].filter { $0 == 0x0A }.count + 1
            return [Problem(line: line, message: "holds a NUL byte, which XML does not allow")]
        }
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        if head.contains(literal: "<!doctype") || head.contains(literal: "<!entity") {
            return [Problem(line: 1, message: "declares a DOCTYPE (DTDs can fetch or expand content)")]
        }
        return []
    }

    /// What drawing an SVG may cost: librsvg has no time limit, so a filter asking for a huge amount
    /// of work (a turbulence of thousands of octaves, a blur or morphology of a huge radius, thousands
    /// of filter steps or `use` copies) is refused before anything draws it.
    public enum DrawingBudget {
        /// The most octaves of `feTurbulence` (each one is a full pass over the filter region).
        public static let maximumOctaves = 10
        /// The largest `stdDeviation` of a blur and `radius` of a morphology, in user units.
        public static let maximumRadius = 100.0
        /// The largest `order` of `feConvolveMatrix`.
        public static let maximumKernelOrder = 9
        /// The most filter primitives (`fe…` elements) in one image.
        public static let maximumFilterSteps = 100
        /// The most `use` elements in one image (each may copy a whole subtree).
        public static let maximumUses = 1_000
        /// The most elements in one image.
        public static let maximumElements = 50_000
    }

    /// The active content below (and in) `root`, and what would cost too much to draw.
    public static func problems(in root: XMLElementSnapshot) -> [Problem] {
        var found: [Problem] = []
        var pending = [root]
        var elements = 0
        var filterSteps = 0
        var uses = 0
        while let element = pending.popLast() {
            elements += 1
            if element.name.hasPrefix("fe") { filterSteps += 1 }
            if element.name == "use" { uses += 1 }
            found += drawingCost(of: element)
            if activeElements.contains(element.name) {
                found.append(Problem(line: element.line, message: "has a `\(element.name)` element"))
            }
            for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
                if name.lowercased().hasPrefix("on") {
                    found.append(Problem(line: element.line, message: "has an event handler `\(name)` on `\(element.name)`"))
                } else if referenceAttributes.contains(name), !isSafeReference(value) {
                    found.append(Problem(line: element.line, message: "refers to `\(value.prefix(80))` from `\(element.name)`"))
                } else if name == "style", refersOutside(css: value) {
                    found.append(Problem(line: element.line, message: "has a style that loads from outside the image"))
                }
            }
            if element.name == "style", refersOutside(css: element.text) {
                found.append(Problem(line: element.line, message: "has a stylesheet that loads from outside the image"))
            }
            pending += element.children.reversed()
        }
        let counts: [(Int, Int, String)] = [
            (elements, DrawingBudget.maximumElements, "elements"),
            (filterSteps, DrawingBudget.maximumFilterSteps, "filter steps (`fe…` elements)"),
            (uses, DrawingBudget.maximumUses, "`use` elements"),
        ]
        for (count, limit, what) in counts where count > limit {
            found.append(
                Problem(
                    line: root.line, message: "has \(count) \(what), more than the \(limit) an image may have",
                    isDrawingCost: true))
        }
        return found.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
    }

    /// What one element asks of the renderer beyond the budget.
    static func drawingCost(of element: XMLElementSnapshot) -> [Problem] {
        func numbers(_ name: String) -> [Double] {
            (element.attributes[name] ?? "").split(whereSeparator: { $0 == " " || $0 == "," || $0.isNewline || $0 == "\t" })
                .map { Double($0) ?? .infinity }
        }
        var found: [Problem] = []
        func refuse(_ message: String) { found.append(Problem(line: element.line, message: message, isDrawingCost: true)) }
        switch element.name {
        case "feTurbulence":
            if let octaves = numbers("numOctaves").first, !(octaves <= Double(DrawingBudget.maximumOctaves)) {
                refuse(
                    "asks `feTurbulence` for \(element.attributes["numOctaves"] ?? "") octaves; at most \(DrawingBudget.maximumOctaves) can be drawn in reasonable time"
                )
            }
        case "feGaussianBlur", "feDropShadow":
            if numbers("stdDeviation").contains(where: { !($0.magnitude <= DrawingBudget.maximumRadius) }) {
                refuse("asks `\(element.name)` for a blur over \(Int(DrawingBudget.maximumRadius)) units wide")
            }
        case "feMorphology":
            if numbers("radius").contains(where: { !($0.magnitude <= DrawingBudget.maximumRadius) }) {
                refuse("asks `feMorphology` for a radius over \(Int(DrawingBudget.maximumRadius)) units")
            }
        case "feConvolveMatrix":
            if numbers("order").contains(where: { !($0 <= Double(DrawingBudget.maximumKernelOrder)) }) {
                refuse("asks `feConvolveMatrix` for an order over \(DrawingBudget.maximumKernelOrder)")
            }
        default:
            break
        }
        return found
    }

    /// A same-document fragment (`#id`) or inline raster data (`data:image/png;base64,…`).
    static func isSafeReference(_ value: String) -> Bool {
        let trimmed = value.drop(while: \.isWhitespace).lowercased()
        if trimmed.hasPrefix("#") { return true }
        return ["data:image/png", "data:image/jpeg", "data:image/gif", "data:image/webp"].contains { trimmed.hasPrefix($0) }
    }

    /// CSS that imports or loads anything but a same-document fragment.
    static func refersOutside(css: String) -> Bool {
        let lowered = css.lowercased()
        if lowered.contains("@import") || lowered.contains("expression(") || lowered.contains("javascript:") { return true }
        var rest = lowered[...]
        while let range = rest.range(of: "url(") {
            let argument = rest[range.upperBound...].drop { $0 == " " || $0 == "\"" || $0 == "'" }
            if !argument.hasPrefix("#") && !isSafeReference(String(argument.prefix(20))) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }
}
