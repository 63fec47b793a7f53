import CourseModel

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
