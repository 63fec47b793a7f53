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

    /// Converts a value of view structs (and their optionals, arrays, strings, numbers and flags)
    /// by reflection, once per page. Optional properties that are nil are left out, so that a
    /// section over them renders nothing and an inverted section renders.
    public init?(reflecting value: Any) {
        switch value {
        case let converted as TemplateValue: self = converted
        case let text as String: self = .text(text)
        case let number as Int: self = .number(number)
        case let flag as Bool: self = .flag(flag)
        case let number as Double: self = .text(String(describing: number))
        default:
            let mirror = Mirror(reflecting: value)
            switch mirror.displayStyle {
            case .optional:
                guard let wrapped = mirror.children.first else { return nil }
                self.init(reflecting: wrapped.value)
            case .collection, .set:
                self = .list(mirror.children.compactMap { TemplateValue(reflecting: $0.value) })
            case .struct, .class:
                var object: [String: TemplateValue] = [:]
                for child in mirror.children {
                    guard let label = child.label, let converted = TemplateValue(reflecting: child.value) else { continue }
                    object[label] = converted
                }
                self = .object(object)
            default:
                self = .text(String(describing: value))
            }
        }
    }

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
