import CourseXML

/// Checks an image that will be published as it is (badge art, the issuer's image): a whole PNG
/// (every chunk's length and CRC) or a safe SVG, carrying no Open Badges data of its own, so that
/// baking never fails halfway through an issue and a badge platform never serves active content.
public enum PublishedImage {
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
            if let first = SVGSafety.problems(in: bytes).first {
                return ["has active content (\(first)), which badge platforms would serve as it is"]
            }
            let baked = (try? UntrustedXMLParser.parse(bytes))?.children.contains {
                $0.name == "assertion" && $0.namespaceURI == "http://openbadges.org"
            }
            return baked == true ? ["already carries a baked Open Badges assertion; use the plain artwork"] : []
        default:
            return []
        }
    }
}
