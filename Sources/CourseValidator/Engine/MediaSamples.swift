/// The smallest valid media files, for rule examples and tests: their bytes say what their names say.
public enum MediaSamples {
    /// A 1×1 PNG (signature and an IHDR chunk).
    public static let png: [UInt8] =
        [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13] + Array("IHDR".utf8)
        + [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1F, 0x15, 0xC4, 0x89]
    /// The start of an MP4 file (an `ftyp` box).
    public static let mp4: [UInt8] = [0, 0, 0, 0x18] + Array("ftypmp42".utf8) + [0, 0, 0, 0] + Array("mp42isom".utf8)
    /// A PDF header.
    public static let pdf: [UInt8] = Array("%PDF-1.4\n%âãÏÓ\n".utf8)
    /// WebVTT captions with one cue.
    public static let vtt = "WEBVTT\n\n00:00.000 --> 00:02.000\nHello.\n"
}
