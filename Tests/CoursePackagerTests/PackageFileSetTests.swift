import Foundation
import Testing
@testable import CoursePackager

/// Deferred files (the pages) are made while the package is written, a bounded batch at a time.
@Suite("Package file set")
struct PackageFileSetTests {
    /// Counts files made but not yet written, from several threads.
    final class InFlight: @unchecked Sendable {
        private let lock = NSLock()
        private(set) var current = 0
        private(set) var most = 0
        func made() { lock.lock(); current += 1; most = max(most, current); lock.unlock() }
        func written() { lock.lock(); current -= 1; lock.unlock() }
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
        try files.forEachInOrder { path, bytes in
            written.append(path)
            if path.hasPrefix("things/") {
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
}
