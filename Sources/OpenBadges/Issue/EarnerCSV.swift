import CSV
import CourseModel
import Foundation
import ToolkitSupport

/// One row of an earners file, checked.
public struct EarnerRow: Sendable, Hashable {
    /// The spreadsheet row number (the header is row 1).
    public var row: Int
    /// The earner's email address.
    public var email: String
    /// The badge id in `Badges/`.
    public var badgeID: String
    /// When it was earned, ISO 8601 in UTC.
    public var issuedOn: String
    /// A link to the evidence, if given.
    public var evidenceURL: String?
    /// A description of the evidence, if given.
    public var evidenceNarrative: String?
    /// The earner's name, from an optional `name` column: shown by wallets, unhashed, in 3.0 credentials.
    public var name: String? = nil
}

/// A problem with one cell of an earners file.
public struct EarnerCSVProblem: Sendable, Hashable, CustomStringConvertible {
    /// The spreadsheet row number (the header is row 1).
    public var row: Int
    /// The 1-based column number.
    public var column: Int
    /// What is wrong.
    public var message: String

    /// `row R, column C: message`.
    public var description: String { "row \(row), column \(column): \(message)" }

    /// The problem as a finding of rule `earners-csv` at `file:row:column`, for the reporters
    /// `toolkit validate` prints with (text, JSON, GitHub annotations, SARIF).
    public func finding(in file: String) -> Finding {
        Finding(
            ruleID: EarnerCSV.ruleID, severity: .error, message: message,
            location: SourceLocation(file: file, line: row, column: column),
            hint: "fix the cell (or pass --keep-going to issue the good rows)")
    }
}

/// Reads `email,badge,issuedOn,evidenceUrl,evidenceNarrative` files (extra columns ignored).
public enum EarnerCSV {
    /// The rule id an earners file's problems are reported under.
    public static let ruleID = "earners-csv"
    /// Columns every file needs.
    public static let requiredColumns = ["email", "badge", "issuedOn"]
    /// The most rows one file may hold.
    public static let maximumRows = 100_000
    /// The longest earner's name, in characters.
    public static let maximumNameLength = 200
    /// The longest evidence narrative, in characters: a long one is baked into every image of the badge.
    public static let maximumNarrativeLength = 10_000
    /// The largest earners file read, in bytes: 100,000 rows with long narratives fit well inside.
    public static let maximumFileSize = 64 * 1024 * 1024

