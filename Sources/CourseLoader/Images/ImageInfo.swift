/// What the toolkit needs to know about a badge image.
public struct ImageInfo: Hashable, Sendable {
    /// The image formats badge platforms accept.
    public enum Format: String, Hashable, Sendable {
        /// Portable Network Graphics.
        case png
        /// Scalable Vector Graphics.
        case svg
    }

    /// PNG or SVG.
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
