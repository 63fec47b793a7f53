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
        let lines = TextLines(text)
        guard lines.line(0).trimmingTrailingBlanks.equals("---") else {
            sink.error(
                LoaderRuleID.frontMatter, "the file does not start with YAML front matter",
                at: SourceLocation(file: file, line: 1, column: 1),
                hint: "start the file with a line `---`, the Thing's fields, and another `---`")
            return nil
        }
        guard
            let closing = (1..<lines.count).first(where: {
                let line = lines.line($0).trimmingTrailingBlanks
                return line.equals("---") || line.equals("...")
            })
        else {
            sink.error(
                LoaderRuleID.frontMatter, "the front matter is not closed", at: SourceLocation(file: file, line: 1, column: 1),
                hint: "add a line `---` after the last field")
            return nil
        }
        self.yaml = lines.text(of: 1..<closing)
        self.yamlLineOffset = 1
        self.body = lines.text(of: (closing + 1)..<lines.count)
        self.bodyStartLine = closing + 2
    }
}
