/// The chunks of a PNG, read with every length and CRC checked: what baking rewrites, and what
/// validation checks before anything is published.
public struct PNGChunks: Sendable {
    /// One chunk.
    public struct Chunk: Sendable, Hashable {
        /// The four-letter type, such as `IHDR`.
        public var type: String
        /// The chunk's data.
        public var data: [UInt8]

        /// Creates a chunk.
        public init(type: String, data: [UInt8]) {
            self.type = type
            self.data = data
        }
    }

    /// Why the bytes are not a whole PNG.
    public struct Problem: Error, Hashable, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var description: String
    }

    /// The keyword of an Open Badges chunk (Baking 2.0).
    public static let openBadgesKeyword = "openbadges"
    /// The `iTXt` keyword an Open Badges 3.0 credential is baked under.
    public static let openBadges3Keyword = "openbadgecredential"

    /// The chunks, in order, from `IHDR` to `IEND`.
    public let chunks: [Chunk]

    /// Reads `png`; throws when its signature, a length, a CRC or the `IHDR`…`IEND` frame is wrong.
    public init(_ png: [UInt8]) throws(Problem) {
        guard png.starts(with: ImageInspector.pngSignature) else { throw Problem(description: "not a PNG (signature missing)") }
        var chunks: [Chunk] = []
        var offset = ImageInspector.pngSignature.count
        while offset < png.count {
            guard offset + 12 <= png.count else { throw Problem(description: "truncated PNG chunk at byte \(offset)") }
            let length = Int(png[offset..<offset + 4].reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
            guard length <= png.count - offset - 12 else {
                throw Problem(description: "PNG chunk at byte \(offset) runs past the end")
            }
            let type = String(decoding: png[offset + 4..<offset + 8], as: UTF8.self)
            let data = Array(png[offset + 8..<offset + 8 + length])
            let stored = png[offset + 8 + length..<offset + 12 + length].reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            guard stored == Self.crc(type: type, data: data) else {
                throw Problem(description: "PNG chunk `\(type)` has a bad CRC")
            }
            chunks.append(Chunk(type: type, data: data))
            offset += 12 + length
            if type == "IEND" { break }
        }
        guard chunks.first?.type == "IHDR", chunks.last?.type == "IEND" else {
            throw Problem(description: "not a complete PNG (IHDR first and IEND last)")
        }
        self.chunks = chunks
    }

    /// Whether a chunk carries Open Badges data (an `iTXt` or `tEXt` chunk with the keyword).
    public static func isOpenBadges(_ chunk: Chunk) -> Bool {
        (chunk.type == "iTXt" || chunk.type == "tEXt")
            && (chunk.data.starts(with: Array(openBadgesKeyword.utf8) + [0])
                || chunk.data.starts(with: Array(openBadges3Keyword.utf8) + [0]))
    }

    /// The bytes of a PNG made of `chunks`, with their lengths and CRCs.
    public static func serialise(_ chunks: [Chunk]) -> [UInt8] {
        var bytes = ImageInspector.pngSignature
        for chunk in chunks {
            let length = UInt32(chunk.data.count)
            bytes += [UInt8(length >> 24), UInt8(length >> 16 & 0xFF), UInt8(length >> 8 & 0xFF), UInt8(length & 0xFF)]
            bytes += Array(chunk.type.utf8) + chunk.data
            let crc = crc(type: chunk.type, data: chunk.data)
            bytes += [UInt8(crc >> 24), UInt8(crc >> 16 & 0xFF), UInt8(crc >> 8 & 0xFF), UInt8(crc & 0xFF)]
        }
        return bytes
    }

    /// The chunk CRC: CRC-32 (ISO 3309, as zlib computes it) over type and data. A few lines of our
    /// own rather than a dependency on ZIPFoundation's zlib module for one function; eight bytes a
    /// step ("slicing by 8"), since every badge image of a workspace is checked whole on each check.
    public static func crc(type: String, data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        crcTables.withUnsafeBufferPointer { tables in
            for byte in type.utf8 { crc = tables[Int((crc ^ UInt32(byte)) & 0xFF)] ^ (crc >> 8) }
            data.withUnsafeBytes { raw in
                var index = 0
                while index + 8 <= raw.count {
                    let low = crc ^ UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt32.self))
                    let high = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index + 4, as: UInt32.self))
                    crc =
                        tables[7 * 256 + Int(low & 0xFF)] ^ tables[6 * 256 + Int((low >> 8) & 0xFF)]
                        ^ tables[5 * 256 + Int((low >> 16) & 0xFF)] ^ tables[4 * 256 + Int(low >> 24)]
                        ^ tables[3 * 256 + Int(high & 0xFF)] ^ tables[2 * 256 + Int((high >> 8) & 0xFF)]
                        ^ tables[256 + Int((high >> 16) & 0xFF)] ^ tables[Int(high >> 24)]
                    index += 8
                }
                while index < raw.count {
                    crc = tables[Int((crc ^ UInt32(raw[index])) & 0xFF)] ^ (crc >> 8)
                    index += 1
                }
            }
        }
        return crc ^ 0xFFFF_FFFF
    }

    /// Table k gives the CRC of a byte followed by k zero bytes; table 0 is the classic byte table.
    private static let crcTables: [UInt32] = {
        var tables = [UInt32](repeating: 0, count: 8 * 256)
        for index in 0..<256 {
            var value = UInt32(index)
            for _ in 0..<8 { value = value & 1 == 1 ? 0xEDB8_8320 ^ (value >> 1) : value >> 1 }
            tables[index] = value
        }
        for table in 1..<8 {
            for index in 0..<256 {
                let previous = tables[(table - 1) * 256 + index]
                tables[table * 256 + index] = tables[Int(previous & 0xFF)] ^ (previous >> 8)
            }
        }
        return tables
    }()
}
