import CourseLoader
import CourseModel
import CoursePackager
import CourseXML
import FileAccess
import Foundation
import TestSupport
import Testing
import ZIPFoundation

/// The cmi5 and Common Cartridge 1.1 packages: golden files, the official XSDs, determinism, and what
/// an importing LMS needs (cartridge pages that stand alone and list every file they use; AUs with the
/// same pass rules as SCORM).
@Suite("cmi5 and Common Cartridge packages")
struct CMI5AndCartridgeTests {
    static let root = "/memory/workspace"

    /// The bundled workspace in memory, with `edit` applied to Thing 2's file.
    static func workspace(editingThing2 edit: (String) -> String = { $0 }) throws -> InMemoryFileSystem {
        let memory = InMemoryFileSystem()
        let disk = DiskFileSystem()
        for folder in ["Courses", "Badges"] {
            let source = PackagingFixture.packageRoot.appendingPathComponent(folder).path
            for file in disk.filesBelow(source) {
                memory.write(bytes: try disk.readFile(joinPath(source, file)), to: joinPath(root, folder, file))
            }
        }
        let thing2 = joinPath(root, "Courses/sssc-23-things-leadership/things/thing-02.md")
        memory.write(edit(String(decoding: try memory.readFile(thing2), as: UTF8.self)), to: thing2)
        return memory
    }

    /// Builds `format` of the workspace in `memory`; returns the package's files by path.
    static func build(
        _ format: PackageFormat, in memory: InMemoryFileSystem, siteURL: String? = nil, publisherIRI: String? = nil
    ) throws -> (result: PackageResult, files: [String: Data]) {
        let report = WorkspaceLoader(fileSystem: memory).load(workspaceAt: root)
        #expect(report.findings.filter { $0.severity == .error }.isEmpty, "\(report.findings)")
        let course = try #require(report.workspace.courses.first)
        let request = PackageRequest(
            course: course, badges: report.workspace.badges, workspaceRoot: root, format: format, outputFolder: root + "/build",
            schemas: try PackagingFixture.schemaFolder.map { try SchemaConformance(folder: $0) }, fileSystem: memory,
            publisherIRI: publisherIRI, siteURL: siteURL)
        let result = try PackageBuilder().build(request)
        let archive = try Archive(data: Data(try memory.readFile(result.output)), accessMode: .read)
        var files: [String: Data] = [:]
        for entry in archive {
            var data = Data()
            _ = try archive.extract(entry) { data.append($0) }
            files[entry.path] = data
        }
        return (result, files)
    }

    static func text(_ data: Data?) -> String { String(decoding: data ?? Data(), as: UTF8.self) }

    @Test("cmi5.xml, the cartridge manifest and the cartridge's Thing 2 page match their golden files")
    func goldenFiles() throws {
        let memory = try Self.workspace()
        let cmi5 = try Self.build(.cmi5, in: memory)
        Snapshot.expect(Self.text(cmi5.files["cmi5.xml"]), matches: "course-cmi5.xml")
        let cartridge = try Self.build(.commonCartridge, in: memory)
        Snapshot.expect(Self.text(cartridge.files["imsmanifest.xml"]), matches: "course-cc11.imsmanifest.xml")
        Snapshot.expect(Self.text(cartridge.files["things/thing-02.html"]), matches: "thing-02-cc11.html")
    }

