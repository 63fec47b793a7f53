import FileAccess

/// Badge artwork as the badge files name it (relative to the workspace's badges folder), read
/// through the workspace's safe path rules: the exporter and the issuer read art the same way the
/// validator checked it.
struct BadgeArt: Sendable {
    let workspace: WorkspaceFiles
    let badgesFolder: String

    /// The art's formats: the extension of an image path, which must be `png` or `svg`.
    static func imageExtension(_ path: String) throws(BadgeError) -> String {
        let ext = path.split(separator: ".").last.map { $0.lowercased() } ?? ""
        guard ext == "png" || ext == "svg" else { throw BadgeError(path: path, "is neither a PNG nor an SVG image") }
        return ext
    }

    /// The bytes of `image`.
    func read(_ image: String) throws(BadgeError) -> [UInt8] {
        switch workspace.resolve(image, under: badgesFolder) {
        case .failure(let refusal):
            throw BadgeError(path: image, refusal.message)
        case .success(let path):
            do {
                return try workspace.read(path)
            } catch {
                throw BadgeError(path: path, error.description)
            }
        }
    }

    /// The badge's artwork in every format there is: the image itself, and a sibling of the same name
    /// with the other extension (`thing-02.svg` beside `thing-02.png`), each with its format.
    func allFormats(of image: String) throws(BadgeError) -> [(format: String, bytes: [UInt8])] {
        let ext = try Self.imageExtension(image)
        let stem = String(image.dropLast(ext.count + 1))
        var formats: [(format: String, bytes: [UInt8])] = []
        for format in ["png", "svg"] {
            if format == ext {
                formats.append((format, try read(image)))
            } else if case .success(let path) = workspace.resolve(stem + "." + format, under: badgesFolder) {
                formats.append((format, try read(String(path.dropFirst(badgesFolder.count + 1)))))
            }
        }
        return formats
    }
}
