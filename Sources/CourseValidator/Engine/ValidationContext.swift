import CourseLoader
import CourseMarkdown
import CourseMedia
import CourseModel
import FileAccess
import ToolkitSupport

/// What rules see: the loaded workspace, the file system to check files on, and each Thing's
/// Markdown parsed once.
public struct ValidationContext: Sendable {
    /// The workspace as loaded.
    public let workspace: Workspace
    /// Where referenced files (images, local resources) are checked.
    public let fileSystem: any FileSystem
    /// The one safe way to the files authors name (badge images, resources, theme files).
    public let files: WorkspaceFiles
    /// Where files are in the workspace.
    public let layout: WorkspaceLayout
    /// The media files Things name, each read and inspected once.
    public let media: MediaFiles
    /// Every Thing's body, parsed once and kept for the steps after validation (packaging).
    public let markdown: ParsedMarkdownCache
    /// What earlier checks worked out (kept by a preview; nothing for one-off commands).
    public let memory: ValidationMemory
    /// A hash of the workspace's outline, what a `ThingRule` may consult besides its Thing (0 when
    /// `memory` keeps nothing).
    public let outline: Int
    /// Each Thing's file and the key of its kept values (none when `memory` keeps nothing).
    let thingKeys: ThingKeys

    /// Where the loader reported errors: a field read there stands for what the author wrote, not for
    /// a missing field, and a rule's finding at the same place is a knock-on of the loader's.
    private let refusals: LoaderRefusals

    /// Creates a context, parsing every Thing body not yet in `markdown` (once). `loaderErrors` are the
    /// loader's error findings, so that rules can tell a refused value from an absent one.
    public init(
        workspace: Workspace, fileSystem: any FileSystem, layout: WorkspaceLayout = .standard, loaderErrors: [Finding] = [],
        markdown: ParsedMarkdownCache = ParsedMarkdownCache(), memory: ValidationMemory = .none
    ) {
        self.workspace = workspace
        self.refusals = LoaderRefusals(loaderErrors)
        self.memory = memory
        self.fileSystem = fileSystem
        self.files = WorkspaceFiles(root: workspace.rootPath, fileSystem: fileSystem)
        self.layout = layout
        self.outline =
            memory.keeps
            ? Self.outline(of: workspace, files: files, layout: layout, loaderErrors: loaderErrors) : 0
        // Parsed across the cores: every Thing's body is independent.
        self.things = workspace.courses.flatMap { course in course.things.map { (course, $0) } }
        self.thingKeys = memory.keeps ? ValidationMemory.thingKeys(things, outline: outline) : .none
        markdown.parseAll(things.map { (file: $0.thing.file, source: $0.thing.body.source) })
        self.markdown = markdown
        self.media = MediaFiles(workspace: files)
        // A course's cover and logo are pictures of the course folder, checked as every picture is.
        let covers = workspace.courses.flatMap { course in
            [course.cover, course.logo].compactMap { picture in
                picture.map { (course: course, thing: Thing?.none, reference: MediaReference.reference(to: $0)) }
            }
        }
        // A Thing's references come from its file and its course's outline: a preview keeps them.
        let things = self.things
        // Prompts and card backs are parsed here too: across the cores.
        let references = memory.perThingInParallel("media-references", things: things, keyed: thingKeys) { index in
            let (course, thing) = things[index]
            return MediaReference.all(
                in: thing, of: course, body: markdown.document(of: thing.body.source, file: thing.file))
        }
        var all = covers
        for index in things.indices {
            all += references[index].map { (things[index].course, Thing?.some(things[index].thing), $0) }
        }
        self.mediaReferences = all
    }

