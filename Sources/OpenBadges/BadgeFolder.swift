import CourseModel
import FileAccess
import ToolkitSupport

/// A course's published Open Badges folder: where it is, the URL it is served under, and the private
/// ledger beside it. Every read and write of a badge command goes through it, and so through one
/// file system.
public struct BadgeFolder: Sendable {
    /// The folder, absolute.
    public let path: String
    /// The URL layout it is published under.
    public let urls: BadgeURLs
    /// Where it is read and written.
    public let fileSystem: any FileSystem
    /// How outputs beside it are named (the ledger).
    public let outputLayout: OutputLayout

    /// A folder at `path`, published under `urls`.
    public init(path: String, urls: BadgeURLs, fileSystem: any FileSystem, outputLayout: OutputLayout = .standard) {
        self.path = path
        self.urls = urls
        self.fileSystem = fileSystem
        self.outputLayout = outputLayout
    }

    /// Where a course's badges are published by default: `build/<course>-badges` in the workspace.
    public static func defaultPath(
        course: String, workspaceRoot: String, outputLayout: OutputLayout = .standard
    ) -> String {
        outputLayout.badgesFolder(course: course, outputFolder: outputLayout.defaultFolder(workspaceRoot: workspaceRoot))
    }

    /// An already exported folder, its base URL read back from its issuer profile.
    public static func open(
        _ path: String, fileSystem: any FileSystem, layout: PublishedBadgesLayout = .standard,
        outputLayout: OutputLayout = .standard
    ) throws(BadgeError) -> BadgeFolder {
        let profile = joinPath(path, layout.issuerProfile)
        guard let bytes = try? fileSystem.readFile(profile), let id = (try? JSONValue.parse(bytes))?["id"]?.stringValue,
            let base = BadgeURLs.base(ofIssuerID: id, layout: layout)
        else { throw BadgeError(path: path, "has no \(layout.issuerProfile): run `toolkit badges export` first") }
        do {
            var urls = try BadgeURLs(base: base, layout: layout)
            // An issuer identified by did:web: its document, published at the root, says so.
            if let did = (try? fileSystem.readFile(joinPath(path, layout.didDocument))).flatMap({ try? JSONValue.parse($0) })?[
                "id"]?.stringValue
            {
                urls = try urls.identifyingIssuer(as: did)
            }
            return BadgeFolder(path: path, urls: urls, fileSystem: fileSystem, outputLayout: outputLayout)
        } catch {
            throw BadgeError(path: profile, "\(error)")
        }
    }

    /// The published folder of the only course of the workspace at `workspaceRoot`.
    public static func openOnlyCourse(
        workspaceRoot: String, fileSystem: any FileSystem, workspaceLayout: WorkspaceLayout = .standard,
        outputLayout: OutputLayout = .standard
    ) throws(BadgeError) -> BadgeFolder {
        let coursesFolder = joinPath(workspaceRoot, workspaceLayout.coursesFolder)
        let courses = ((try? fileSystem.contentsOfDirectory(coursesFolder)) ?? []).filter {
            !$0.hasPrefix(".") && fileSystem.isDirectory(joinPath(coursesFolder, $0))
        }
        guard courses.count == 1 else {
            throw BadgeError(
                path: coursesFolder, courses.isEmpty ? "holds no course" : "holds several courses: pass --output")
        }
        return try open(
            defaultPath(course: courses[0], workspaceRoot: workspaceRoot, outputLayout: outputLayout), fileSystem: fileSystem,
            outputLayout: outputLayout)
    }

    /// The private ledger of what was issued from this folder (beside it, never published).
    public var ledgerPath: String { outputLayout.ledger(ofBadgesFolder: path) }

    /// The private per-row summary of the last `badges issue` run (beside the folder, never published).
    public var issueSummaryPath: String { outputLayout.issueSummary(ofBadgesFolder: path) }

    /// The lock file badge operations on this folder take (beside it, never published).
    public var lockPath: String { outputLayout.lock(ofBadgesFolder: path) }

    /// How long a badge operation waits for another one on the same folder before it gives up.
    public static let lockTimeout = 120.0

    /// Runs `body` as a transaction on the folder: holding its exclusive lock (a second export,
    /// issue or revoke waits for it), after clearing what killed runs left behind. Ledger and
    /// revocation list are read and written inside, so two administrators at once lose nothing.
    public func transaction<Value>(_ body: () throws(BadgeError) -> Value) throws(BadgeError) -> Value {
        let outcome: Result<Value, BadgeError>
        do {
            try fileSystem.createDirectory(String(lockPath[..<(lockPath.lastIndex(of: "/") ?? lockPath.startIndex)]))
            outcome = try fileSystem.withExclusiveLock(lockPath, timeout: Self.lockTimeout) {
                if fileSystem.isDirectory(path) { AtomicOutput(fileSystem: fileSystem).removeLitter(below: path) }
                return Result { () throws(BadgeError) in try body() }
            }
        } catch let error as FileSystemError {
            throw BadgeError(path: error.path, error.reason, isIOFailure: true)
        } catch {
            throw BadgeError(path: lockPath, "\(error)", isIOFailure: true)
        }
        return try outcome.get()
    }

    /// The absolute path of a file of the folder.
    public func file(_ relativePath: String) -> String { joinPath(path, relativePath) }

    /// The bytes of a file of the folder, or nil when it is not there.
    public func read(_ relativePath: String) -> [UInt8]? { try? fileSystem.readFile(file(relativePath)) }

    /// Writes a file of the folder atomically.
    public func write(_ bytes: [UInt8], to relativePath: String) throws(BadgeError) {
        do {
            try AtomicOutput(fileSystem: fileSystem).writeFile(bytes, to: file(relativePath))
        } catch {
            throw BadgeError(path: file(relativePath), "cannot write: \(error.reason)", isIOFailure: true)
        }
    }

    /// The bytes at the URL of a published file, when it is under this folder's base URL; for a key
    /// of the issuer's DID (`did:web:…#…`), the key as its DID document lists it (a JWK's own members).
    public func read(url: String) -> [UInt8]? {
        if let did = urls.issuerDID, url.hasPrefix(did + "#") {
            guard let document = read(urls.layout.didDocument).flatMap({ try? JSONValue.parse($0) }),
                let method = document["verificationMethod"]?.arrayValue?.first(where: { $0["id"]?.stringValue == url })
            else { return nil }
            return (method["publicKeyJwk"] ?? method).prettyBytes()
        }
        guard let path = urls.localPath(of: url) else { return nil }
        return read(path)
    }
}
