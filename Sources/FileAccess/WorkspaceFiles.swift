import ToolkitSupport

/// The one safe way to reach a file an author names: a Thing or badge file, a badge image, a theme
/// override, a handout or a picture. Every path goes through the same rules, whoever asks (the
/// loader, the validator, the packager, the badge exporter): relative, no `..` out of its folder,
/// a regular file, inside the workspace once links are resolved, and spelt with the exact case of
/// the files on disk (a path that works on macOS only breaks on Linux and in zips).
public struct WorkspaceFiles: Sendable {
    /// Where the files are.
    public let fileSystem: any FileSystem
    /// The workspace folder, absolute.
    public let root: String
    private let resolvedRoot: String
    /// Folder listings already read (for the case check), by workspace-relative folder: each name by
    /// its lowercase form, so a missing name is matched in one lookup (a badge folder holds thousands).
    private let listings = LockedValue([String: Listing]())

    /// A folder's names, and each name by its lowercase form.
    private struct Listing {
        let names: Set<String>
        let byLowercase: [String: String]
    }

    /// Why a path an author wrote cannot be used.
    public enum Refusal: Error, Hashable, Sendable {
        /// Empty, absolute, or written with backslashes.
        case notRelative(String)
        /// Climbs out of `folder` with `..`.
        case escapes(String, folder: String)
        /// Nothing is there.
        case missing(String)
        /// A folder, a pipe or a device where a file is expected.
        case notAFile(String)
        /// A link (or a path through a link) that leads out of the workspace.
        case linksOut(String, target: String)
        /// The file exists under another case (`Diagram.PNG` written as `diagram.png`).
        case wrongCase(String, actual: String)

        /// What is wrong, naming the path.
        public var message: String {
            switch self {
            case .notRelative(let path): "`\(path)` is not a relative path"
            case .escapes(let path, let folder): "`\(path)` leaves the \(folder) folder"
            case .missing(let path): "`\(path)` does not exist"
            case .notAFile(let path): "`\(path)` is not a regular file"
            case .linksOut(let path, let target): "`\(path)` is a link to \(target), outside the workspace"
            case .wrongCase(let path, let actual): "`\(path)` is spelt `\(actual)` on disk"
            }
        }

        /// How to fix it.
        public var hint: String? {
            switch self {
            case .notRelative, .escapes: "use a path relative to its folder, without `..`"
            case .missing, .notAFile: nil
            case .linksOut: "copy the file into the workspace instead of linking to it"
            case .wrongCase(_, let actual): "write it as `\(actual)`: names are case-sensitive on Linux and in zips"
            }
        }
    }

    /// Reaches the workspace at `root` (absolute) through `fileSystem`.
    public init(root: String, fileSystem: any FileSystem) {
        self.root = root
        self.fileSystem = fileSystem
        resolvedRoot = fileSystem.resolvedPath(root)
    }

    /// The absolute path of a workspace-relative path.
    public func absolute(_ relativePath: String) -> String { PathArithmetic.absolute(relativePath, root: root) }

    /// The workspace-relative path of `written` (relative to the workspace folder `folder`), checked.
    public func resolve(_ written: String, under folder: String) -> Result<String, Refusal> {
        guard !written.isEmpty, !written.hasPrefix("/"), !written.contains(literal: "\\") else {
            return .failure(.notRelative(written))
        }
        guard let path = PathSafety.resolve(written, under: folder) else { return .failure(.escapes(written, folder: folder)) }
        switch check(path) {
        case nil:
            return .success(path)
        case .wrongCase(_, let actual)? where actual.hasPrefix(folder + "/"):
            // Said in the author's terms: the path as written, and how to write it.
            return .failure(.wrongCase(written, actual: String(actual.dropFirst(folder.count + 1))))
        case let refusal?:
            return .failure(refusal)
        }
    }

