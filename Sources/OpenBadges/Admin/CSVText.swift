/// Writes CSV (RFC 4180) an issuer opens in a spreadsheet: cells quoted when they must be, and a
/// cell that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return first)
/// prefixed with `'`, since emails and evidence come from earners files anyone could have written.
public enum CSVText {
    /// One line, with its CRLF ending.
    public static func line(_ cells: [String]) -> String {
        cells.map(cell).joined(separator: ",") + "\r\n"
    }

    /// A whole table: `header` then `rows`.
    public static func table(header: [String], rows: [[String]]) -> String {
        ([header] + rows).map(line).joined()
    }

    /// One cell, neutralised and quoted as needed.
    static func cell(_ text: String) -> String {
        var text = text
        if let first = text.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
