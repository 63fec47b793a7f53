import CourseLoader
import CourseModel
import FileAccess

/// The small, valid workspace every rule example starts from: one course, two published Things,
/// a collection, an issuer and badges with SVG artwork.
public enum RuleFixture {
    /// Where the fixture workspace sits in its in-memory file system.
    public static let root = "/workspace"
    /// Where the fixture's files are.
    public static let layout = WorkspaceLayout.standard
    /// The course's folder.
    public static let courseFolder = layout.courseFolder(named: "demo")
    /// The course file.
    public static let course = layout.courseFile(inCourseFolder: courseFolder)
    /// The first Thing's file.
    public static let firstThing = layout.thingFile(id: "thing-01", inCourseFolder: courseFolder)
    /// The second Thing's file.
    public static let secondThing = layout.thingFile(id: "thing-02", inCourseFolder: courseFolder)
    /// The issuer profile.
    public static let issuer = layout.issuerFile
    /// The first Thing's badge class.
    public static let firstBadge = layout.badgeClassFile(id: "thing-01")
    /// The second Thing's badge class.
    public static let secondBadge = layout.badgeClassFile(id: "thing-02")
    /// The collection's badge class.
    public static let collectionBadge = layout.badgeClassFile(id: "basics")
    /// The artwork every fixture badge uses.
    public static let badgeImage = inBadgesFolder("images/badge.svg")

    /// A path inside the fixture's badges folder, such as an image (`images/x.png`).
    public static func inBadgesFolder(_ path: String) -> String { layout.badgesFolder + "/" + path }
    /// A file in the fixture course's media folder (`files/<name>`).
    public static func inFilesFolder(_ name: String) -> String { inCourseFolder(layout.filesFolderName + "/" + name) }
    /// A file in the fixture course's theme folder (`theme/<name>`).
    public static func inThemeFolder(_ name: String) -> String { inCourseFolder(layout.themeFolderName + "/" + name) }
    /// A path inside the fixture course's folder, such as a Thing file.
    public static func inCourseFolder(_ path: String) -> String { courseFolder + "/" + path }

    /// The fixture's files, by path relative to `root`.
    public static let files: [String: String] = [
        course: """
        id: demo
        title: Demo course
        description: A course for rule examples.
        language: en-GB
        version: 1.0.0
        issuer: demo-issuer
        licence:
          name: CC BY 4.0
          url: https://creativecommons.org/licenses/by/4.0/
        attribution: Demo Organisation, adapted under CC BY 4.0.
        things: [thing-01, thing-02]
        collections:
          - id: basics
            title: Basics
            badge: basics
            things: [thing-01, thing-02]

        """,
        firstThing: """
        ---
        id: thing-01
        number: 1
        title: First thing
        status: published
        badge: thing-01
        countsTowards: [basics]
        aim: Learn the first thing.
        activities:
          - id: sort
            type: classification
            title: Sort
            prompt: Sort each item.
            categories:
              - id: left
                label: Left
              - id: right
                label: Right
            items:
              - text: One
                category: left
              - text: Two
                category: right
          - id: reflect
            type: reflection
            title: Reflect
            prompt: Write about it.
            minWords: 200
          - id: submit
            type: evidence
            title: Submit
            declaration: This is my own work.
            evidenceFrom: reflect
            guides: [guide]
        resources:
          - id: guide
            title: A guide
            kind: guide
            publisher: Demo Organisation
            date: "2020"
            url: https://example.org/guide
        references: [guide]
        ---

        Intro text.

        ## Section

        Body text with a [link to the next Thing](thing-02.md).

        """,
        secondThing: """
        ---
        id: thing-02
        number: 2
        title: Second thing
        status: published
        badge: thing-02
        countsTowards: [basics]
        aim: Learn the second thing.
        prerequisites:
          - thing: thing-01
            level: recommended
        activities:
          - id: explore
            type: explore
            title: Explore
            prompt: Read the article.
            resources: [article]
        resources:
          - id: article
            title: An article
            kind: article
            author: A. Author
            date: 2019-04-12
            url: https://example.org/article
        ---

        Second body.

        """,
        issuer: """
        id: demo-issuer
        name: Demo Organisation
        url: https://www.demo-issuer.org
        email: badges@demo-issuer.org
        description: Awards the demo badges.
        applicationForm: https://badges.demo-issuer.org/apply

        """,
        firstBadge: """
        id: thing-01
        kind: thing
        name: Demo – Thing 1
        description: Awarded for the first Thing.
        image: images/badge.svg
        tags: [demo]

        """,
        secondBadge: """
        id: thing-02
        kind: thing
        name: Demo – Thing 2
        description: Awarded for the second Thing.
        image: images/badge.svg

        """,
        collectionBadge: """
        id: basics
        kind: collection
        name: Demo – Basics
        description: Awarded for holding both Thing badges.
        image: images/badge.svg

        """,
        badgeImage: """
        <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256" viewBox="0 0 256 256"><circle cx="128" cy="128" r="120"/></svg>

        """,
    ]

    /// Problems with an example itself (an edit that matches nothing).
    public struct ExampleError: Error, CustomStringConvertible {
        /// What is wrong with the example.
        public var description: String
    }

    /// The fixture with `example` applied, and the locations its markers stand at.
    public static func materialise(_ example: RuleExample) throws -> (fileSystem: InMemoryFileSystem, markers: [SourceLocation]) {
        var texts = files
        var edited: Set<String> = []
        var binaries: [String: [UInt8]] = [:]
        for edit in example.edits {
            switch edit {
            case .replace(let file, let old, let new):
                guard let text = texts[file], let range = text.range(of: old) else {
                    throw ExampleError(description: "`\(old)` does not occur in \(file)")
                }
                texts[file] = text.replacingCharacters(in: range, with: new)
                edited.insert(file)
            case .write(let file, let text):
                texts[file] = text
                edited.insert(file)
            case .writeBytes(let file, let bytes):
                binaries[file] = bytes
                texts[file] = nil
            case .writeRepeating(let file, let prefix, let filler, let count):
                // Built as bytes: the media examples write hundreds of megabytes.
                binaries[file] =
                    filler.asciiValue.map { Array(prefix.utf8) + [UInt8](repeating: $0, count: count) }
                    ?? Array((prefix + String(repeating: filler, count: count)).utf8)
                texts[file] = nil
            case .remove(let file):
                texts[file] = nil
                binaries[file] = nil
            }
        }
        var markers: [SourceLocation] = []
        for file in edited.sorted() {
            guard let text = texts[file] else { continue }
            let (clean, found) = extractMarkers(from: text, file: file)
            texts[file] = clean
            markers += found
        }
        let fileSystem = InMemoryFileSystem()
        for (file, text) in texts { fileSystem.write(text, to: joinPath(root, file)) }
        for (file, bytes) in binaries { fileSystem.write(bytes: bytes, to: joinPath(root, file)) }
        return (fileSystem, (markers + example.expectedLocations).sorted())
    }

    /// Removes `↓` markers, returning the clean text and where each marker stood.
    static func extractMarkers(from text: String, file: String) -> (String, [SourceLocation]) {
        var clean = ""
        var markers: [SourceLocation] = []
        var line = 1
        var column = 1
        for character in text {
            if character == RuleExample.marker {
                markers.append(SourceLocation(file: file, line: line, column: column))
                continue
            }
            clean.append(character)
            if character == "\n" || character == "\r\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (clean, markers)
    }
}
