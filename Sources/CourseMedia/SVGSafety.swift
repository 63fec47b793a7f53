import CourseXML

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
        if head.contains("<!doctype") || head.contains("<!entity") {
            return [Problem(line: 1, message: "declares a DOCTYPE (DTDs can fetch or expand content)")]
        }
        return []
    }

    /// The active content below (and in) `root`.
    public static func problems(in root: XMLElementSnapshot) -> [Problem] {
        var found: [Problem] = []
        var pending = [root]
        while let element = pending.popLast() {
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
        return found.sorted { ($0.line, $0.message) < ($1.line, $1.message) }
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
