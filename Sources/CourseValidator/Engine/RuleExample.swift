import CourseModel

/// A workspace for a rule's example: the small valid fixture workspace with a few edits.
/// In edited text, `↓` marks the exact place a finding is expected; it is removed before loading.
public struct RuleExample: Sendable, CustomStringConvertible {
    /// One change to the fixture.
    public enum Edit: Sendable {
        /// Replace the first occurrence of `old` in the file with `new`.
        case replace(file: String, old: String, new: String)
        /// Write the whole file.
        case write(file: String, text: String)
        /// Write the file's bytes, for content that is not text.
        case writeBytes(file: String, bytes: [UInt8])
        /// Write `prefix` and then `filler` `count` times: large files, built only when the example is applied.
        case writeRepeating(file: String, prefix: String, filler: Character, count: Int)
        /// Delete the file.
        case remove(file: String)
    }

    /// The marker that stands where a finding is expected.
    public static let marker: Character = "↓"

    /// The edits, applied in order.
    public var edits: [Edit]
    /// Expected positions that no marker can show (in a file that is not text, or not there).
    public var expectedLocations: [SourceLocation] = []

    /// The fixture as it is.
    public static let unchanged = RuleExample(edits: [])

    /// The fixture with `old` replaced by `new` in `file` (the first Thing by default).
    public static func replacing(_ old: String, with new: String, in file: String = RuleFixture.firstThing) -> RuleExample {
        RuleExample(edits: [.replace(file: file, old: old, new: new)])
    }

    /// The fixture with `file` written as `text`.
    public static func writing(_ text: String, to file: String) -> RuleExample {
        RuleExample(edits: [.write(file: file, text: text)])
    }

    /// The fixture with `file` written as `prefix` followed by `count` copies of `filler`; the text is
    /// only built when the example is applied, so describing the rule stays cheap.
    public static func writing(_ prefix: String, repeating filler: Character, count: Int, to file: String) -> RuleExample {
        RuleExample(edits: [.writeRepeating(file: file, prefix: prefix, filler: filler, count: count)])
    }

    /// The fixture without `file`.
    public static func removing(_ file: String) -> RuleExample {
        RuleExample(edits: [.remove(file: file)])
    }

    /// This example with one more replacement.
    public func replacing(_ old: String, with new: String, in file: String = RuleFixture.firstThing) -> RuleExample {
        RuleExample(edits: edits + [.replace(file: file, old: old, new: new)])
    }

    /// The fixture with `bytes` written to `file`.
    public static func writing(bytes: [UInt8], to file: String) -> RuleExample {
        RuleExample(edits: [.writeBytes(file: file, bytes: bytes)])
    }

    /// This example, also expecting a finding at `file:line:column`.
    public func expecting(_ file: String, line: Int = 1, column: Int = 1) -> RuleExample {
        var copy = self
        copy.expectedLocations.append(SourceLocation(file: file, line: line, column: column))
        return copy
    }

    /// This example with one more file written.
    public func writing(_ text: String, to file: String) -> RuleExample {
        RuleExample(edits: edits + [.write(file: file, text: text)])
    }

    /// This example with one more file written as `prefix` and `count` copies of `filler`, built only when applied.
    public func writing(_ prefix: String, repeating filler: Character, count: Int, to file: String) -> RuleExample {
        RuleExample(
            edits: edits + [.writeRepeating(file: file, prefix: prefix, filler: filler, count: count)],
            expectedLocations: expectedLocations)
    }

    /// This example without one more file.
    public func removingAlso(_ file: String) -> RuleExample {
        RuleExample(edits: edits + [.remove(file: file)], expectedLocations: expectedLocations)
    }

    /// This example with one more file written as bytes.
    public func writing(bytes: [UInt8], to file: String) -> RuleExample {
        RuleExample(edits: edits + [.writeBytes(file: file, bytes: bytes)], expectedLocations: expectedLocations)
    }

    /// A short description for test names.
    public var description: String {
        edits.map { edit in
            switch edit {
            case .replace(let file, let old, let new): "\(file): \(old.prefix(30)) → \(new.prefix(40))"
            case .write(let file, _), .writeBytes(let file, _), .writeRepeating(let file, _, _, _): "write \(file)"
            case .remove(let file): "remove \(file)"
            }
        }.joined(separator: "; ")
    }
}
