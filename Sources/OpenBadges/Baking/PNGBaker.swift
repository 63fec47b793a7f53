import Foundation
import ZIPFoundation

/// Bakes an assertion into a PNG: exactly one uncompressed `iTXt` chunk with the keyword
/// `openbadges`, placed after `IHDR`, with a valid CRC (Open Badges Baking 2.0).
public enum PNGBaker {
    /// A file that is not a PNG this can bake.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    static let signature: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
    static let keyword = "openbadges"

    /// One chunk of a PNG.
    struct Chunk {
        var type: String
        var data: [UInt8]
    }

    /// The PNG's chunks, checking lengths and CRCs.
    static func chunks(of png: [UInt8]) throws(Problem) -> [Chunk] {
        guard png.starts(with: signature) else { throw Problem(description: "not a PNG (signature missing)") }
        var chunks: [Chunk] = []
        var offset = signature.count
        while offset < png.count {
            guard offset + 12 <= png.count else { throw Problem(description: "truncated PNG chunk at byte \(offset)") }
            let length = Int(png[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            guard length <= png.count - offset - 12 else {
                throw Problem(description: "PNG chunk at byte \(offset) runs past the end")
            }
            let type = String(decoding: png[offset + 4..<offset + 8], as: UTF8.self)
            let data = Array(png[offset + 8..<offset + 8 + length])
            let stored = png[offset + 8 + length..<offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard stored == crc(type: type, data: data) else { throw Problem(description: "PNG chunk `\(type)` has a bad CRC") }
            chunks.append(Chunk(type: type, data: data))
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard chunks.first?.type == "IHDR", chunks.last?.type == "IEND" else {
            throw Problem(description: "not a complete PNG (IHDR first and IEND last)")
        }
        return chunks
    }

    /// `png` with `text` baked in, replacing any earlier Open Badges chunk.
    public static func bake(_ png: [UInt8], text: String) throws(Problem) -> [UInt8] {
        var chunks = try chunks(of: png).filter { !isOpenBadgesChunk($0) }
        // keyword, NUL, compression flag 0, compression method 0, empty language tag + NUL, empty translated keyword + NUL.
        let data = Array(keyword.utf8) + [0, 0, 0, 0, 0] + Array(text.utf8)
        chunks.insert(Chunk(type: "iTXt", data: data), at: 1)
        return serialise(chunks)
    }

    /// The baked text, if the PNG carries exactly one Open Badges chunk.
    public static func unbake(_ png: [UInt8]) throws(Problem) -> String {
        let found = try chunks(of: png).filter(isOpenBadgesChunk)
        guard found.count == 1, let chunk = found.first else {
            throw Problem(
                description: found.isEmpty
                    ? "the PNG carries no Open Badges data" : "the PNG carries \(found.count) Open Badges chunks")
        }
        var fields = chunk.data.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        guard fields.count == 2 else { throw Problem(description: "malformed iTXt chunk") }
        var rest = Array(fields.removeLast())
        guard rest.count >= 2, rest[0] == 0 else { throw Problem(description: "compressed Open Badges chunks are not allowed") }
        rest.removeFirst(2)
        // language tag, then translated keyword, each NUL-terminated
        for _ in 0..<2 {
            guard let end = rest.firstIndex(of: 0) else { throw Problem(description: "malformed iTXt chunk") }
            rest.removeSubrange(0...end)
        }
        return String(decoding: rest, as: UTF8.self)
    }

    static func isOpenBadgesChunk(_ chunk: Chunk) -> Bool {
        (chunk.type == "iTXt" || chunk.type == "tEXt") && chunk.data.starts(with: Array(keyword.utf8) + [0])
    }

    static func serialise(_ chunks: [Chunk]) -> [UInt8] {
        var bytes = signature
        for chunk in chunks {
            let length = UInt32(chunk.data.count)
            bytes += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            bytes += Array(chunk.type.utf8) + chunk.data
            let crc = crc(type: chunk.type, data: chunk.data)
            bytes += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        }
        return bytes
    }

    /// The chunk CRC: CRC-32 over type and data (ZIPFoundation's zlib-compatible CRC-32).
    static func crc(type: String, data: [UInt8]) -> UInt32 {
        Data(Array(type.utf8) + data).crc32(checksum: 0)
    }
}
