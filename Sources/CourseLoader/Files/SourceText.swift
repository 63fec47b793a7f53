import CourseModel
import Foundation

/// A text file as the loader sees it: decoded UTF-8 with a byte-order mark and CRLF endings removed.
struct SourceText {
    /// The text, with `\n` line endings.
    let text: String

    /// Decodes `bytes`; records a finding and returns nil when they are not UTF-8.
    init?(bytes: [UInt8], file: String, sink: FindingSink) {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        guard let decoded = String(validating: bytes, as: UTF8.self) else {
            let repaired = String(decoding: bytes, as: UTF8.self)
            let badLine =
                repaired.split(separator: "\n", omittingEmptySubsequences: false)
                .firstIndex { $0.contains("\u{FFFD}") } ?? 0
            let line = badLine + 1
            sink.error(
                LoaderRuleID.textEncoding, "the file is not UTF-8 text", at: SourceLocation(file: file, line: line, column: 1),
                hint: "save the file as UTF-8")
            return nil
        }
        self.text = bytes.contains(0x0D) ? decoded.replacingCRLF() : decoded
        // Control characters (raw, in the body or anywhere) cannot be carried by pages and manifests.
        if Self.mayHoldUncarriable(bytes) {
            var line = 1
            var column = 1
            for scalar in text.unicodeScalars {
                if MappingReader.isUncarriable(scalar) {
                    sink.error(
                        LoaderRuleID.textEncoding,
                        "the file holds the control character U+\(String(format: "%04X", scalar.value)), which pages and SCORM manifests cannot carry",
                        at: SourceLocation(file: file, line: line, column: column),
                        hint: "remove it; your editor can show invisible characters")
                    return nil
                }
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
        }
    }
}

extension SourceText {
    /// Whether the bytes hold a C0 control other than tab and line breaks, or the lead bytes of
    /// U+FFFE/U+FFFF (EF BF BE/BF): every file of a workspace goes through it, so eight bytes are
    /// looked at together, and only a word holding a byte below 0x20 or an 0xEF is looked at closely.
    fileprivate static func mayHoldUncarriable(_ bytes: ArraySlice<UInt8>) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highs: UInt64 = 0x8080_8080_8080_8080
            var index = 0
            if let base = buffer.baseAddress {
                let raw = UnsafeRawPointer(base)
                while index + 8 <= buffer.count {
                    let word = raw.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                    // A byte below 0x20 (with the high bit clear), or a byte equal to 0xEF.
                    let below = (word &- ones &* 0x20) & ~word & highs
                    let xored = word ^ (ones &* 0xEF)
                    let equal = (xored &- ones) & ~xored & highs
                    if below | equal != 0, holdsUncarriable(buffer, from: index, count: 8) { return true }
                    index += 8
                }
            }
            return holdsUncarriable(buffer, from: index, count: buffer.count - index)
        }
    }

    /// The close look: `count` bytes from `start`, one at a time.
    private static func holdsUncarriable(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> Bool {
        var index = start
        while index < start + count {
            let byte = buffer[index]
            if byte < 0x20 {
                if byte != 0x09 && byte != 0x0A && byte != 0x0D { return true }
            } else if byte == 0xEF, index + 2 < buffer.count, buffer[index + 1] == 0xBF, buffer[index + 2] >= 0xBE {
                return true
            }
            index += 1
        }
        return false
    }
}

extension String {
    /// The string with Windows and old Mac line endings turned into `\n`.
    fileprivate func replacingCRLF() -> String {
        var result = ""
        result.reserveCapacity(utf8.count)
        var previousWasCR = false
        for scalar in unicodeScalars {
            if scalar == "\r" {
                result.unicodeScalars.append("\n")
                previousWasCR = true
                continue
            }
            if scalar == "\n", previousWasCR {
                previousWasCR = false
                continue
            }
            previousWasCR = false
            result.unicodeScalars.append(scalar)
        }
        return result
    }
}
