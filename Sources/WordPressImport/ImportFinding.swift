import Foundation
import ToolkitSupport

/// Something the import reports about an item: a place that needs an author's eye, or something
/// left out. Where it is (a file and line of what was written) is filled in once the file is assembled.
public struct ImportFinding: Hashable, Sendable {
    /// What kind of finding.
    public enum Kind: String, Hashable, Sendable {
        /// Needs an author's eye: a note in the body, a missing file, a guessed value.
        case attention
        /// Left out on purpose (a script, a `javascript:` link); said so the author knows.
        case removed
    }

    /// The kind.
    public var kind: Kind
    /// What happened and what to do.
    public var message: String
    /// The workspace-relative file it concerns.
    public var file: String?
    /// The 1-based line in that file.
    public var line: Int?
    /// The start of the front-matter line it concerns (`aim:`), until its line is known.
    var anchor: String?

    /// A place that needs an author's eye.
    static func attention(_ message: String, at anchor: String? = nil) -> ImportFinding {
        ImportFinding(kind: .attention, message: message, anchor: anchor)
    }
    /// Something left out on purpose.
    static func removed(_ message: String) -> ImportFinding { ImportFinding(kind: .removed, message: message) }

    /// `file:line: message` (or the message alone).
    public var located: String {
        guard let file else { return message }
        return line.map { "\(file):\($0): \(message)" } ?? "\(file): \(message)"
    }
}

/// `text` as a double-quoted YAML scalar on one line, escaped so it reads back exactly.
func yamlQuoted(_ text: String) -> String { YAMLQuoting.doubleQuoted(text) }

/// A lowercase id made of `text`'s letters and digits, words joined by single hyphens (at most
/// `limit` characters, cut at a word), or `fallback` when nothing is left.
func slug(_ text: String, limit: Int = 48, fallback: String = "item") -> String {
    var words: [String] = []
    var current = ""
    for character in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
        if ("a"..."z").contains(character) || ("0"..."9").contains(character) {
            current.unicodeScalars.append(character)
        } else if character.properties.generalCategory == .nonspacingMark || character == "'" || character == "’" {
            continue
        } else if !current.isEmpty {
            words.append(current)
            current = ""
        }
    }
    if !current.isEmpty { words.append(current) }
    var result = ""
    for word in words {
        let next = result.isEmpty ? word : result + "-" + word
        if next.count > limit { break }
        result = next
    }
    if result.isEmpty, let first = words.first { result = String(first.prefix(limit)) }
    return result.isEmpty ? fallback : result
}
