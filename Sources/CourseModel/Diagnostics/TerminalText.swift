/// Text from an input file (a key, a title, a file name) made safe to print: control characters and
/// bidirectional overrides are shown as `\u{1B}`-style escapes, so no input can move the cursor,
/// recolour the terminal, forge a line of output or reorder what the reader sees.
public enum TerminalText {
    /// `text` with every control character (other than tab) and every bidirectional control escaped.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: true
        default: false
        }
    }
}
