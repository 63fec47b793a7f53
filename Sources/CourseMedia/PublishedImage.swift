import CourseXML
import ToolkitSupport

/// Checks an image that will be published as it is (badge art, the issuer's image): a whole PNG
/// (every chunk's length and CRC) or a safe SVG, carrying no Open Badges data of its own, so that
/// baking never fails halfway through an issue and a badge platform never serves active content.
public enum PublishedImage {
    /// An image read and checked with one parse: its size, or why it cannot be used, and what keeps it
    /// from being published as it is.
    public static func inspect(_ bytes: [UInt8]) -> (info: Result<ImageInfo, ImageInspector.Problem>, problems: [String]) {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        guard !bytes.starts(with: ImageInspector.pngSignature), head.contains(literal: "<svg") || head.hasPrefix("<?xml") else {
            let info = Result { () throws(ImageInspector.Problem) in try ImageInspector.inspect(bytes) }
            guard case .success(let found) = info else { return (info, []) }
            return (info, problems(bytes, format: found.format))
        }
        if let first = SVGSafety.problemsBeforeParsing(bytes).first {
            return (.failure(ImageInspector.Problem(reason: first.message)), [])
        }
        let root: XMLElementSnapshot
        do {
            root = try UntrustedXMLParser.parse(bytes)
        } catch {
            return (
                .failure(ImageInspector.Problem(reason: "is not a well-formed SVG (line \(error.line): \(error.message))")), []
            )
        }
        return (Result { () throws(ImageInspector.Problem) in try ImageInspector.svg(root) }, problems(svg: root))
    }

    /// What is wrong with the image, or nothing.
    public static func problems(_ bytes: [UInt8], format: ImageInfo.Format) -> [String] {
        switch format {
        case .png:
            do {
                let png = try PNGChunks(bytes)
                return png.chunks.contains(where: PNGChunks.isOpenBadges)
                    ? ["already carries baked Open Badges data; use the plain artwork"] : []
            } catch {
                return ["is a damaged PNG: \(error.description)"]
            }
        case .svg:
            if let first = SVGSafety.problemsBeforeParsing(bytes).first {
                return ["has active content (\(first)), which badge platforms would serve as it is"]
            }
            guard let root = try? UntrustedXMLParser.parse(bytes) else { return ["is not a well-formed SVG"] }
            return problems(svg: root)
        default:
            return []
        }
    }

    /// What keeps an SVG already parsed from being published as it is.
    static func problems(svg root: XMLElementSnapshot) -> [String] {
        if let first = SVGSafety.problems(in: root).first {
            return [
                first.isDrawingCost
                    ? "would take too long to draw (\(first)); simplify the drawing"
                    : "has active content (\(first)), which badge platforms would serve as it is"
            ]
        }
        let baked = root.children.contains { $0.name == "assertion" && $0.namespaceURI == "http://openbadges.org" }
        return baked ? ["already carries a baked Open Badges assertion; use the plain artwork"] : []
    }
}