    /// The workspace-relative path of `written`, relative to the workspace folder `folder` but allowed
    /// anywhere inside `boundary` (a folder holding `folder`): `../files/chart.png` written in a Thing
    /// file reaches the course's `files/`, never further.
    public func resolve(_ written: String, from folder: String, within boundary: String) -> Result<String, Refusal> {
        guard folder == boundary || folder.hasPrefix(boundary + "/") else { return resolve(written, under: folder) }
        let inner = String(folder.dropFirst(boundary.count)).drop { $0 == "/" }
        guard !written.isEmpty, !written.hasPrefix("/"), !written.contains(literal: "\\") else {
            return .failure(.notRelative(written))
        }
        guard PathSafety.resolve(inner.isEmpty ? written : inner + "/" + written, under: boundary) != nil else {
            return .failure(.escapes(written, folder: boundary))
        }
        switch resolve(inner.isEmpty ? written : inner + "/" + written, under: boundary) {
        case .failure(.wrongCase(_, let actual)):
            // Said as the author would write it from `folder`.
            return .failure(
                .wrongCase(written, actual: PathArithmetic.href(to: actual, from: inner.isEmpty ? "_" : inner + "/_")))
        case let result:
            return result
        }
    }

    /// Why the workspace-relative `path` cannot be read as a file of the workspace, or nil when it can.
    public func check(_ path: String) -> Refusal? {
        let absolutePath = absolute(path)
        switch fileSystem.entryKind(at: absolutePath) {
        case nil:
            if let actual = caseCorrected(path) { return .wrongCase(path, actual: actual) }
            return .missing(path)
        case .directory?, .other?:
            return .notAFile(path)
        case .file?:
            let resolved = fileSystem.resolvedPath(absolutePath)
            guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") else {
                return .linksOut(path, target: resolved)
            }
            // Where names differ by case, finding the file means the case was right; elsewhere it is checked.
            if !fileSystem.isCaseSensitive, let actual = caseCorrected(path) { return .wrongCase(path, actual: actual) }
            return nil
        }
    }

    /// A workspace-relative file, checked first, open to be read a piece at a time.
    public func openForReading(_ path: String) throws(WorkspaceFileError) -> any FileReader {
        if let refusal = check(path) { throw .refused(refusal) }
        do {
            return try fileSystem.openForReading(absolute(path))
        } catch {
            throw .unreadable(path, reason: error.reason)
        }
    }

    /// The bytes of a workspace-relative file, checked first.
    public func read(_ path: String) throws(WorkspaceFileError) -> [UInt8] {
        if let refusal = check(path) { throw .refused(refusal) }
        do {
            return try fileSystem.readFile(absolute(path))
        } catch {
            throw .unreadable(path, reason: error.reason)
        }
    }

    /// The path as spelt on disk when some component differs from it only by case; nil when it is exact
    /// (or when no such file exists under any case).
    private func caseCorrected(_ path: String) -> String? {
        var folder = ""
        var corrected: [String] = []
        var differs = false
        for component in path.split(separator: "/").map(String.init) {
            let names = listing(of: folder)
            if names.names.contains(component) {
                corrected.append(component)
            } else if let match = names.byLowercase[component.lowercased()] {
                corrected.append(match)
                differs = true
            } else {
                return nil
            }
            folder = corrected.joined(separator: "/")
        }
        return differs ? corrected.joined(separator: "/") : nil
    }

    /// Whether `path`'s folder lists its name, in any case, by the folder's listing (read once per
    /// `WorkspaceFiles`): a cheap first answer for optional files (the PNG beside a badge's SVG), with
    /// no call to the file system for each one that is not there. A listed name still goes through `check`.
    public func mayExist(_ path: String) -> Bool {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[..<$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        let names = listing(of: folder)
        return names.names.contains(name) || names.byLowercase[name.lowercased()] != nil
    }

    private func listing(of folder: String) -> Listing {
        if let known = listings.withLock({ $0[folder] }) { return known }
        let names = (try? fileSystem.contentsOfDirectory(absolute(folder))) ?? []
        let listing = Listing(
            names: Set(names),
            byLowercase: Dictionary(names.map { ($0.lowercased(), $0) }, uniquingKeysWith: { first, _ in first }))
        listings.withLock { $0[folder] = listing }
        return listing
    }
}

/// A workspace file that could not be read.
public enum WorkspaceFileError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The path breaks a rule of `WorkspaceFiles`.
    case refused(WorkspaceFiles.Refusal)
    /// The file system failed to read it.
    case unreadable(String, reason: String)

    /// What went wrong, naming the path.
    public var description: String {
        switch self {
        case .refused(let refusal): refusal.message
        case .unreadable(let path, let reason): "`\(path)` cannot be read: \(reason)"
        }
    }
}
