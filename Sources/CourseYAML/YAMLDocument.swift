// The only code touching libyaml (as Yams builds and links it): the loader reads its events directly, because composing Yams'
// Node tree (a class per tag, an enum per node) cost four times the parse itself. Yams stays the
// package dependency that brings libyaml in; its Swift layer is not used.
internal import CYaml

/// One YAML document read from libyaml's events into a compact tree: every node an entry of one
/// array, with its kind, position and (for a scalar) its text; aliases point at their anchor's node.
public final class YAMLDocument: Sendable {
    /// How deep lists and mappings may nest: far beyond any course file, shallow enough that a
    /// hostile file cannot exhaust the stack of anything that walks the tree.
    public static let maximumDepth = 100

    /// How many values a document may hold once its aliases are expanded: at least this many, or
    /// `aliasExpansionFactor` times the values written, whichever is larger (as libyaml-based tools and
    /// Go's yaml.v3 bound "billion laughs" documents).
    public static let aliasExpansionFloor = 20_000
    /// See `aliasExpansionFloor`.
    public static let aliasExpansionFactor = 20
    /// How many bytes of text a document may hold once its aliases are expanded: at least this many,
    /// or `aliasExpansionFactor` times the file's size. Counting values alone let one long scalar,
    /// aliased a few thousand times, expand to a gigabyte.
    public static let aliasExpansionByteFloor = 1024 * 1024

    /// libyaml's own limit (a process-wide setting) is set to ours once, before the first parse.
    private static let libyamlDepthLimit: Void = yaml_set_max_nest_level(Int32(maximumDepth))
    /// What both limits report.
    fileprivate static let depthProblem = "lists and mappings nest more than \(maximumDepth) levels deep"

    fileprivate struct Record {
        var kind: YAMLNode.Kind
        /// Written without quotes or an explicit tag, so its type comes from its text.
        var isPlain: Bool
        var line: Int32
        var column: Int32
        var firstChild: Int32 = 0
        var childCount: Int32 = 0
        var value: String = ""
    }

    fileprivate let records: [Record]
    /// The children of lists (items) and mappings (key, value, key, value, …), each a record index.
    fileprivate let children: [Int32]

    /// The document's root, or nil for a stream with no document (an empty or comment-only file).
    public var root: YAMLNode? { records.isEmpty ? nil : YAMLNode(document: self, index: 0) }

    private init(records: [Record], children: [Int32]) {
        self.records = records
        self.children = children
    }

    /// Parses `text`, which must hold at most one document.
    public static func parse(_ text: String) throws(YAMLReadError) -> YAMLDocument {
        _ = libyamlDepthLimit
        var text = text
        let result = text.withUTF8 { bytes in
            var builder = Builder(bytes: bytes)
            return Result { () throws(YAMLReadError) in try builder.build() }
        }
        return try result.get()
    }

    /// Turns the event stream into records; a stack of open lists and mappings replaces recursion.
    private struct Builder {
        private struct OpenNode {
            let record: Int
            let isMapping: Bool
            /// Where this node's children begin in `pendingChildren`.
            let firstPending: Int
            /// Where this mapping's keys begin in `pendingKeys`.
            let firstKey: Int
            /// Positions of keys by text, built once a mapping has more keys than a scan suits.
            var keyIndex: [String: Int]?
        }

        let bytes: UnsafeBufferPointer<UInt8>
        private var records: [Record] = []
        /// The number of values each record stands for once aliases are expanded (saturating).
        private var expandedSizes: [Int] = []
        /// Values written plus the values aliases add when expanded, so far.
        private var expandedTotal = 0
        /// The bytes of text each record stands for once aliases are expanded (saturating).
        private var expandedByteSizes: [Int] = []
        /// Bytes of text written plus the bytes aliases add when expanded, so far.
        private var expandedBytes = 0
        private var children: [Int32] = []
        private var open: [OpenNode] = []
        /// Children of the open nodes, innermost last: one shared stack instead of an array per node.
        private var pendingChildren: [Int32] = []
        /// Keys of the open mappings with their positions, innermost last, to find repeats.
        private var pendingKeys: [(key: String, line: Int32, column: Int32)] = []
        private var anchors: [String: Int32] = [:]
        private var documents = 0

        init(bytes: UnsafeBufferPointer<UInt8>) {
            self.bytes = bytes
            records.reserveCapacity(bytes.count / 16)
        }

