/// Turns view structs into dictionaries once per page, so templates look names up in a dictionary
/// instead of reflecting over every enclosing view for every `{{name}}` (Mustache's default, which
/// cost more than half of a build).
enum TemplateValues {
    /// `value` with every struct turned into `[String: Any]` (nil properties left out, as the
    /// reflecting lookup treats them) and every array converted element by element.
    static func flatten(_ value: Any) -> Any? {
        switch value {
        case let text as String: return text
        case let number as Int: return number
        case let flag as Bool: return flag
        case let number as Double: return number
        default: break
        }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            return mirror.children.first.flatMap { flatten($0.value) }
        case .collection:
            return mirror.children.compactMap { flatten($0.value) }
        case .struct, .class:
            var dictionary: [String: Any] = [:]
            for child in mirror.children {
                guard let label = child.label, let converted = flatten(child.value) else { continue }
                dictionary[label] = converted
            }
            return dictionary
        default:
            return value
        }
    }
}
