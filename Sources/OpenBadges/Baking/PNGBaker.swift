import CourseMedia
import Foundation

/// Bakes an assertion into a PNG: exactly one uncompressed `iTXt` chunk with the keyword
/// `openbadges` (Open Badges Baking 2.0) or `openbadgecredential` (Open Badges 3.0 §5.3), placed
/// after `IHDR`, with a valid CRC.
public enum PNGBaker {
    /// A file that is not a PNG this can bake.
    public struct Problem: Error, CustomStringConvertible, Sendable {
        /// Why.
        public var description: String
    }

    static let signature = ImageInspector.pngSignature
    static let keyword = PNGChunks.openBadgesKeyword
    static let keyword3 = PNGChunks.openBadges3Keyword
    typealias Chunk = PNGChunks.Chunk

    /// The PNG's chunks, checking lengths and CRCs.
    static func chunks(of png: [UInt8]) throws(Problem) -> [Chunk] {
        do {
            return try PNGChunks(png).chunks
        } catch {
            throw Problem(description: error.description)
        }
    }

    /// `png` with `text` baked in under `keyword` (2.0's by default), replacing any earlier Open Badges chunk.
    public static func bake(_ png: [UInt8], text: String, keyword: String = PNGChunks.openBadgesKeyword) throws(Problem)
        -> [UInt8]
    {
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

    static func isOpenBadgesChunk(_ chunk: Chunk) -> Bool { PNGChunks.isOpenBadges(chunk) }

    static func serialise(_ chunks: [Chunk]) -> [UInt8] { PNGChunks.serialise(chunks) }
}
