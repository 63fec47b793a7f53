import CourseLoader
import CourseModel
import FileAccess
import Testing

/// The preview's parse cache: an unchanged Thing file is not parsed again, and yet gives the same Thing
/// and the same findings; a changed one is parsed again; a removed one is forgotten.
@Suite("Parsed Thing cache")
struct ParsedThingCacheTests {
    static let root = "/ws"
    static let course = "id: c\ntitle: C\nlanguage: en\nthings: [thing-01, thing-02]\n"

    func load(_ memory: InMemoryFileSystem, cache: ParsedThingCache) -> LoadReport {
        var loader = WorkspaceLoader(fileSystem: memory)
        loader.thingCache = cache
        return loader.load(workspaceAt: Self.root)
    }

    @Test("same text, same Thing and findings; changed text, parsed again; removed file, forgotten")
    func reuse() {
        let memory = InMemoryFileSystem(files: [
            "\(Self.root)/Courses/c/course.yaml": Self.course,
            "\(Self.root)/Courses/c/things/thing-01.md": "---\nid: thing-01\nnumber: 1\nstatus: draft\nunknown: 1\n---\nOne.\n",
            "\(Self.root)/Courses/c/things/thing-02.md": "---\nid: thing-02\nnumber: 2\nstatus: draft\n---\nTwo.\n",
        ])
        let cache = ParsedThingCache()
        let uncached = WorkspaceLoader(fileSystem: memory).load(workspaceAt: Self.root)
        let first = load(memory, cache: cache)
        let second = load(memory, cache: cache)
        #expect(cache.count == 2)
        #expect(first.findings == uncached.findings && second.findings == uncached.findings)
        #expect(second.findings.map(\.ruleID) == [LoaderRuleID.unknownKey], "the cached finding is reported again")
        #expect(second.workspace.courses[0].things.map(\.body.source) == ["One.\n", "Two.\n"])

        memory.write(
            "---\nid: thing-02\nnumber: 2\nstatus: draft\n---\nTwo, edited.\n", to: "\(Self.root)/Courses/c/things/thing-02.md")
        let third = load(memory, cache: cache)
        #expect(third.workspace.courses[0].things.map(\.body.source) == ["One.\n", "Two, edited.\n"])

        memory.remove("\(Self.root)/Courses/c/things/thing-01.md")
        _ = load(memory, cache: cache)
        #expect(cache.count == 1)
    }

    @Test("badge-class files are kept the same way: same text, same badge and findings; edited, read again")
    func badges() {
        let badge = "\(Self.root)/Badges/badges/one.yaml"
        let memory = InMemoryFileSystem(files: [
            "\(Self.root)/Courses/c/course.yaml": Self.course,
            badge: "id: one\nname: One\ndescription: The first.\nimage: images/one.png\nkind: thing\nsurprise: 1\n",
            "\(Self.root)/Badges/badges/two.yaml":
                "id: two\nname: Two\ndescription: The second.\nimage: images/two.png\nkind: thing\n",
        ])
        let cache = ParsedThingCache()
        let uncached = WorkspaceLoader(fileSystem: memory).load(workspaceAt: Self.root)
        let first = load(memory, cache: cache)
        let second = load(memory, cache: cache)
        #expect(cache.badgeCount == 2)
        #expect(first.findings == uncached.findings && second.findings == uncached.findings)
        #expect(second.findings.contains { $0.ruleID == LoaderRuleID.unknownKey && $0.location.file == "Badges/badges/one.yaml" })
        #expect(second.workspace.badges.badges.map(\.name) == uncached.workspace.badges.badges.map(\.name))

        memory.write("id: one\nname: One, renamed\ndescription: The first.\nimage: images/one.png\nkind: thing\n", to: badge)
        let third = load(memory, cache: cache)
        #expect(third.workspace.badges.badges.map(\.name).sorted() == ["One, renamed", "Two"])
        #expect(!third.findings.contains { $0.ruleID == LoaderRuleID.unknownKey }, "\(third.findings)")

        memory.remove(badge)
        _ = load(memory, cache: cache)
        #expect(cache.badgeCount == 1)
    }
}
