import CoursePackager
import Foundation
import TestSupport
import Testing
import ZIPFoundation

/// The Thing 2 manifests of both SCORM versions and the rendered Thing 2 page, against golden files.
@Suite("Package golden files")
struct PackageGoldenTests {
    static func entry(_ path: String, in zip: URL) throws -> String {
        let archive = try Archive(url: zip, accessMode: .read)
        guard let entry = archive[path] else { throw CocoaError(.fileNoSuchFile) }
        var data = Data()
        _ = try archive.extract(entry) { data.append($0) }
        return String(decoding: data, as: UTF8.self)
    }

    @Test("Thing 2 manifest", arguments: [PackageFormat.scorm12, .scorm2004])
    func manifest(_ format: PackageFormat) throws {
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PackageBuilder().build(try PackagingFixture.request(format, into: folder, thing: 2))
        #expect(result.outputURL.lastPathComponent == "sssc-23-things-leadership-thing-02-\(format.suffix).zip")
        Snapshot.expect(
            try Self.entry("imsmanifest.xml", in: result.outputURL), matches: "thing-02-\(format.suffix).imsmanifest.xml")
    }

    @Test("the rendered Thing 2 page (HTML site)")
    func thingPage() throws {
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PackageBuilder().build(try PackagingFixture.request(.html, into: folder))
        let page = try String(contentsOf: result.outputURL.appendingPathComponent("things/thing-02.html"), encoding: .utf8)
        Snapshot.expect(page, matches: "thing-02.html")
        #expect(result.files.contains("index.html"))
    }
}
