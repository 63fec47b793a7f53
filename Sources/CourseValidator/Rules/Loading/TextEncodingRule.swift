import CourseLoader

/// Course files are UTF-8 text.
public struct TextEncodingRule: LoaderEnforcedRule {
    /// Creates the rule.
    public init() {}

    /// The rule's description and examples.
    public static let description = RuleDescription(
        id: LoaderRuleID.textEncoding, name: "Text encoding",
        summary:
            "Course and badge files are UTF-8 text (a byte-order mark and CRLF line endings are accepted) without control characters, which pages and SCORM manifests cannot carry, raw or written as YAML escapes.",
        triggeringExamples: [
            RuleExample.writing(bytes: Array("id: basics\nname: Caf".utf8) + [0xE9, 0x0A], to: RuleFixture.collectionBadge)
                .expecting(RuleFixture.collectionBadge, line: 2),
            .replacing("title: First thing\n", with: "title: ↓\"First\\x01 thing\"\n"),
            .replacing("Intro text.", with: "Intro ↓\u{7}text."),
        ],
        nonTriggeringExamples: [
            .unchanged,
            RuleExample.writing(
                bytes: [0xEF, 0xBB, 0xBF]
                    + Array(RuleFixture.files[RuleFixture.issuer]!.replacingOccurrences(of: "\n", with: "\r\n").utf8),
                to: RuleFixture.issuer),
        ])
}
