/// What an import did with every item of the export, and each place that needs an author's eye.
public struct ImportReport: Sendable, Hashable {
    /// What became of one item.
    public struct Outcome: Sendable, Hashable {
        /// The item's id.
        public var itemID: Int
        /// Its type (`post`, `page`, `attachment`, …).
        public var type: String
        /// Its WordPress status.
        public var status: String
        /// Its title.
        public var title: String
        /// What it became, or why it was left out.
        public var result: String
    }

    /// The site's title.
    public var siteTitle: String
    /// The export's path as given.
    public var exportName: String
    /// The course folder.
    public var courseFolder: String
    /// One outcome per item, in the export's order.
    public var outcomes: [Outcome] = []
    /// Every finding, in the order of the files written.
    public var findings: [ImportFinding] = []
    /// Files copied from the uploads folder (paths written).
    public var copiedFiles: [String] = []
    /// Files the export names that could not be copied, with why.
    public var missingFiles: [String] = []

    /// The report as Markdown (`build/import-report.md`).
    public var markdown: String {
        var lines = [
            "# Import report: \(siteTitle.isEmpty ? "WordPress export" : siteTitle)", "",
            "From `\(exportName)` into `\(courseFolder)`: \(outcomes.count) items. Every imported Thing is a draft;"
                + " publish each once you have checked it.",
            "", "## What each item became", "", "| item | type | status | title | became |", "| --- | --- | --- | --- | --- |",
        ]
        for outcome in outcomes {
            let cells = [String(outcome.itemID), outcome.type, outcome.status, outcome.title, outcome.result].map(Self.cell)
            lines.append("| " + cells.joined(separator: " | ") + " |")
        }
        lines += ["", "## Needs an author's eye", ""]
        let attention = findings.filter { $0.kind == .attention }
        lines += attention.isEmpty ? ["Nothing."] : attention.map { "- " + Self.inline($0.located) }
        lines += ["", "## Left out on purpose", ""]
        let removed = findings.filter { $0.kind == .removed }
        lines += removed.isEmpty ? ["Nothing."] : removed.map { "- " + Self.inline($0.located) }
        lines += ["", "## Files", ""]
        lines += copiedFiles.isEmpty ? ["No file copied."] : copiedFiles.map { "- copied `\($0)`" }
        lines += missingFiles.map { "- **missing**: " + Self.inline($0) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// One line for the terminal.
    public var summary: String {
        let things = outcomes.filter { $0.result.hasPrefix("Thing ") }.count
        let attention = findings.filter { $0.kind == .attention }.count
        return
            "imported \(things) Thing\(things == 1 ? "" : "s") from \(outcomes.count) items; \(copiedFiles.count) file\(copiedFiles.count == 1 ? "" : "s") copied, \(missingFiles.count) missing; \(attention) place\(attention == 1 ? "" : "s") need\(attention == 1 ? "s" : "") your eye"
    }

    private static func cell(_ text: String) -> String {
        inline(text).replacingOccurrences(of: "|", with: "\\|")
    }

    private static func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "\n", with: " ")
    }
}