    @Test(
        "both pass their official XSDs in-process and under xmllint, and build byte for byte the same twice",
        .enabled(if: PackagingFixture.schemaFolder != nil, "../shared/schemas is absent"))
    func officialSchemas() throws {
        let schemas = try #require(PackagingFixture.schemaFolder)
        let memory = try Self.workspace()
        for (format, manifest, schema) in [
            (PackageFormat.cmi5, "cmi5.xml", "cmi5/CourseStructure.xsd"),
            (.commonCartridge, "imsmanifest.xml", "cc11/cc11libxml2validator.xsd"),
        ] {
            let first = try Self.build(format, in: memory)
            #expect(first.result.schemaValidated)
            let again = try Self.build(format, in: memory.copy())
            #expect(first.files == again.files, "\(format): two builds differ")
            #expect(try memory.readFile(first.result.output) == memory.copy().readFile(first.result.output))

            let xmllint = "/usr/bin/xmllint"
            try #require(
                FileManager.default.isExecutableFile(atPath: xmllint),
                "xmllint is not installed (Scripts/test installs libxml2-utils)")
            let folder = try PackagingFixture.temporaryFolder()
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = folder.appendingPathComponent(manifest)
            try #require(first.files[manifest]).write(to: file)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: xmllint)
            process.arguments = ["--nonet", "--noout", "--schema", "\(schemas)/\(schema)", file.path]
            process.standardError = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(manifest) fails \(schema) under xmllint")
        }
    }

    @Test("cartridge pages stand alone: no script, no stylesheet, no page-to-page link; every file they use is listed")
    func cartridgePagesStandAlone() throws {
        // Thing 2 linking to Thing 4, and a reading with a web address (which becomes a web link).
        let memory = try Self.workspace { text in
            text.replacingOccurrences(
                of: "    kind: article\n    author: vince\n",
                with: "    kind: article\n    author: vince\n    url: https://example.org/vince-2019\n")
                + "\nSee also [Thing 4](thing-04.md).\n"
        }
        let (_, files) = try Self.build(.commonCartridge, in: memory)
        let manifestBytes = try #require(files["imsmanifest.xml"])
        let manifest = Self.text(manifestBytes)
        #expect(Self.text(manifestBytes.prefix(1024)).contains(#"xmlns="http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1""#))
        let root = try UntrustedXMLParser.parse(Array(manifestBytes))
        var listed: [String: Set<String>] = [:]  // page → files of its resource
        var pending = [root]
        while let element = pending.popLast() {
            pending.append(contentsOf: element.children)
            guard element.name == "resource", element.attributes["type"] == "webcontent", let page = element.attributes["href"]
            else { continue }
            listed[page] = Set(element.children.filter { $0.name == "file" }.compactMap { $0.attributes["href"] })
        }
        let pages = files.keys.filter { $0.hasSuffix(".html") }.sorted()
        #expect(pages == ["things/thing-02.html"])
        for page in pages {
            let html = Self.text(files[page])
            #expect(!html.lowercased().contains("<script"), "\(page) carries a script")
            #expect(!html.lowercased().contains("stylesheet"), "\(page) links a stylesheet")
            #expect(!html.contains("assets/"), "\(page) uses a theme file")
            #expect(!html.contains("To pass"), "\(page) speaks of passing, which a static page cannot score")
            let own = try #require(listed[page], "\(page) is no web content resource")
            for address in PackageLinkTests.addresses(in: html) where !address.hasPrefix("#") && !address.contains(":") {
                let target = try #require(PackageLinkTests.resolve(address, from: page))
                #expect(!target.hasSuffix(".html"), "\(page) links to another page, \(target)")
                #expect(own.contains(target), "\(page) uses \(target), which its resource does not list")
                #expect(files[target] != nil)
            }
            #expect(
                html.contains(
                    #"See also Thing 4 <span class="thing-ref-note">(Thing 4: What do others say about my leadership?, coming soon)</span>."#
                ), "the link to Thing 4 becomes its text and says where Thing 4 is")
            #expect(!html.contains("online"), "without --site-url there is no online link")
        }
        // The reading with a web address is a web link of its own, valid against the web link XSD.
        let link = try #require(files["weblinks/thing-02-vince-2019.xml"])
        #expect(Self.text(link).contains(#"<url href="https://example.org/vince-2019" target="_blank"/>"#))
        #expect(manifest.contains(#"<resource identifier="weblink-thing-02-vince-2019" type="imswl_xmlv1p1">"#))
        #expect(manifest.contains(#"identifierref="weblink-thing-02-vince-2019""#))
        if let schemas = PackagingFixture.schemaFolder {
            let validator = try XMLSchemaValidator(schemaPath: "\(schemas)/cc11/ccv1p1_imswl_v1p1.xsd")
            #expect(validator.validate(Array(link)).isEmpty)
        }
    }

    @Test("with --site-url each cartridge page links to its interactive version, per activity too")
    func siteURL() throws {
        let (_, files) = try Self.build(
            .commonCartridge, in: try Self.workspace(), siteURL: "https://learning.example.org/leadership/")
        let html = Self.text(files["things/thing-02.html"])
        #expect(html.contains(#"<a href="https://learning.example.org/leadership/things/thing-02.html">open Thing 2 online</a>"#))
        #expect(html.contains(#"<a href="https://learning.example.org/leadership/things/thing-02.html#activity-reflect">"#))
    }

    @Test("cmi5 AUs: one per Thing, relative URLs, moveOn and masteryScore by the SCORM rule")
    func assignableUnits() throws {
        let optional = Self.text(try Self.build(.cmi5, in: try Self.workspace()).files["cmi5.xml"])
        #expect(optional.contains(#"moveOn="Completed" masteryScore="0.75""#), "an optional quiz: completion alone")
        #expect(optional.contains("<url>things/thing-02.html</url>"))
        let required = try Self.workspace { text in
            text.replacingOccurrences(
                of: "    # Thing does not wait for it.\n    required: false\n",
                with: "    # Thing does not wait for it.\n    required: true\n")
        }
        let (result, files) = try Self.build(.cmi5, in: required, publisherIRI: "https://learning.example.org/leadership")
        let structure = Self.text(files["cmi5.xml"])
        #expect(structure.contains(#"<course id="https://learning.example.org/leadership">"#))
        #expect(
            structure.contains(
                #"<au id="https://learning.example.org/leadership/thing-02" moveOn="CompletedAndPassed" masteryScore="0.75" launchMethod="AnyWindow">"#
            ))
        #expect(result.files.contains("assets/scorm-runtime.js"))
        let page = Self.text(files["things/thing-02.html"])
        #expect(page.contains(#""runtime":"cmi5""#))
    }

    @Test("a link to another Thing: a link in the HTML site, and in an LMS package its text saying where the Thing is")
    func linksBetweenThings() throws {
        let memory = try Self.workspace { $0 + "\nSee also [Thing 4](thing-04.md).\n" }
        let report = WorkspaceLoader(fileSystem: memory).load(workspaceAt: Self.root)
        let course = try #require(report.workspace.courses.first)
        func page(_ format: PackageFormat, drafts: Bool) throws -> String {
            let request = PackageRequest(
                course: course, badges: report.workspace.badges, workspaceRoot: Self.root, format: format,
                includeDrafts: drafts, outputFolder: Self.root + "/build-links", fileSystem: memory)
            let result = try PackageBuilder().build(request)
            if !format.isArchive {
                return Self.text(Data(try memory.readFile(joinPath(result.output, "things/thing-02.html"))))
            }
            let archive = try Archive(data: Data(try memory.readFile(result.output)), accessMode: .read)
            var data = Data()
            _ = try archive.extract(try #require(archive["things/thing-02.html"])) { data.append($0) }
            return Self.text(data)
        }
        #expect(try page(.html, drafts: true).contains(#"See also <a href="thing-04.html">Thing 4</a>."#))
        #expect(
            try page(.scorm12, drafts: true).contains(
                "(Thing 4: What do others say about my leadership?: open it from this course&#39;s contents)"
                    .replacingOccurrences(of: "&#39;", with: "'")))
        #expect(try page(.cmi5, drafts: false).contains(", coming soon)"))
        #expect(try !page(.cmi5, drafts: false).contains("not in this package"))
        // SCORM 2004 keeps the link and tells the page script which organisation item to ask the LMS for.
        let scorm2004 = try page(.scorm2004, drafts: true)
        #expect(scorm2004.contains(#"See also <a href="thing-04.html">Thing 4</a>."#))
        #expect(scorm2004.contains(#""navigableThings":{"#) && scorm2004.contains(#""thing-04.html":"item-thing-04""#))
    }
}
