import Testing

@testable import OpenBadges

@Suite("Earners CSV")
struct EarnerCSVTests {
    let issuable: Set<String> = ["thing-02"]
    let collections: Set<String> = ["leadership-fundamentals"]

    @Test("good rows are read; dates become UTC; emails are normalised; extra columns are ignored")
    func good() {
        let csv =
            "email,badge,issuedOn,evidenceUrl,evidenceNarrative,team\n"
            + "Ann@Example.org,thing-02,2026-11-20,https://blog.example.org/a,\"My statement, with a comma\",North\n"
            + "bob@example.org,thing-02,2026-11-21T10:30:00+01:00,,,South\n\n"
        let (rows, problems) = EarnerCSV.parse(csv, issuable: issuable, collections: collections)
        #expect(problems.isEmpty)
        #expect(rows.map(\.email) == ["ann@example.org", "bob@example.org"])
        #expect(rows.map(\.issuedOn) == ["2026-11-20T00:00:00Z", "2026-11-21T09:30:00Z"])
        #expect(rows[0].evidenceNarrative == "My statement, with a comma")
        #expect(rows[1].evidenceURL == nil)
        #expect(rows.map(\.row) == [2, 3])
    }

    @Test("bad cells are reported with row and column")
    func bad() {
        let csv =
            "email,badge,issuedOn,evidenceUrl\n"
            + "not-an-email,thing-02,2026-11-20,\n"
            + "ann@example.org,thing-2,2026-13-40,http://insecure.example\n"
            + "ann@example.org,leadership-fundamentals,2026-11-20,\n"
            + "ann@example.org\n"
        let (rows, problems) = EarnerCSV.parse(csv, issuable: issuable, collections: collections)
        #expect(rows.isEmpty)
        let located = problems.map { "\($0.row):\($0.column)" }
        #expect(located == ["2:1", "3:2", "3:3", "3:4", "4:2", "5:2", "5:3"])
        #expect(problems[1].message.contains("did you mean `thing-02`?"))
        #expect(problems[4].message.contains("awarded automatically"))
    }

    @Test("a header without the required columns is refused at row 1")
    func header() {
        let (rows, problems) = EarnerCSV.parse(
            "mail,badge\nann@example.org,thing-02\n", issuable: issuable, collections: collections)
        #expect(rows.isEmpty)
        #expect(problems.map(\.row) == [1])
        #expect(problems[0].message.contains("`email`"))
    }

    @Test(
        "an address with a NUL, a zero-width space or another invisible character is refused; a narrative too long to bake is refused"
    )
    func invisibleAndLong() {
        let long = String(repeating: "a", count: EarnerCSV.maximumNarrativeLength + 1)
        let csv =
            "email,badge,issuedOn,evidenceUrl,evidenceNarrative\n"
            + "ann\u{0}@example.org,thing-02,2026-11-20,,\n"
            + "ann\u{200B}@example.org,thing-02,2026-11-20,,\n"
            + "ann@exa\u{202E}mple.org,thing-02,2026-11-20,,\n"
            + "bob@example.org,thing-02,2026-11-20,,\(long)\n"
            + "cy@example.org,thing-02,2026-11-20,,fine\n"
        let (rows, problems) = EarnerCSV.parse(csv, issuable: issuable, collections: collections)
        #expect(rows.map(\.email) == ["cy@example.org"])
        #expect(problems.map { "\($0.row):\($0.column)" } == ["2:1", "3:1", "4:1", "5:5"])
    }
}
