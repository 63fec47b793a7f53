import CourseModel
import FileAccess
import Foundation
import ToolkitSupport

/// Pages rendered by earlier builds of one preview, kept with a key of everything they were made
/// from, so a build renders again only the pages whose inputs changed: an edit to one Thing's body
/// renders that Thing's page and the course home, and serves the rest as they were. The key is made
/// conservatively: anything one page shows of the others (titles, statuses, badges, collections, the
/// course file, the theme, the media) is in every page's key, so changing it renders every page.
public final class RenderedPages: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: (key: Int, bytes: [UInt8])] = [:]
    private var rendered: [String] = []

    /// Creates an empty set.
    public init() {}

    /// The pages the last build rendered (the others came from this set), sorted.
    public var renderedByLastBuild: [String] { lock.withLock { rendered.sorted() } }

    /// Starts a build: forgets which pages were rendered.
    func beginBuild() { lock.withLock { rendered = [] } }

    /// The bytes of `path` made from inputs with `key`: kept ones when the key matches, else `render()`'s.
    func page(_ path: String, key: Int, render: () throws -> [UInt8]) rethrows -> [UInt8] {
        if let kept = lock.withLock({ pages[path] }), kept.key == key { return kept.bytes }
        let bytes = try render()
        lock.withLock {
            pages[path] = (key, bytes)
            rendered.append(path)
        }
        return bytes
    }

    /// What every page of `things` shows of the course around it, hashed: the course file, the theme,
    /// the issuer file and the files of the badges the course's pages name, every Thing's outline, the
    /// media plan, and the build's options.
    static func contextKey(
        request: PackageRequest, things: [Thing], media: MediaPlan, images: [String: String], workspace: WorkspaceFiles
    ) -> Int {
        var hasher = Hasher()
        hasher.combine(request.format.rawValue)
        hasher.combine(request.lms)
        hasher.combine(request.siteURL)
        hasher.combine(request.includeDrafts)
        let courseFile = request.workspaceLayout.courseFile(inCourseFolder: request.course.folder)
        hasher.combine(contentsOf: (try? workspace.read(courseFile)) ?? [])
        let themeFolder = request.workspaceLayout.themeFolder(inCourseFolder: request.course.folder)
        for name in WorkspaceLayout.themeFileNames {
            hasher.combine(contentsOf: (try? workspace.read(themeFolder + "/" + name)) ?? [])
        }
        // The badges pages name: their Things', their collections' and their prerequisites' (not every
        // badge of the workspace, which a 2,300-Thing preview read and hashed on every edit).
        var shown = Set(request.course.collections.compactMap { $0.badge?.id })
        for thing in request.course.things {
            if let badge = thing.badge { shown.insert(badge.id) }
            for prerequisite in thing.prerequisites {
                if case .badge(let badge) = prerequisite.target { shown.insert(badge.id) }
            }
        }
        let badgeFiles = shown.compactMap { request.badges.badge(id: $0)?.file }
        for file in ([request.badges.issuer?.file].compactMap { $0 } + badgeFiles).sorted() {
            hasher.combine(file)
            hasher.combine(contentsOf: (try? workspace.read(file)) ?? [])
        }
        for thing in request.course.things.sorted(by: { $0.id < $1.id }) { thing.hashOutline(into: &hasher) }
        hasher.combine(things.map(\.id))
        for path in media.entries.keys.sorted() {
            guard let entry = media.entries[path] else { continue }
            hasher.combine(path)
            hasher.combine(entry.packagePath)
            hasher.combine(entry.file.size)
            hasher.combine(entry.file.imageInfo)
            // Captions are written into HTML pages: their text is part of the page.
            if entry.file.fileExtension == "vtt" { hasher.combine(contentsOf: (try? workspace.read(path)) ?? []) }
        }
        for key in images.keys.sorted() {
            hasher.combine(key)
            hasher.combine(images[key])
        }
        return hasher.finalize()
    }

    /// A page's key: the context's, and the Thing file's text as the loader read it (its digest,
    /// which holds the path), rather than reading every Thing file once more on each build.
    static func thingKey(context: Int, thing: Thing) -> Int {
        var hasher = Hasher()
        hasher.combine(context)
        hasher.combine(thing.sourceDigest)
        return hasher.finalize()
    }
}