    /// The hash of what a `ThingRule` may consult besides its own Thing: each course file, every
    /// Thing's id, file, number, title, status, badge and collections, what could not be loaded, the
    /// issuer file, the badges' ids and files, and every place the loader refused a value.
    private static func outline(
        of workspace: Workspace, files: WorkspaceFiles, layout: WorkspaceLayout, loaderErrors: [Finding]
    ) -> Int {
        var hasher = Hasher()
        for course in workspace.courses {
            hasher.combine(course.id)
            hasher.combine(course.folder)
            hasher.combine(contentsOf: (try? files.read(layout.courseFile(inCourseFolder: course.folder))) ?? [])
            for thing in course.things { thing.hashOutline(into: &hasher) }
        }
        hasher.combine(workspace.unloadedFiles.sorted())
        if let issuer = workspace.badges.issuer {
            hasher.combine(issuer.file)
            hasher.combine(contentsOf: (try? files.read(issuer.file)) ?? [])
        }
        for badge in workspace.badges.badges {
            hasher.combine(badge.id)
            hasher.combine(badge.file)
        }
        hasher.combine(loaderErrors.map { "\($0.location)|\($0.ruleID)|\($0.severity)" }.sorted())
        return hasher.finalize()
    }

    /// Whether the loader already refused the value at `location`'s line (a value of the wrong type,
    /// an unknown choice, a control character): a rule leaves the field alone instead of reporting
    /// the default it was read as, the way compilers suppress knock-on errors.
    public func wasRefused(_ location: SourceLocation?) -> Bool {
        location.map { refusals.lines.contains(LoaderRefusals.line(of: $0)) } ?? false
    }

    /// Whether the loader refused anything in `file` (a workspace-relative path).
    public func hasRefusals(inFile file: String) -> Bool {
        refusals.files.contains(file)
    }

    /// Whether the loader reported an error at exactly `location`.
    func isLoaderError(at location: SourceLocation) -> Bool {
        refusals.locations.contains(location)
    }

    /// Every media reference of every course cover and every Thing (Markdown images and file links,
    /// covers, resource files), with its Thing (nil for a course's cover).
    public let mediaReferences: [(course: Course, thing: Thing?, reference: MediaReference)]

    /// Every Thing with its course, listed once.
    public let things: [(course: Course, thing: Thing)]

    /// The Thing's body, parsed.
    public func markdown(of thing: Thing) -> MarkdownDocument {
        markdown.document(of: thing.body.source, file: thing.file)
    }

    /// The file location of a node of a Thing's body.
    public func location(of node: MarkdownNode, in thing: Thing) -> SourceLocation {
        let start = thing.body.start
        return SourceLocation(file: start.file, line: start.line + max(node.line, 1) - 1, column: max(node.column, 1))
    }

    /// Whether the Thing with this id has a file in `course` that could not be read (a YAML slip, say),
    /// or whose own `id` is not an id (`thing 01` in `thing-01.md`, which id-format reports): it counts
    /// as present, so references to it and numbering report nothing more than the slip itself.
    public func hasUnloadedThing(id: String, in course: Course) -> Bool {
        workspace.unloadedFiles.contains(layout.thingFile(id: id, inCourseFolder: course.folder))
            || thingWithMalformedID(writtenAs: id, in: course) != nil
    }

    /// The Thing loaded from the Thing file of `id` whose own id is malformed, if any: the Thing
    /// references by its file name mean.
    public func thingWithMalformedID(writtenAs id: String, in course: Course) -> Thing? {
        course.thing(file: layout.thingFile(id: id, inCourseFolder: course.folder)).flatMap {
            Identifier.isWellFormed($0.id) ? nil : $0
        }
    }

    /// How many Thing files of `course` could not be read.
    public func unloadedThingCount(in course: Course) -> Int {
        let folder = layout.thingsFolder(inCourseFolder: course.folder) + "/"
        return workspace.unloadedFiles.filter { $0.hasPrefix(folder) }.count
    }

    /// The absolute path of a workspace-relative path.
    public func absolutePath(_ relativePath: String) -> String {
        files.absolute(relativePath)
    }
}

/// The places of the loader's errors, gathered once for every rule.
private struct LoaderRefusals: Sendable {
    /// The exact locations.
    let locations: Set<SourceLocation>
    /// Their lines (each at column 1).
    let lines: Set<SourceLocation>
    /// Their files.
    let files: Set<String>

    init(_ findings: [Finding]) {
        locations = Set(findings.filter { $0.severity == .error }.map(\.location))
        lines = Set(locations.map(Self.line(of:)))
        files = Set(locations.map(\.file))
    }

    /// `location` without its column.
    static func line(of location: SourceLocation) -> SourceLocation {
        SourceLocation(file: location.file, line: location.line)
    }
}
