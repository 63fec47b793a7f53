import CourseMedia
import FileAccess
import SVGRaster

/// One badge image in one format, as baking needs it: a badge's art is a list of these (its PNG and
/// its SVG; a PNG drawn from SVG-only art).
public struct BadgeArt: Sendable {
    /// `png` or `svg`.
    public let format: String
    /// The image's bytes.
    public let bytes: [UInt8]
}

/// Reads badge art as the badge files name it (relative to the workspace's badges folder), through
/// the workspace's safe path rules: the exporter and the issuer read art the same way the validator
/// checked it.
struct BadgeArtReader: Sendable {
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

    /// The badge's artwork in every format baking needs: the image itself, and a sibling of the same
    /// name with the other extension (`thing-02.svg` beside `thing-02.png`). SVG art without a PNG
    /// sibling gets a PNG drawn from it (512 px wide), so SVG-only badges still bake into PNGs.
    func allFormats(of image: String) throws(BadgeError) -> [BadgeArt] {
        let ext = try Self.imageExtension(image)
        let stem = String(image.dropLast(ext.count + 1))
        var formats: [BadgeArt] = []
        for format in ["png", "svg"] {
            if format == ext {
                formats.append(BadgeArt(format: format, bytes: try read(image)))
            } else if case .success(let path) = workspace.resolve(stem + "." + format, under: badgesFolder) {
                formats.append(BadgeArt(format: format, bytes: try read(String(path.dropFirst(badgesFolder.count + 1)))))
            }
        }
        if ext == "svg", !formats.contains(where: { $0.format == "png" }) {
            // The drawing budget and the active-content check hold here too: the art may have changed
            // since `validate` saw it, and librsvg cannot be stopped once it draws.
            if let problem = SVGSafety.problems(in: formats[0].bytes).first {
                throw BadgeError(path: image, "cannot be drawn as a PNG: \(problem)")
            }
            do {
                formats.insert(BadgeArt(format: "png", bytes: try SVGRasterizer.png(fromSVG: formats[0].bytes)), at: 0)
            } catch {
                throw BadgeError(path: image, "cannot be drawn as a PNG: \(error)")
            }
        }
        return formats
    }
}
