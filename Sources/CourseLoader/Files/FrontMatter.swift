import CourseModel

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatter {
    /// The YAML between the `---` lines.
    let yaml: String
    /// Lines before the YAML in the file (the opening `---`).
    let yamlLineOffset: Int
    /// The Markdown after the closing `---`.
    let body: String
    /// 1-based line where the body starts.
    let bodyStartLine: Int

    /// Splits `text`; records a finding and returns nil when the front matter is missing or not closed.
    init?(splitting text: String, file: String, sink: FindingSink) {
        let lineRanges = LineRanges(text)
        let lines = lineRanges.ranges.map { text[$0] }
        guard let first = lines.first, first.trimmingTrailingSpaces() == "---" else {
            sink.error(
                LoaderRuleID.frontMatter, "the file does not start with YAML front matter",
                at: SourceLocation(file: file, line: 1, column: 1),
                hint: "start the file with a line `---`, the Thing's fields, and another `---`")
            return nil
        }
        guard let closing = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmingTrailingSpaces()
            return line == "---" || line == "..."
        }) else {
            sink.error(
                LoaderRuleID.frontMatter, "the front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
                hint: "add a line `---` after the last field")
            return nil
        }
        self.yaml = String(lineRanges.text(of: text, lines: 1..<closing))
        self.yamlLineOffset = 1
        self.body = String(lineRanges.text(of: text, lines: (closing + 1)..<lines.count))
        self.bodyStartLine = closing + 2
    }
}

extension Substring {
    fileprivate func trimmingTrailingSpaces() -> Substring {
        var result = self
        while let last = result.last, last == " " || last == "\t" { result = result.dropLast() }
        return result
    }
}
