import FileAccess

/// The private per-row record of one `badges issue` run, written beside the published folder (mode
/// 600, never published): which spreadsheet row became which assertion and files, which rows were
/// already issued, which collections were awarded and which rows were refused.
public enum IssueSummary {
    /// The columns, in order.
    public static let header = ["row", "email", "badge", "outcome", "assertion", "files"]

    /// The table for `outcome` and the rows refused (`problems`), by row then badge.
    public static func csv(_ outcome: BadgeIssuer.Outcome, refused problems: [EarnerCSVProblem]) -> String {
        typealias Line = (row: Int, order: Int, cells: [String])
        var lines: [Line] = []
        func add(_ issued: BadgeIssuer.Issued, _ what: String) {
            lines.append(
                (
                    issued.row ?? Int.max, lines.count,
                    [
                        issued.row.map(String.init) ?? "", issued.email, issued.badgeID, what, issued.id,
                        issued.files.joined(separator: " "),
                    ]
                ))
        }
        for issued in outcome.issued { add(issued, issued.row == nil ? "collection awarded" : "issued") }
        for held in outcome.alreadyHeld { add(held, "already issued") }
        for problem in problems {
            lines.append(
                (
                    problem.row, lines.count,
                    [String(problem.row), "", "", "not issued: column \(problem.column): \(problem.message)", "", ""]
                ))
        }
        lines.sort { ($0.row, $0.order) < ($1.row, $1.order) }
        return CSVText.table(header: header, rows: lines.map(\.cells))
    }

    /// Writes the table beside `folder`, atomically and readable by its owner only.
    public static func write(_ outcome: BadgeIssuer.Outcome, refused problems: [EarnerCSVProblem], beside folder: BadgeFolder)
        throws(BadgeError)
    {
        do {
            try AtomicOutput(fileSystem: folder.fileSystem).writeFile(
                Array(csv(outcome, refused: problems).utf8), to: folder.issueSummaryPath, permissions: 0o600)
        } catch {
            throw BadgeError(path: folder.issueSummaryPath, "cannot write: \(error.reason)", isIOFailure: true)
        }
    }
}
