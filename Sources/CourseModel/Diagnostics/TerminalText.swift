/// Text from an input file (a key, a title, a file name, an address) made safe and honest to print:
/// control characters, bidirectional controls and invisible characters are shown as `\u{1B}`-style
/// escapes, so no input can move the cursor, recolour the terminal, forge a line of output or reorder
/// what the reader sees; and in a word that mixes Latin letters with look-alikes from other scripts
/// (a Cyrillic `а` in `pаypal.com`), the look-alikes are escaped too, so two addresses that look
/// the same on screen never print the same. The one function every message of the toolkit goes through.
public enum TerminalText {
    /// `text` with every control character (other than tab), every invisible or bidirectional
    /// formatting character, and every look-alike letter inside a Latin word escaped.
    public static func escaped(_ text: String) -> String {
        let scalars = Array(text.unicodeScalars)
        let lookAlikes = lookAlikePositions(scalars)
        guard !lookAlikes.isEmpty || scalars.contains(where: isInvisible) else { return text }
        var result = ""
        for (index, scalar) in scalars.enumerated() {
            if isInvisible(scalar) || lookAlikes.contains(index) {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            } else {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Controls (but tab), line and paragraph separators, and formatting characters (zero-width
    /// spaces and joiners, bidirectional controls, soft hyphens, the byte-order mark), plus the blank
    /// letters some scripts have.
    static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
        if scalar == "\t" { return false }
        switch scalar.properties.generalCategory {
        case .control, .format, .lineSeparator, .paragraphSeparator: return true
        default: break
        }
        switch scalar.value {
        case 0x115F, 0x1160, 0x3164, 0xFFA0, 0x180E, 0x2800: return true
        default: return false
        }
    }

    /// Scripts whose letters pass for Latin ones: Greek, Cyrillic, Armenian, Cherokee, and the
    /// fullwidth and mathematical forms of Latin itself.
    static func passesForLatin(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0370...0x03FF, 0x0400...0x052F, 0x0530...0x058F, 0x13A0...0x13FF, 0xFF21...0xFF5A, 0x1D400...0x1D7FF: true
        default: false
        }
    }

    /// The positions of look-alike letters in words (runs of letters, digits, and the characters of
    /// addresses) that also hold ASCII letters.
    static func lookAlikePositions(_ scalars: [Unicode.Scalar]) -> Set<Int> {
        var found = Set<Int>()
        var start = 0
        func closeWord(at end: Int) {
            let word = start..<end
            guard word.contains(where: { passesForLatin(scalars[$0]) }),
                word.contains(where: { scalars[$0].isASCII && scalars[$0].properties.isAlphabetic })
            else { return }
            for index in word where passesForLatin(scalars[index]) { found.insert(index) }
        }
        for (index, scalar) in scalars.enumerated() {
            let inWord =
                scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || ".@-_+~%/:".unicodeScalars.contains(scalar)
            if !inWord {
                closeWord(at: index)
                start = index + 1
            }
        }
        closeWord(at: scalars.count)
        return found
    }
}
