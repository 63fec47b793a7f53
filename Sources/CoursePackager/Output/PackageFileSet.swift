import CourseModel
import FileAccess
import ToolkitSupport

/// The files of a package by path (forward slashes, relative to the package root). Most are bytes
/// held in memory; pages are made only when the package is written, a batch at a time across the
/// cores, so a course of thousands of Things never holds all its pages at once.
public struct PackageFileSet: Sendable {
    /// Makes the bytes of the deferred file with this index.
    typealias Producer = @Sendable (Int) throws -> [UInt8]

    /// What a path holds.
    private enum Content: Sendable {
        case bytes([UInt8])
        /// Made by `producers[producer]` from this index when written.
        case deferred(producer: Int, index: Int)
        /// Read from this file when written (media: a course's videos are not held in memory).
        case copy(of: String, in: any FileSystem, size: Int)
    }

    /// A file as it is handed to a writer: bytes in memory, or a file to stream from.
    enum Written {
        /// The file's bytes.
        case bytes([UInt8])
        /// A file of `size` bytes to read a piece at a time from `source` in `fileSystem`.
        case stream(source: String, fileSystem: any FileSystem, size: Int)

        /// The whole bytes (a stream is read whole: for writers that need them at once).
        func wholeBytes() throws -> [UInt8] {
            switch self {
            case .bytes(let bytes): return bytes
            case .stream(let source, let fileSystem, _): return try fileSystem.readFile(source)
            }
        }
    }

    private var contents: [String: Content] = [:]
    /// Every group of deferred files keeps its own producer.
    private var producers: [Producer] = []

    /// How many deferred files are made at once.
    static let batchSize = 32

    /// Creates an empty set.
    public init() {}

    /// Adds or replaces a file.
    public mutating func add(_ path: String, _ bytes: [UInt8]) {
        contents[path] = .bytes(bytes)
    }

    /// Adds or replaces a text file (UTF-8).
    public mutating func add(_ path: String, text: String) {
        contents[path] = .bytes(Array(text.utf8))
    }

    /// Adds a file of `size` bytes read from `source` (absolute, in `fileSystem`) only when the set is
    /// written, a piece at a time into a zip.
    mutating func addCopy(_ path: String, of source: String, in fileSystem: any FileSystem, size: Int) {
        contents[path] = .copy(of: source, in: fileSystem, size: size)
    }

    /// Adds files made only when the set is written: `produce(index)` gives the bytes of `paths[index]`.
    /// It runs on several threads at once and may throw to stop the writing.
    mutating func addDeferred(_ paths: [String], produce: @escaping Producer) {
        producers.append(produce)
        for (index, path) in paths.enumerated() { contents[path] = .deferred(producer: producers.count - 1, index: index) }
    }

    /// Paths in sorted order (the order zips are written in).
    public var sortedPaths: [String] { contents.keys.sorted() }

    /// Hands every file to `body` in sorted order, making deferred files in parallel batches.
    func forEachInOrder(_ body: (_ path: String, _ file: Written) throws -> Void) throws {
        let paths = sortedPaths
        var position = 0
        while position < paths.count {
            switch contents[paths[position]]! {
            case .bytes(let bytes):
                try body(paths[position], .bytes(bytes))
                position += 1
            case .copy(let source, let fileSystem, let size):
                try body(paths[position], .stream(source: source, fileSystem: fileSystem, size: size))
                position += 1
            case .deferred:
                // This file and the deferred ones right after it, up to a batch, made at once.
                var batch: [(path: String, producer: Int, index: Int)] = []
                while position < paths.count, batch.count < Self.batchSize,
                    case .deferred(let producer, let index)? = contents[paths[position]]
                {
                    batch.append((paths[position], producer, index))
                    position += 1
                }
                let producers = producers
                let made = ParallelMap.map(batch.map { ($0.producer, $0.index) }) { entry in
                    Result { try producers[entry.0](entry.1) }
                }
                for (entry, result) in zip(batch, made) { try body(entry.path, .bytes(try result.get())) }
            }
        }
    }

    /// Writes the files as a folder tree at `folder` (a temporary path; the caller moves it into place).
    func writeFolder(to folder: String, in fileSystem: any FileSystem) throws {
        var created = Set<String>()
        try forEachInOrder { path, file in
            let target = joinPath(folder, path)
            let parent = String(target[..<target.lastIndex(of: "/")!])
            if created.insert(parent).inserted { try fileSystem.createDirectory(parent) }
            try fileSystem.writeNewFile(try file.wholeBytes(), at: target)
        }
    }

    /// The files by path, in memory.
    func inMemory() throws -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        try forEachInOrder { path, file in files[path] = try file.wholeBytes() }
        return files
    }
}
