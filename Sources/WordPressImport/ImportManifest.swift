import Crypto

/// What an import wrote, kept beside the course (`.wordpress-import.json`): each file's SHA-256 as
/// written. A later import replaces a file only while it still has those bytes, so an author's
/// edit is never overwritten.
public struct ImportManifest: Sendable, Hashable {
    /// The file's name inside the course folder.
    public static let fileName = ".wordpress-import.json"

    /// SHA-256 (hex) of each file written, by workspace-relative path.
    public var files: [String: String] = [:]

    /// Creates an empty manifest.
    public init() {}

    /// The manifest in `bytes`; an empty one when they are not a manifest.
    public init(bytes: [UInt8]) {
        // One `"path": "digest"` pair per line, as `text` writes them.
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\"")
            guard parts.count >= 4, parts[1] != "files" else { continue }
            let path = String(parts[1])
            let digest = String(parts[3])
            guard digest.count == 64, digest.allSatisfy(\.isHexDigit), !path.contains("\\") else { continue }
            files[path] = digest
        }
    }

    /// The manifest as JSON, sorted, one file per line.
    public var text: String {
        let entries = files.keys.sorted().map { "    \"\($0)\": \"\(files[$0]!)\"" }
        return "{\n  \"files\": {\n" + entries.joined(separator: ",\n") + "\n  }\n}\n"
    }

    /// The SHA-256 of `bytes`, hex.
    public static func digest(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return hex.count == 1 ? "0" + hex : hex
        }.joined()
    }

    /// Whether the file at `path` with `bytes` now may be replaced: it is what the import wrote.
    public func isUnchanged(_ path: String, bytes: [UInt8]) -> Bool {
        files[path] == Self.digest(bytes)
    }
}
