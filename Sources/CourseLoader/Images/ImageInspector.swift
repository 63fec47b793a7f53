import CourseXML

/// Reads the format and size of PNG and SVG images without decoding pixels.
public enum ImageInspector {
    /// Why an image cannot be used.
    public struct Problem: Error, Hashable, Sendable {
        /// What is wrong, for a message.
        public var reason: String
    }

    private static let pngSignature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]

    /// Inspects `bytes`; throws when they are neither a PNG nor an SVG, or when the size cannot be read.
    public static func inspect(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        if bytes.starts(with: pngSignature) { return try png(bytes) }
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self)
        if head.contains("<svg") || head.hasPrefix("<?xml") || head.lowercased().contains("<!doctype") {
            guard !head.lowercased().contains("<!doctype") else {
                throw Problem(reason: "declares a DOCTYPE; badge SVGs may not (DTDs can fetch or expand content)")
            }
            return try svg(bytes)
        }
        throw Problem(reason: "is neither a PNG nor an SVG image")
    }

    private static func png(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        // The first chunk must be IHDR: length (4), type (4), width (4), height (4).
        guard bytes.count >= 33, Array(bytes[12..<16]) == Array("IHDR".utf8) else {
            throw Problem(reason: "is a truncated or damaged PNG (no IHDR chunk)")
        }
        func bigEndian(_ offset: Int) -> Double {
            Double(bytes[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
        }
        return ImageInfo(format: .png, width: bigEndian(16), height: bigEndian(20))
    }

    private static func svg(_ bytes: [UInt8]) throws(Problem) -> ImageInfo {
        let root: XMLElementSnapshot
        do {
            root = try UntrustedXMLParser.parse(bytes)
        } catch {
            throw Problem(reason: "is not a well-formed SVG (line \(error.line): \(error.message))")
        }
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