    /// The good rows and the problems; `issuable` are the badge ids a row may name.
    public static func parse(_ text: String, issuable: Set<String>, collections: Set<String>) -> (
        rows: [EarnerRow], problems: [EarnerCSVProblem]
    ) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do {
            reader = try CSVReader(string: text, hasHeaderRow: true, trimFields: true)
        } catch {
            return ([], [EarnerCSVProblem(row: 1, column: 1, message: "the file has no header row")])
        }
        let header = (reader.headerRow ?? []).map { $0.trimmingCharacters(in: .whitespaces) }
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        let missing = requiredColumns.filter { columns[$0] == nil }
        guard missing.isEmpty else {
            return (
                [],
                [
                    EarnerCSVProblem(
                        row: 1, column: 1,
                        message:
                            "the header row lacks \(missing.map { "`\($0)`" }.joined(separator: ", ")); it must start `email,badge,issuedOn,evidenceUrl,evidenceNarrative`"
                    )
                ]
            )
        }
        var rows: [EarnerRow] = []
        var problems: [EarnerCSVProblem] = []
        var rowNumber = 1
        while let fields = reader.next() {
            rowNumber += 1
            if rowNumber - 1 > maximumRows {
                problems.append(
                    EarnerCSVProblem(row: rowNumber, column: 1, message: "more than \(maximumRows) rows; split the file"))
                break
            }
            if fields.allSatisfy({ $0.isEmpty }) { continue }
            func cell(_ name: String) -> (value: String, column: Int)? {
                guard let index = columns[name] else { return nil }
                return (index < fields.count ? fields[index] : "", index + 1)
            }
            var rowProblems: [EarnerCSVProblem] = []
            func problem(_ name: String, _ message: String) {
                rowProblems.append(EarnerCSVProblem(row: rowNumber, column: (columns[name] ?? 0) + 1, message: message))
            }
            if fields.count < header.count, columns.values.contains(where: { $0 >= fields.count }) {
                let absent = columns.filter { $0.value >= fields.count && requiredColumns.contains($0.key) }.map(\.key).sorted()
                for name in absent { problem(name, "the row has no `\(name)` column (only \(fields.count) fields)") }
            }
            let email = cell("email")!.value
            if columns["email"]! < fields.count {
                if email.isEmpty {
                    problem("email", "the email is empty")
                } else if !isEmail(email) {
                    problem("email", "`\(email)` is not an email address")
                }
            }
            let badge = cell("badge")!.value
            if columns["badge"]! < fields.count {
                if collections.contains(badge) {
                    problem(
                        "badge",
                        "`\(badge)` is a collection badge; collections are awarded automatically when every member badge is held")
                } else if !issuable.contains(badge) {
                    let hint = NameSuggestion.closest(to: badge, in: issuable.sorted()).map { "; did you mean `\($0)`?" } ?? ""
                    problem("badge", "`\(badge)` is not a badge of a published Thing\(hint)")
                }
            }
            var issuedOn = ""
            if columns["issuedOn"]! < fields.count {
                if let normalised = normaliseDate(cell("issuedOn")!.value) {
                    issuedOn = normalised
                } else {
                    problem(
                        "issuedOn",
                        "`\(cell("issuedOn")!.value)` is not an ISO 8601 date such as 2026-11-22 or 2026-11-22T10:30:00Z")
                }
            }
            let evidenceURL = cell("evidenceUrl")?.value ?? ""
            if !evidenceURL.isEmpty, !evidenceURL.hasPrefix("https://") || evidenceURL.contains(" ") {
                problem("evidenceUrl", "`\(evidenceURL)` is not an https URL")
            }
            let narrative = cell("evidenceNarrative")?.value ?? ""
            let name = cell("name")?.value ?? ""
            if name.count > maximumNameLength {
                problem("name", "the name is \(name.count) characters; at most \(maximumNameLength)")
            } else if name.unicodeScalars.contains(where: {
                [.control, .format, .lineSeparator, .paragraphSeparator].contains($0.properties.generalCategory)
            }) {
                problem("name", "the name holds a control or invisible character")
            }
            if narrative.count > maximumNarrativeLength {
                problem(
                    "evidenceNarrative",
                    "the evidence narrative is \(narrative.count) characters; at most \(maximumNarrativeLength) (it is baked into every image)"
                )
            }
            if rowProblems.isEmpty {
                rows.append(
                    EarnerRow(
                        row: rowNumber, email: RecipientIdentity.normalise(email), badgeID: badge, issuedOn: issuedOn,
                        evidenceURL: evidenceURL.isEmpty ? nil : evidenceURL,
                        evidenceNarrative: narrative.isEmpty ? nil : narrative, name: name.isEmpty ? nil : name))
            }
            problems += rowProblems
        }
        return (rows, problems)
    }

    static func isEmail(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        // No control or invisible characters: a NUL or a zero-width space would make two addresses that look alike.
        let invisible = text.unicodeScalars.contains { scalar in
            [.control, .format, .unassigned, .privateUse, .surrogate].contains(scalar.properties.generalCategory)
        }
        return parts.count == 2 && !parts[0].isEmpty && parts[1].contains(".") && !parts[1].hasPrefix(".")
            && !parts[1].hasSuffix(".") && !invisible && !text.contains(where: { $0.isWhitespace || $0 == "," || $0 == ";" })
    }

    /// `YYYY-MM-DD` or a full ISO 8601 date-time, as UTC `YYYY-MM-DDTHH:MM:SSZ`.
    static func normaliseDate(_ text: String) -> String? {
        if text.utf8.count == 10, let date = dateOnly(text) { return date + "T00:00:00Z" }
        return DateFormats.formatters.withLock { formatters in
            guard let date = formatters.full.date(from: text) ?? formatters.fractional.date(from: text) else { return nil }
            return formatters.full.string(from: date)
        }
    }

    /// A calendar date `YYYY-MM-DD`, checked without a formatter (the common case, ten thousand rows at a time).
    private static func dateOnly(_ text: String) -> String? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]), (1...12).contains(month)
        else { return nil }
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        return (1...days).contains(day) ? text : nil
    }
}
