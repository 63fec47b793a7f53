import CourseMarkdown
import CourseMedia
import CourseModel
import FileAccess
import Foundation

/// The media of a package: every local file its pages use (pictures, video, audio, captions,
/// transcripts, handouts), each copied once however many Things use it or under how many names, to a
/// readable path in the package's media folder; and which Thing uses which, for the manifest.
struct MediaPlan: Sendable {
    /// One file of the package's media.
    struct Entry: Sendable {
        /// Where it is in the workspace.
        let workspacePath: String
        /// Where it goes in the package.
        let packagePath: String
        /// What it is.
        let file: MediaFile
    }

    /// The package's media by workspace path (several paths may share one package file).
    private(set) var entries: [String: Entry] = [:]
    /// The package files each Thing's page uses, by Thing id, sorted.
    private(set) var filesByThing: [String: [String]] = [:]
    /// The course's cover, when the package has a page that shows it (the HTML site's home).
    private(set) var courseCover: Entry?
    /// The course's logo, when the package's pages show it (every format with the theme).
    private(set) var courseLogo: Entry?
    /// The resolver references are read through.
    let media: MediaFiles

    /// Plans the media of `things` from the files as `media` inspected them and the bodies as
    /// `markdown` parsed them. Files are not read here, except those of equal size, whose SHA-256 tells
    /// whether they are copies of one another (one copy is carried).
    static func make(
        things: [Thing], course: Course, includingCourseCover: Bool, includingCourseLogo: Bool = false,
        media: MediaFiles, markdown: ParsedMarkdownCache, layout: PackageLayout
    ) throws(PackageError) -> MediaPlan {
        var plan = MediaPlan(media: media)
        var used: [(thing: String?, path: String)] = []
        for thing in things {
            for path in try plan.localFiles(of: thing, in: course, markdown: markdown) { used.append((thing.id, path)) }
        }
        var coverPath: String?
        if includingCourseCover, let cover = course.cover,
            case .success(let path) = plan.media.resolve(MediaReference.reference(to: cover), in: nil, of: course)
        {
            coverPath = path
            used.append((nil, path))
        }
        var logoPath: String?
        if includingCourseLogo, let logo = course.logo,
            case .success(let path) = plan.media.resolve(MediaReference.reference(to: logo), in: nil, of: course)
        {
            logoPath = path
            used.append((nil, path))
        }
        // Names are given in the order of workspace paths, so a build is the same every time.
        let paths = Set(used.map(\.path)).sorted()
        var files: [String: MediaFile] = [:]
        for path in paths {
            do {
                files[path] = try plan.media.file(at: path)
            } catch {
                throw PackageError(step: .layOutPages, path: path, message: error.description)
            }
        }
        let sizeCounts = Dictionary(paths.map { (files[$0]!.size, 1) }, uniquingKeysWith: +)
        var byDigest: [[UInt8]: String] = [:]
        var taken = Set<String>()
        for path in paths {
            let file = files[path]!
            var packagePath: String?
            var digest: [UInt8]?
            if sizeCounts[file.size, default: 0] > 1 {
                do {
                    digest = try plan.media.digest(at: path)
                } catch {
                    throw PackageError(step: .layOutPages, path: path, message: error.description)
                }
                packagePath = byDigest[digest!]
            }
            if packagePath == nil {
                packagePath = layout.media(uniqueName(for: path, taken: &taken))
                if let digest { byDigest[digest] = packagePath }
            }
            plan.entries[path] = Entry(workspacePath: path, packagePath: packagePath!, file: file)
        }
        for (thing, path) in used {
            guard let thing else { continue }
            plan.filesByThing[thing, default: []].append(plan.entries[path]!.packagePath)
        }
        plan.courseCover = coverPath.flatMap { plan.entries[$0] }
        plan.courseLogo = logoPath.flatMap { plan.entries[$0] }
        for thing in plan.filesByThing.keys { plan.filesByThing[thing] = Array(Set(plan.filesByThing[thing]!)).sorted() }
        return plan
    }

    /// The package entry of a reference written in `thing` (as it is written, relative to its origin).
    func entry(for written: String, origin: MediaReference.Origin, in thing: Thing?, of course: Course) -> Entry? {
        guard case .success(let path) = media.resolve(written, relativeTo: origin, in: thing, of: course) else { return nil }
        return entries[path]
    }

