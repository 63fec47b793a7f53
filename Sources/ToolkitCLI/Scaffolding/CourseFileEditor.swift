/// Adds ids to the lists of a `course.yaml` as an author would, line by line, so comments and
/// layout stay as they were: the course's `things:` list and a collection's `things:` list, written
/// either as a block (`- thing-01` lines) or on one line (`[thing-01, thing-02]`).
struct CourseFileEditor {
    /// The file's lines.
    private(set) var lines: [String]

    /// Edits `text`.
    init(_ text: String) {
        lines = text.components(separatedBy: "\n")
    }

    /// The edited text.
    var text: String { lines.joined(separator: "\n") }

    /// Adds `id` to the top-level `things:` list; false when there is none.
    mutating func appendThing(_ id: String) -> Bool {
        guard let index = lines.firstIndex(where: { $0.hasPrefix("things:") }) else { return false }
        return append(id, toListAt: index)
    }

    /// Adds `id` to the `things:` list of the collection `collection`; false when it is not found.
    mutating func appendThing(_ id: String, toCollection collection: String) -> Bool {
        guard let start = lines.firstIndex(where: { $0.trimmingLeadingSpaces == "- id: \(collection)" }) else { return false }
        let indent = lines[start].prefix { $0 == " " }.count + 2
        var index = start + 1
        while index < lines.count {
            let line = lines[index]
            let lineIndent = line.prefix { $0 == " " }.count
            if !line.trimmingLeadingSpaces.isEmpty, lineIndent < indent { return false }
            if lineIndent == indent, line.trimmingLeadingSpaces.hasPrefix("things:") { return append(id, toListAt: index) }
            index += 1
        }
        return false
    }

    /// Adds a collection entry at the end of the top-level `collections:` list (which is created at the
    /// end of the file when there is none).
    mutating func appendCollection(id: String, title: String, badge: String, things: [String]) {
        let quotedTitle = ThingTemplate.quoted(title)
        guard let start = lines.firstIndex(where: { $0.hasPrefix("collections:") }) else {
            while lines.last?.isEmpty == true { lines.removeLast() }
            lines += ["", "collections:"] + Self.collectionLines(id, quotedTitle, badge, things, indent: "  ") + [""]
            return
        }
        // The block ends at the next top-level key; the entry goes after its last non-blank line.
        var last = start
        var itemIndent: Substring = "  "
        var cursor = start + 1
        while cursor < lines.count {
            let line = lines[cursor]
            let trimmed = line.trimmingLeadingSpaces
            if !trimmed.isEmpty, !line.hasPrefix(" "), !trimmed.hasPrefix("#") { break }
            if trimmed.hasPrefix("- ") { itemIndent = line.prefix { $0 == " " } }
            if !trimmed.isEmpty { last = cursor }
            cursor += 1
        }
        lines.insert(contentsOf: Self.collectionLines(id, quotedTitle, badge, things, indent: itemIndent), at: last + 1)
    }

    private static func collectionLines(
        _ id: String, _ quotedTitle: String, _ badge: String, _ things: [String], indent: Substring
    ) -> [String] {
        [
            "\(indent)- id: \(id)", "\(indent)  title: \(quotedTitle)", "\(indent)  badge: \(badge)",
            "\(indent)  things: [\(things.joined(separator: ", "))]",
        ]
    }

    /// Adds `id` to a top-level list `key:` of a Thing's front matter (between the first two `---`
    /// lines); when the key is missing, `key: [id]` is added after `after:` (or at the end of the front matter).
    mutating func appendToFrontMatterList(_ key: String, _ id: String, after: String) -> Bool {
        guard lines.first == "---", let end = lines.dropFirst().firstIndex(of: "---") else { return false }
        if let index = lines[1..<end].firstIndex(where: { $0.hasPrefix(key + ":") }) {
            return append(id, toListAt: index)
        }
        let anchor = lines[1..<end].firstIndex { $0.hasPrefix(after + ":") }.map { $0 + 1 } ?? end
        lines.insert("\(key): [\(id)]", at: anchor)
        return true
    }

    private mutating func append(_ id: String, toListAt index: Int) -> Bool {
        let line = lines[index]
        if let close = line.lastIndex(of: "]"), let open = line.firstIndex(of: "[") {
            let inside = line[line.index(after: open)..<close].trimmingLeadingSpaces
            lines[index] = String(line[..<close]) + (inside.isEmpty ? id : ", " + id) + String(line[close...])
            return true
        }
        // A block list: the new item goes after the last `- ` line that follows.
        var last = index
        var itemIndent: Substring?
        var cursor = index + 1
        while cursor < lines.count {
            let trimmed = lines[cursor].trimmingLeadingSpaces
            if trimmed.hasPrefix("- ") {
                itemIndent = lines[cursor].prefix { $0 == " " }
                last = cursor
            } else if !trimmed.isEmpty, !trimmed.hasPrefix("#") {
                break
            }
            cursor += 1
        }
        let indent = itemIndent ?? Substring(String(repeating: " ", count: line.prefix { $0 == " " }.count + 2))
        lines.insert(indent + "- " + id, at: last + 1)
        return true
    }
}

extension StringProtocol {
    fileprivate var trimmingLeadingSpaces: String { String(drop { $0 == " " }) }
}
