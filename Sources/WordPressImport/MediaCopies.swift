import CourseMedia

/// The files an import copies into the course's `files/` folder (each once, under a name no other
/// file has), the transcripts it starts, and the ones it could not copy.
final class MediaCopies {
    /// The request's uploads reader.
    private let uploads: (@Sendable (String) -> UploadedFile)?
    /// The request's downloader.
    private let download: (@Sendable (String) -> UploadedFile)?
    /// The course folder (workspace-relative).
    private let courseFolder: String
    /// Written files by uploads path: the name inside `files/`, or why not.
    private var copied: [String: Result<String, CopyRefusal>] = [:]
    /// Names taken inside `files/`.
    private var takenNames: Set<String> = []
    /// The files to write, in the order decided.
    private(set) var files: [(path: String, bytes: [UInt8])] = []
    /// Paths copied (workspace-relative).
    private(set) var copiedPaths: [String] = []
    /// Files that could not be copied, with why.
    private(set) var missing: [String] = []
    /// The Things that use each uploads path.
    var users: [String: Set<String>] = [:]

    /// Why a file was not copied.
    struct CopyRefusal: Error {
        /// The reason, for the body note and the report.
        var reason: String
    }

    /// Copies into `courseFolder/files`, reading through `uploads`.
    init(
        uploads: (@Sendable (String) -> UploadedFile)?, download: (@Sendable (String) -> UploadedFile)?, courseFolder: String
    ) {
        self.uploads = uploads
        self.download = download
        self.courseFolder = courseFolder
    }

    /// The name inside `files/` of the upload at `path` (`2017/04/vision-map.png`), copied the first
    /// time it is asked for (from the uploads folder, else downloaded from `address` when downloads
    /// are allowed); a refusal saying why when it cannot be.
    func copy(_ path: String, address: String?, kind: String) -> Result<String, CopyRefusal> {
        if let known = copied[path] { return known }
        let result = makeCopy(path, address: address, kind: kind)
        copied[path] = result
        if case .failure(let refusal) = result { missing.append(refusal.reason) }
        return result
    }

    /// Whether files may be downloaded.
    var downloads: Bool { download != nil }

    private func makeCopy(_ path: String, address: String?, kind: String) -> Result<String, CopyRefusal> {
        let name = String(path.split(separator: "/").last ?? Substring(path))
        let shown = "the \(kind) \(name)"
        guard !path.split(separator: "/").contains(where: { $0 == ".." || $0 == "." }), !path.hasPrefix("/") else {
            return .failure(CopyRefusal(reason: "\(shown) names a path outside the uploads folder; it was not copied"))
        }
        var found = uploads?(path) ?? .missing
        if case .missing = found, let download, let address {
            found = WXRAddress.scheme(address) == "https" ? download(address) : .failed("only https addresses are downloaded")
        }
        if case .missing = found, uploads == nil {
            return .failure(
                CopyRefusal(
                    reason:
                        "\(shown) was not copied: import with --uploads and a copy of the site's wp-content/uploads folder (or --download), or add it to files/ yourself"
                ))
        }
        switch found {
        case .failed(let why):
            return .failure(
                CopyRefusal(reason: "\(shown) could not be downloaded from \(address ?? path) (\(why)); it was not copied"))
        case .missing:
            return .failure(
                CopyRefusal(
                    reason: "\(shown) is not in the uploads folder (\(path)): add it to files/ and show it from there"))
        case .tooLarge(let size):
            return .failure(
                CopyRefusal(
                    reason:
                        "\(shown) is \(MediaFormat.sizeText(size)), over the \(MediaFormat.sizeText(MediaLimits.maximumFileSize)) a course file may be; it was not copied"
                ))
        case .bytes(let bytes):
            let ext = MediaFormat.fileExtension(of: name)
            guard let expected = MediaFormat.byExtension[ext] else {
                return .failure(
                    CopyRefusal(reason: "\(shown) is a kind of file courses do not carry (.\(ext)); it was not copied"))
            }
            guard case .format(let format) = MediaSniffer.sniff(bytes), format == expected || Self.compatible(format, expected)
            else {
                return .failure(
                    CopyRefusal(reason: "\(shown): its bytes are not what its name says (.\(ext)); it was not copied"))
            }
            let unique = uniqueName(name, path: path)
            let destination = courseFolder + "/files/" + unique
            files.append((destination, bytes))
            copiedPaths.append(destination)
            return .success(unique)
        }
    }

    /// Formats one extension may hold besides its own (a `.txt` or `.md` is text either way).
    private static func compatible(_ found: MediaFormat, _ expected: MediaFormat) -> Bool {
        found.category == expected.category && found.category == .document
    }

    /// `name`, or a name that says where it came from when another file already took it.
    private func uniqueName(_ name: String, path: String) -> String {
        var candidate = name
        if takenNames.contains(candidate) {
            let folders = path.split(separator: "/").dropLast().joined(separator: "-")
            candidate = folders.isEmpty ? name : folders + "-" + name
            var counter = 2
            while takenNames.contains(candidate) {
                candidate = "\(counter)-\(name)"
                counter += 1
            }
        }
        takenNames.insert(candidate)
        return candidate
    }

    /// The transcript file for a recording (a name inside `files/`), written once with the
    /// placeholder text the `placeholder-text` rule knows.
    func transcript(named base: String, text: String) -> String {
        let name = slug(base, limit: 40, fallback: "recording") + "-transcript.md"
        let destination = courseFolder + "/files/" + name
        if !files.contains(where: { $0.path == destination }) {
            takenNames.insert(name)
            files.append((destination, Array(text.utf8)))
        }
        return name
    }
}
