import ToolkitSupport

/// Tells what a file is from its first bytes, whatever its name says.
public enum MediaSniffer {
    /// What the bytes are: a format the toolkit carries, something it must never carry, or unknown.
    public enum Verdict: Sendable, Hashable {
        /// One of the formats a course may carry.
        case format(MediaFormat)
        /// A program, a script or a web page.
        case executable(String)
        /// Nothing the toolkit recognises.
        case unknown
    }

    /// How much of a file text is judged on.
    public static let textJudgedLength = 65536

    /// What `bytes` hold (the whole file, or its first bytes when `isWhole` is false). Text is told
    /// apart from binary data by being valid UTF-8 without NUL bytes.
    public static func sniff(_ bytes: [UInt8], isWhole: Bool = true) -> Verdict {
        func starts(_ prefix: [UInt8], at offset: Int = 0) -> Bool {
            bytes.count >= offset + prefix.count && Array(bytes[offset..<offset + prefix.count]) == prefix
        }
        func ascii(_ text: String, at offset: Int = 0) -> Bool { starts(Array(text.utf8), at: offset) }

        if starts([0x7F, 0x45, 0x4C, 0x46]) { return .executable("an ELF program") }
        if ascii("MZ") { return .executable("a Windows program") }
        if [
            [0xFE, 0xED, 0xFA, 0xCE], [0xFE, 0xED, 0xFA, 0xCF], [0xCE, 0xFA, 0xED, 0xFE], [0xCF, 0xFA, 0xED, 0xFE],
            [0xCA, 0xFE, 0xBA, 0xBE],
        ]
        .contains(where: { starts($0) }) {
            return .executable("a macOS program or Java class")
        }
        if ascii("#!") { return .executable("a script") }
        if starts(ImageInspector.pngSignature) { return .format(.png) }
        if starts([0xFF, 0xD8, 0xFF]) { return .format(.jpeg) }
        if ascii("GIF87a") || ascii("GIF89a") { return .format(.gif) }
        if ascii("RIFF"), ascii("WEBP", at: 8) { return .format(.webp) }
        if ascii("RIFF"), ascii("WAVE", at: 8) { return .format(.wav) }
        if ascii("%PDF-") { return .format(.pdf) }
        if starts([0x50, 0x4B, 0x03, 0x04]) { return .format(.officeDocument) }
        if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .format(.legacyOfficeDocument) }
        if ascii("ftyp", at: 4) { return .format(.mp4) }
        if starts([0x1A, 0x45, 0xDF, 0xA3]) { return .format(.webm) }
        if ascii("OggS") { return .format(.ogg) }
        if ascii("ID3") || (bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] & 0xE0 == 0xE0) { return .format(.mp3) }

        // Text formats: valid UTF-8 (an optional byte-order mark) without NUL bytes, judged on the first
        // 64 KB (a multi-byte character cut at the end of that is forgiven).
        let body = starts([0xEF, 0xBB, 0xBF]) ? bytes[3...] : bytes[...]
        let head = body.prefix(textJudgedLength)
        guard !head.contains(0), isUTF8(head, cutAtEnd: head.count < bytes.count || !isWhole) else { return .unknown }
        let trimmed = String(decoding: head.prefix(1024), as: UTF8.self).drop { $0.isWhitespace }.lowercased()
        if trimmed.hasPrefix("webvtt") { return .format(.vtt) }
        if trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<script")
            || trimmed.hasPrefix("<?php")
        {
            return .executable("a web page or script")
        }
        if trimmed.contains(literal: "<svg") { return .format(.svg) }
        return .format(.text)
    }

    /// Whether `bytes` are UTF-8, allowing the last character to be cut off when they are a prefix.
    private static func isUTF8(_ bytes: ArraySlice<UInt8>, cutAtEnd: Bool) -> Bool {
        if String(validating: bytes, as: UTF8.self) != nil { return true }
        guard cutAtEnd else { return false }
        return (1...3).contains { String(validating: bytes.dropLast($0), as: UTF8.self) != nil }
    }
}