    /// The captions and transcript of a local or remote video or audio reference, as package entries:
    /// those named in its title, or a `.vtt` file of the same name beside a local file.
    func companions(
        of reference: MediaReference, in thing: Thing, of course: Course
    ) -> (captions: Entry?, transcript: Entry?) {
        let named = reference.companions
        var captions = named.captions.flatMap { entry(for: $0, origin: reference.origin, in: thing, of: course) }
        if captions == nil, let conventional = reference.conventionalCaptions {
            captions = entry(for: conventional, origin: reference.origin, in: thing, of: course)
        }
        return (captions, named.transcript.flatMap { entry(for: $0, origin: reference.origin, in: thing, of: course) })
    }

    /// Every local file `thing`'s page uses, as workspace paths (validation has checked them).
    private func localFiles(of thing: Thing, in course: Course, markdown: ParsedMarkdownCache) throws(PackageError)
        -> [String]
    {
        let references = MediaReference.all(
            in: thing, of: course,
            body: Self.mayNameFiles(thing.body.source)
                ? markdown.document(of: thing.body.source, file: thing.file) : MarkdownDocument(parsing: ""))
        var paths: [String] = []
        for reference in references where !reference.isRemote {
            guard case .success(let path) = media.resolve(reference, in: thing, of: course) else {
                throw PackageError(
                    step: .layOutPages, path: thing.file,
                    message: "`\(reference.target)` cannot be packaged; run `toolkit validate`")
            }
            paths.append(path)
            let named = reference.companions
            var companions = [named.captions, named.transcript].compactMap { $0 }
            if reference.isEmbedded, let conventional = reference.conventionalCaptions {
                if case .success = media.resolve(conventional, relativeTo: reference.origin, in: thing, of: course) {
                    companions.append(conventional)
                }
            }
            for written in companions {
                if case .success(let path) = media.resolve(written, relativeTo: reference.origin, in: thing, of: course) {
                    paths.append(path)
                }
            }
        }
        for reference in references where reference.isRemote && reference.isEmbedded {
            // A player's transcript or captions are local files all the same.
            let named = reference.companions
            for written in [named.captions, named.transcript].compactMap({ $0 }) {
                if case .success(let path) = media.resolve(written, relativeTo: reference.origin, in: thing, of: course) {
                    paths.append(path)
                }
            }
        }
        return paths
    }

    /// Whether a Markdown text may name a file: a link or image whose destination is not a web
    /// address, an anchor, e-mail or another Thing (`thing-02.md`, `thing:thing-02`), or a reference
    /// definition. Most bodies do not, and are then not parsed again. One pass over the bytes: this
    /// runs for every page of a package.
    static func mayNameFiles(_ markdown: String) -> Bool {
        var markdown = markdown
        return markdown.withUTF8 { bytes in
            var index = 0
            while index + 1 < bytes.count {
                if bytes[index] == UInt8(ascii: "]") {
                    if bytes[index + 1] == UInt8(ascii: ":") { return true }
                    if bytes[index + 1] == UInt8(ascii: "(") {
                        var start = index + 2
                        while start < bytes.count, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "<") {
                            start += 1
                        }
                        var end = start
                        while end < bytes.count, bytes[end] != UInt8(ascii: ")"), bytes[end] != UInt8(ascii: " "),
                            bytes[end] != UInt8(ascii: ">"),
                            bytes[end] != UInt8(ascii: "#")
                        {
                            end += 1
                        }
                        let destination = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
                        let elsewhere = ["http://", "https://", "mailto:", "thing:"].contains { destination.hasPrefix($0) }
                        if !elsewhere && !destination.isEmpty && !destination.hasSuffix(".md") { return true }
                        if start < bytes.count, bytes[start] == UInt8(ascii: "#") {
                            // An anchor in the page: nothing to carry.
                        }
                        index = end
                        continue
                    }
                }
                index += 1
            }
            return false
        }
    }

    /// Names are made of letters, digits, `.`, `_` and `-` only: spaces, `%`, `#` and non-ASCII
    /// letters break several LMSs' players and imports (and need escaping in every page).
    private static func uniqueName(for path: String, taken: inout Set<String>) -> String {
        let written = String(path.split(separator: "/").last ?? "file")
        let name = String(
            written.unicodeScalars.map { scalar -> Character in
                scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "._-".unicodeScalars.contains(scalar))
                    ? Character(scalar) : "-"
            })
        let dot = name.lastIndex(of: ".") ?? name.endIndex
        var candidate = name
        var counter = 1
        while !taken.insert(candidate.lowercased()).inserted {
            counter += 1
            candidate = name[..<dot] + "-\(counter)" + name[dot...]
        }
        return candidate
    }
}
