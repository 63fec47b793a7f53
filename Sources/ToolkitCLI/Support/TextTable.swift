import CourseModel

/// A plain table for the terminal: columns padded to their widest cell, every cell escaped (it may
/// come from a file anyone could have written).
enum TextTable {
    /// The header and rows, one line each, columns two spaces apart, trailing spaces trimmed.
    static func render(header: [String], rows: [[String]]) -> String {
        let lines = ([header] + rows).map { $0.map(TerminalText.escaped) }
        var widths = Array(repeating: 0, count: header.count)
        for line in lines { for (index, cell) in line.enumerated() { widths[index] = max(widths[index], cell.count) } }
        return lines.map { line in
            var text = ""
            for (index, cell) in line.enumerated() {
                text += index == line.count - 1 ? cell : cell + String(repeating: " ", count: widths[index] - cell.count + 2)
            }
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }.joined()
    }
}