        mutating func build() throws(YAMLReadError) -> YAMLDocument {
            var parser = yaml_parser_t()
            guard yaml_parser_initialize(&parser) == 1 else { throw .memory }
            defer { yaml_parser_delete(&parser) }
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            yaml_parser_set_input_string(&parser, bytes.baseAddress, bytes.count)
            var event = yaml_event_t()
            while true {
                guard yaml_parser_parse(&parser, &event) == 1 else { throw YAMLReadError(parser: parser) }
                defer { yaml_event_delete(&event) }
                let line = Int32(clamping: event.start_mark.line + 1)
                let column = Int32(clamping: event.start_mark.column + 1)
                switch event.type {
                case YAML_STREAM_END_EVENT:
                    return YAMLDocument(records: records, children: children)
                case YAML_DOCUMENT_START_EVENT:
                    documents += 1
                    if documents > 1 {
                        throw .syntax(
                            problem: "but found another document", line: Int(line), column: Int(column),
                            context: .init(text: "expected a single document in the stream", line: 1, column: 1))
                    }
                case YAML_SCALAR_EVENT:
                    let scalar = event.data.scalar
                    let value = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
                    let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.plain_implicit == 1
                    let index = add(
                        Record(kind: .scalar, isPlain: isPlain, line: line, column: column, value: value), bytes: scalar.length)
                    remember(anchor: scalar.anchor, as: index)
                    try attach(index, line: line, column: column)
                case YAML_ALIAS_EVENT:
                    guard let name = Self.text(event.data.alias.anchor), let target = anchors[name] else {
                        throw .syntax(problem: "found undefined alias", line: Int(line), column: Int(column), context: nil)
                    }
                    expandedTotal = Self.adding(expandedTotal, expandedSizes[Int(target)])
                    expandedBytes = Self.adding(expandedBytes, expandedByteSizes[Int(target)])
                    let budget = max(YAMLDocument.aliasExpansionFloor, YAMLDocument.aliasExpansionFactor * records.count)
                    guard expandedTotal <= budget else {
                        throw .syntax(
                            problem:
                                "aliases expand the document to more than \(budget) values (\(records.count) written); a course file never needs that many",
                            line: Int(line), column: Int(column), context: nil)
                    }
                    let byteBudget = max(
                        YAMLDocument.aliasExpansionByteFloor, YAMLDocument.aliasExpansionFactor * bytes.count)
                    guard expandedBytes <= byteBudget else {
                        throw .syntax(
                            problem:
                                "aliases expand the document to more than \(byteBudget / 1024) KB of text (the file is \(bytes.count / 1024) KB); a course file never needs that much",
                            line: Int(line), column: Int(column), context: nil)
                    }
                    try attach(target, line: line, column: column)
                case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
                    let isMapping = event.type == YAML_MAPPING_START_EVENT
                    guard open.count < YAMLDocument.maximumDepth else {
                        throw .syntax(problem: YAMLDocument.depthProblem, line: Int(line), column: Int(column), context: nil)
                    }
                    let index = add(Record(kind: isMapping ? .mapping : .sequence, isPlain: false, line: line, column: column))
                    remember(anchor: isMapping ? event.data.mapping_start.anchor : event.data.sequence_start.anchor, as: index)
                    try attach(index, line: line, column: column)
                    open.append(
                        OpenNode(
                            record: Int(index), isMapping: isMapping, firstPending: pendingChildren.count,
                            firstKey: pendingKeys.count))
                case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
                    let closed = open.removeLast()
                    expandedSizes[closed.record] = pendingChildren[closed.firstPending...].reduce(1) {
                        Self.adding($0, expandedSizes[Int($1)])
                    }
                    expandedByteSizes[closed.record] = pendingChildren[closed.firstPending...].reduce(1) {
                        Self.adding($0, expandedByteSizes[Int($1)])
                    }
                    records[closed.record].firstChild = Int32(children.count)
                    records[closed.record].childCount = Int32(pendingChildren.count - closed.firstPending)
                    children += pendingChildren[closed.firstPending...]
                    pendingChildren.removeSubrange(closed.firstPending...)
                    pendingKeys.removeSubrange(closed.firstKey...)
                default:
                    break
                }
            }
        }

        private mutating func add(_ record: Record, bytes: Int = 1) -> Int32 {
            records.append(record)
            expandedSizes.append(1)
            expandedTotal = Self.adding(expandedTotal, 1)
            expandedByteSizes.append(max(bytes, 1))
            expandedBytes = Self.adding(expandedBytes, max(bytes, 1))
            return Int32(records.count - 1)
        }

        /// `a + b`, stopping at a bound far past any budget instead of overflowing.
        private static func adding(_ a: Int, _ b: Int) -> Int { min(a, Int.max / 4) + min(b, Int.max / 4) }

        private mutating func remember(anchor: UnsafeMutablePointer<yaml_char_t>?, as index: Int32) {
            if let name = Self.text(anchor) { anchors[name] = index }
        }

        /// Adds a finished or opened node to the innermost open list or mapping, checking mapping keys for repeats.
        private mutating func attach(_ index: Int32, line: Int32, column: Int32) throws(YAMLReadError) {
            guard let top = open.last else { return }
            let isKey = top.isMapping && (pendingChildren.count - top.firstPending) % 2 == 0
            if isKey, records[Int(index)].kind == .scalar {
                let key = records[Int(index)].value
                if let first = firstOccurrence(of: key) {
                    throw .duplicateKey(
                        key, first: (Int(first.line), Int(first.column)), repeated: (Int(line), Int(column)))
                }
                pendingKeys.append((key, line, column))
                if open[open.count - 1].keyIndex != nil { open[open.count - 1].keyIndex?[key] = pendingKeys.count - 1 }
            }
            pendingChildren.append(index)
        }

