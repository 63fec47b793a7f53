/// What the toolkit needs to know about an image: its format and its size.
public struct ImageInfo: Hashable, Sendable {
    /// The image formats the toolkit reads.
    public enum Format: String, Hashable, Sendable {
        /// Portable Network Graphics.
        case png
        /// JPEG.
        case jpeg
        /// GIF.
        case gif
        /// WebP.
        case webp
        /// Scalable Vector Graphics.
        case svg
    }

    /// The format, read from the bytes.
    public var format: Format
    /// Width in pixels (SVG: user units).
    public var width: Double
    /// Height in pixels (SVG: user units).
    public var height: Double

    /// Creates image facts.
    public init(format: Format, width: Double, height: Double) {
        self.format = format
        self.width = width
        self.height = height
    }
}
