import CoursePackager
import Foundation
import Testing
import ZIPFoundation

/// Packages of the bundled course against the official XSDs (libxml2 in-process and xmllint),
/// our structural checks, and byte-for-byte determinism.
@Suite("SCORM conformance")
struct ConformanceTests {
    static func unzip(_ zip: URL) throws -> [String: Data] {
        let archive = try Archive(url: zip, accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return files
    }

    @Test(
        "course packages validate against the XSDs and pass the structural checks",
        .enabled(if: PackagingFixture.schemaFolder != nil, "../shared/schemas is absent"),
        arguments: [PackageFormat.scorm12, .scorm2004])
    func validates(_ format: PackageFormat) throws {
        let schemas = try #require(PackagingFixture.schemaFolder)
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PackageBuilder().build(try PackagingFixture.request(format, into: folder, schemas: true))
        #expect(result.schemaValidated)
        let files = try Self.unzip(result.outputURL)
        let manifest = try #require(files["imsmanifest.xml"])
        #expect(ManifestChecker.check(manifest: Array(manifest), format: format, packageFiles: Set(files.keys)).isEmpty)
        // The XSDs travel at the zip root, as conformant packages carry them.
        #expect(files[format == .scorm12 ? "imscp_rootv1p1p2.xsd" : "imscp_v1p1.xsd"] != nil)
        #expect(result.thingIDs == ["thing-02"])

        // The same verdict from xmllint, the tool LMS administrators use (BUILD-NOTES recipe).
        let xmllint = URL(fileURLWithPath: "/usr/bin/xmllint")
        try #require(
            FileManager.default.isExecutableFile(atPath: xmllint.path),
            "xmllint is not installed (Scripts/test installs libxml2-utils)")
        let manifestURL = folder.appendingPathComponent("imsmanifest.xml")
        try manifest.write(to: manifestURL)
        let process = Process()
        process.executableURL = xmllint
        let schema = format == .scorm12 ? "validate-scorm12.xsd" : "validate-scorm2004-4th.xsd"
        process.arguments = ["--nonet", "--noout", "--schema", "\(schemas)/\(schema)", manifestURL.path]
        process.environment = ["XML_CATALOG_FILES": "\(schemas)/catalog.xml"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }

    @Test("two builds of the same input are byte-identical", arguments: [PackageFormat.scorm12, .scorm2004])
    func deterministic(_ format: PackageFormat) throws {
        let first = try PackagingFixture.temporaryFolder()
        let second = try PackagingFixture.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: first)
            try? FileManager.default.removeItem(at: second)
        }
        let a = try PackageBuilder().build(try PackagingFixture.request(format, into: first))
        let b = try PackageBuilder().build(try PackagingFixture.request(format, into: second))
        #expect(try Data(contentsOf: a.outputURL) == Data(contentsOf: b.outputURL))
        #expect(try Self.unzip(a.outputURL).keys.contains("imsmanifest.xml"))
    }

    @Test("rebuilding replaces the package and leaves no temporary files behind")
    func atomicReplace() throws {
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for format in [PackageFormat.scorm12, .html, .scorm12, .html] {
            _ = try PackageBuilder().build(try PackagingFixture.request(format, into: folder))
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["sssc-23-things-leadership-html", "sssc-23-things-leadership-scorm12.zip"])
    }

    @Test(
        "the structural checks catch what the XSDs let through",
        .enabled(if: PackagingFixture.schemaFolder != nil, "../shared/schemas is absent"))
    func structuralChecks() throws {
        let schemas = try #require(PackagingFixture.schemaFolder)
        func check(_ name: String, _ format: PackageFormat) throws -> [String] {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: "\(schemas)/samples/invalid/\(name)")))
            return ManifestChecker.check(manifest: bytes, format: format, packageFiles: ["index.html"])
        }
        #expect(
            try check("xsd-passes-but-wrong.s12-dangling-identifierref.xml", .scorm12).contains { $0.contains("does not exist") })
        #expect(
            try check("xsd-passes-but-wrong.s2004-dangling-identifierref.xml", .scorm2004).contains {
                $0.contains("does not exist")
            })
        #expect(
            try check("xsd-passes-but-wrong.s2004-12-element-in-2004.xml", .scorm2004).contains {
                $0.contains("other SCORM version")
            })
        #expect(
            try check("xsd-passes-but-wrong.s2004-lowercase-scormtype-attr.xml", .scorm2004).contains { $0.contains("scormtype") }
        )
        #expect(try check("s12-duplicate-identifier.xml", .scorm12).contains { $0.contains("also used") })
        let listedButMissing = ManifestChecker.check(
            manifest: Array(try Data(contentsOf: URL(fileURLWithPath: "\(schemas)/samples/scorm12/imsmanifest.minimal.xml"))),
            format: .scorm12, packageFiles: ["extra.html"])
        #expect(listedButMissing.contains { $0.contains("listed but not in the package") })
        #expect(listedButMissing.contains { $0.contains("`extra.html` is in the package but not listed") })
    }

    @Test("a draft Thing is refused without --include-drafts, and a missing number is reported")
    func selection() throws {
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect(throws: PackageError.self) {
            try PackageBuilder().build(try PackagingFixture.request(.scorm12, into: folder, thing: 3))
        }
        #expect(throws: PackageError.self) {
            try PackageBuilder().build(try PackagingFixture.request(.scorm12, into: folder, thing: 99))
        }
    }
}