        /// Where the innermost mapping already has `key`. Mappings in course files have a handful of keys,
        /// so a scan beats hashing; past 32 keys (only a hostile file has those) an index takes over.
        private mutating func firstOccurrence(of key: String) -> (key: String, line: Int32, column: Int32)? {
            let top = open.count - 1
            let keys = pendingKeys[open[top].firstKey...]
            if open[top].keyIndex == nil, keys.count > 32 {
                var keyIndex: [String: Int] = [:]
                for position in keys.indices { keyIndex[keys[position].key] = position }
                open[top].keyIndex = keyIndex
            }
            if let keyIndex = open[top].keyIndex { return keyIndex[key].map { pendingKeys[$0] } }
            return keys.first { $0.key == key }
        }

        private static func text(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
            pointer.map { String(cString: $0) }
        }
    }

    fileprivate func record(_ index: Int32) -> Record { records[Int(index)] }
    fileprivate func child(_ index: Int32, _ offset: Int32) -> Int32 { children[Int(records[Int(index)].firstChild + offset)] }
}

/// A node of a `YAMLDocument`: a scalar, a list or a mapping, with the position it was written at.
public struct YAMLNode: Sendable {
    /// The three kinds of YAML node.
    public enum Kind: Sendable {
        case scalar, sequence, mapping
    }

    fileprivate let document: YAMLDocument
    fileprivate let index: Int32

    /// What the node is.
    public var kind: Kind { document.record(index).kind }
    /// 1-based line in the YAML text.
    public var line: Int { Int(document.record(index).line) }
    /// 1-based column in the YAML text, counted in characters as libyaml counts them.
    public var column: Int { Int(document.record(index).column) }

    /// The text of a scalar; nil for a list or mapping.
    public var scalar: String? {
        let record = document.record(index)
        return record.kind == .scalar ? record.value : nil
    }

    /// The text of a scalar written without quotes or tag (whose type its text decides); nil otherwise.
    public var plainScalar: String? {
        let record = document.record(index)
        return record.kind == .scalar && record.isPlain ? record.value : nil
    }

    /// The items of a list; empty for anything else.
    public var items: [YAMLNode] {
        let record = document.record(index)
        guard record.kind == .sequence else { return [] }
        return (0..<record.childCount).map { YAMLNode(document: document, index: document.child(index, $0)) }
    }

    /// The entries of a mapping in written order; empty for anything else.
    public var pairs: [(key: YAMLNode, value: YAMLNode)] {
        let record = document.record(index)
        guard record.kind == .mapping else { return [] }
        return stride(from: Int32(0), to: record.childCount, by: 2).map {
            (
                YAMLNode(document: document, index: document.child(index, $0)),
                YAMLNode(document: document, index: document.child(index, $0 + 1))
            )
        }
    }

    /// The value of the mapping entry whose key is `key`.
    public func value(forKey key: String) -> YAMLNode? {
        pairs.first { $0.key.scalar == key }?.value
    }
}

/// Why a YAML text could not be read, with libyaml's positions (1-based, within the YAML text).
public enum YAMLReadError: Error {
    /// Where libyaml was when it began the construct it could not finish.
    public struct Context: Sendable {
        /// What libyaml was reading.
        public let text: String
        /// 1-based line.
        public let line: Int
        /// 1-based column.
        public let column: Int
    }

    /// A scanner, parser or composer error: what went wrong, where libyaml noticed, and the open construct.
    case syntax(problem: String, line: Int, column: Int, context: Context?)
    /// The bytes themselves cannot be read (control characters, broken encoding).
    case reader(problem: String)
    /// A key written twice in one mapping.
    case duplicateKey(String, first: (line: Int, column: Int), repeated: (line: Int, column: Int))
    /// libyaml could not allocate memory.
    case memory

    fileprivate init(parser: yaml_parser_t) {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        switch parser.error {
        case YAML_MEMORY_ERROR:
            self = .memory
        case YAML_READER_ERROR:
            self = .reader(problem: problem)
        default:
            if problem.hasPrefix("Maximum nesting level") {
                self = .syntax(
                    problem: YAMLDocument.depthProblem, line: parser.problem_mark.line + 1,
                    column: parser.problem_mark.column + 1, context: nil)
                return
            }
            let context = parser.context.map {
                Context(
                    text: String(cString: $0), line: parser.context_mark.line + 1, column: parser.context_mark.column + 1)
            }
            self = .syntax(
                problem: problem, line: parser.problem_mark.line + 1, column: parser.problem_mark.column + 1, context: context)
        }
    }
}
