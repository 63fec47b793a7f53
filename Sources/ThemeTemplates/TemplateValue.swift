/// A value a template reads: text, a flag, a list or an object of named values.
///
/// Typed values are what make rendering cheap: a lookup is a dictionary access and a `switch`,
/// where a renderer over `Any` pays for several dynamic casts per `{{name}}`.
public enum TemplateValue: Sendable, Equatable {
    /// Text (numbers are rendered to text when the value is made).
    case text(String)
    /// A whole number, kept as a number for the numeric transforms.
    case number(Int)
    /// `true` or `false`.
    case flag(Bool)
    /// A list, rendered once per item by a section.
    case list([TemplateValue])
    /// Named values; the names a template can reach from inside a section over it.
    case object([String: TemplateValue])

    /// Whether a section over the value renders: everything but `false` and an empty list
    /// (a missing value renders nothing as well; empty text counts as present, as in Mustache).
    var isTruthy: Bool {
        switch self {
        case .flag(let flag): flag
        case .list(let items): !items.isEmpty
        default: true
        }
    }

    /// The value's text where a template interpolates it.
    var interpolated: String {
        switch self {
        case .text(let text): text
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        case .list(let items): items.map(\.interpolated).joined(separator: ",")
        case .object: ""
        }
    }
}
