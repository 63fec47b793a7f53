import CourseXML
import ToolkitSupport

/// Reads the format and size of PNG, JPEG, GIF, WebP and SVG images without decoding pixels.
public enum ImageInspector {
    /// Why an image cannot be used.
    public struct Problem: Error, Hashable, Sendable {
        /// What is wrong, for a message.
        public var reason: String
    }

    /// The eight bytes every PNG starts with.
    public static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Inspects `bytes`; throws when they are no image the toolkit reads, or when the size cannot be read.
    public static func inspect(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        if bytes.starts(with: pngSignature) { return try png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return try jpeg(bytes) }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)) { return try gif(bytes) }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return try webp(bytes)
        }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        if head.contains(literal: "<svg") || head.hasPrefix("<?xml") || head.lowercased().contains(literal: "<!doctype") {
            guard !head.lowercased().contains(literal: "<!doctype") else {
                throw Problem(reason: "declares a DOCTYPE; SVG images may not (DTDs can fetch or expand content)")
            }
            return try svg(bytes)
        }
        throw Problem(reason: "is not a PNG, JPEG, GIF, WebP or SVG image")
    }

    private static func bigEndian32(_ bytes: [UInt8], _ offset: Int) -> Double {
        Double(bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }

    private static func bigEndian16(_ bytes: [UInt8], _ offset: Int) -> Int { Int(bytes[offset]) << 8 | Int(bytes[offset + 1]) }

    private static func littleEndian(_ bytes: [UInt8], _ offset: Int, count: Int) -> Int {
        (0..<count).reduce(0) { $0 | Int(bytes[offset + $1]) << (8 * $1) }
    }

    private static func png(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        // The first chunk must be IHDR: length (4), type (4), width (4), height (4).
        guard bytes.count >= 33, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw Problem(reason: "is a truncated or damaged PNG (no IHDR chunk)")
        }
        return ImageInfo(format: .png, width: bigEndian32(bytes, 16), height: bigEndian32(bytes, 20))
    }

    /// Walks the JPEG segments to the first start-of-frame marker, which holds the size.
    private static func jpeg(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        var offset = 2
        while offset + 9 < bytes.count {
            guard bytes[offset] == 0xFF else { break }
            let marker = bytes[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            let length = bigEndian16(bytes, offset + 2)
            let isStartOfFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isStartOfFrame {
                let height = bigEndian16(bytes, offset + 5)
                let width = bigEndian16(bytes, offset + 7)
                guard width > 0, height > 0 else { break }
                return ImageInfo(format: .jpeg, width: Double(width), height: Double(height))
            }
            guard length >= 2 else { break }
            offset += 2 + length
        }
        throw Problem(reason: "is a truncated or damaged JPEG (no frame header)")
    }

    private static func gif(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        guard bytes.count >= 13 else { throw Problem(reason: "is a truncated GIF") }
        return ImageInfo(
            format: .gif, width: Double(littleEndian(bytes, 6, count: 2)), height: Double(littleEndian(bytes, 8, count: 2)))
    }

    private static func webp(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        guard bytes.count >= 30 else { throw Problem(reason: "is a truncated WebP") }
        switch String(decoding: bytes[12..<16], as: UTF8.self) {
        case "VP8 ":
            return ImageInfo(
                format: .webp, width: Double(littleEndian(bytes, 26, count: 2) & 0x3FFF),
                height: Double(littleEndian(bytes, 28, count: 2) & 0x3FFF))
        case "VP8L":
            let bits = littleEndian(bytes, 21, count: 4)
            return ImageInfo(format: .webp, width: Double((bits & 0x3FFF) + 1), height: Double((bits >> 14 & 0x3FFF) + 1))
        case "VP8X":
            return ImageInfo(
                format: .webp, width: Double(littleEndian(bytes, 24, count: 3) + 1),
                height: Double(littleEndian(bytes, 27, count: 3) + 1))
        default:
            throw Problem(reason: "is a WebP of a kind the toolkit does not know")
        }
    }

    private static func svg(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        let root: XMLElementSnapshot
        do {
            root = try UntrustedXMLParser.parse(bytes)
        } catch {
            throw Problem(reason: "is not a well-formed SVG (line \(error.line): \(error.message))")
        }
        return try svg(root)
    }

    /// The size of an SVG already parsed (badge checks parse each picture once).
    public static func svg(_ root: XMLElementSnapshot) throws(Problem) -> ImageInfo {
        guard root.name == "svg" else { throw Problem(reason: "has root element `\(root.name)`, not `svg`") }
        let viewBox = root.attributes["viewBox"].map {
            $0.split(whereSeparator: { $0 == " " || $0 == "," }).compactMap { Double($0) }
        }
        let width = root.attributes["width"].flatMap(length) ?? (viewBox?.count == 4 ? viewBox![2] : nil)
        let height = root.attributes["height"].flatMap(length) ?? (viewBox?.count == 4 ? viewBox![3] : nil)
        guard let width, let height else {
            throw Problem(reason: "gives no size: add `width` and `height`, or a `viewBox`")
        }
        return ImageInfo(format: .svg, width: width, height: height)
    }

    private static func length(_ text: String) -> Double? {
        var text = Substring(text)
        if text.hasSuffix("px") { text = text.dropLast(2) }
        return Double(text)
    }
}
