import Foundation
import Testing
import ToolkitSupport

@testable import CoursePackager

/// Deferred files (the pages) are made while the package is written, a bounded batch at a time.
@Suite("Package file set")
struct PackageFileSetTests {
    /// Counts files made but not yet written, from several threads.
    struct InFlight: Sendable {
        private let counts = LockedValue((current: 0, most: 0))
        var most: Int { counts.current.most }
        func made() {
            counts.withLock {
                $0.current += 1
                $0.most = max($0.most, $0.current)
            }
        }
        func written() { counts.withLock { $0.current -= 1 } }
    }

    @Test("files come in sorted order; at most one batch of pages is held at a time")
    func streaming() throws {
        let inFlight = InFlight()
        var files = PackageFileSet()
        files.add("assets/course.css", text: "css")
        files.add("imsmanifest.xml", text: "<manifest/>")
        let pages = (1...200).map { String(format: "things/thing-%03d.html", $0) }
        files.addDeferred(pages) { index in
            inFlight.made()
            return Array("page \(index + 1)".utf8)
        }
        var written: [String] = []
        try files.forEachInOrder { path, file in
            written.append(path)
            if path.hasPrefix("things/") {
                let bytes = try file.wholeBytes()
                #expect(String(decoding: bytes, as: UTF8.self) == "page \(Int(path.dropFirst(13).prefix(3))!)")
                inFlight.written()
            }
        }
        #expect(written == ["assets/course.css", "imsmanifest.xml"] + pages)
        #expect(inFlight.most <= PackageFileSet.batchSize)
        #expect(inFlight.most > 1)
    }

    @Test("a page that cannot be made stops the writing with its error")
    func failure() {
        struct Broken: Error {}
        var files = PackageFileSet()
        files.addDeferred(["things/a.html", "things/b.html"]) { index in
            if index == 1 { throw Broken() }
            return []
        }
        #expect(throws: Broken.self) { try files.forEachInOrder { _, _ in } }
    }

    @Test("two groups of deferred files each keep their own producer")
    func twoGroups() throws {
        var files = PackageFileSet()
        files.addDeferred(["a/1.html", "a/2.html"]) { index in Array("a\(index)".utf8) }
        files.addDeferred(["b/1.html"]) { index in Array("b\(index)".utf8) }
        var written: [String: String] = [:]
        try files.forEachInOrder { path, file in written[path] = String(decoding: try file.wholeBytes(), as: UTF8.self) }
        #expect(written == ["a/1.html": "a0", "a/2.html": "a1", "b/1.html": "b0"])
    }
}
