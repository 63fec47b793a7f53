import Foundation

/// Text the toolkit writes into YAML (scaffolds, imports), quoted so it reads back exactly.
public enum YAMLQuoting {
    /// `text` as a double-quoted YAML scalar on one line: quotes and backslashes escaped, and every
    /// character that could break the line or the front matter (a line break, `---` on a line of its
    /// own, a control character) written as its YAML escape, so the text reads back exactly.
    public static func doubleQuoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) || scalar == "\u{FEFF}" {
                    result += String(format: "\\u%04X", scalar.value)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
