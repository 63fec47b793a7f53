import CourseLoader
import CourseModel
import CoursePackager
import FileAccess
import Foundation
import Testing
import ZIPFoundation

/// Every address in every page of every package leads somewhere: a file of the package, an allowed
/// https site, an anchor or an e-mail address; and every file of a SCORM package is listed in its
/// manifest. Checked on the bundled course and on a fixture course that uses every kind of media.
@Suite("Package links")
struct PackageLinkTests {
    static let workspaces = [
        PackagingFixture.packageRoot.path,
        PackagingFixture.packageRoot.appendingPathComponent("Tests/Fixtures/media-workspace").path,
    ]

    /// The package's files by path.
    static func contents(of result: PackageResult, format: PackageFormat) throws -> [String: Data] {
        var files: [String: Data] = [:]
        if format.isArchive {
            let archive = try Archive(url: result.outputURL, accessMode: .read)
            for entry in archive {
                var data = Data()
                _ = try archive.extract(entry) { data.append($0) }
                files[entry.path] = data
            }
        } else {
            let disk = DiskFileSystem()
            for path in disk.filesBelow(result.output) { files[path] = Data(try disk.readFile(joinPath(result.output, path))) }
        }
        return files
    }

    /// Every `src` and `href` value in an HTML page (entities of the values decoded).
    static func addresses(in page: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(?:src|href)="([^"]*)""#)
        let range = NSRange(page.startIndex..., in: page)
        return pattern.matches(in: page, range: range).map {
            String(page[Range($0.range(at: 1), in: page)!]).replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&quot;", with: "\"")
        }
    }

    /// `address` written in the page at `page`, as a path of the package; nil when it leaves the package.
    static func resolve(_ address: String, from page: String) -> String? {
        let path = String(address.prefix { $0 != "#" && $0 != "?" })
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in (path.removingPercentEncoding ?? path).split(separator: "/", omittingEmptySubsequences: false) {
            switch part {
            case ".", "": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(String(part))
            }
        }
        return parts.joined(separator: "/")
    }

    @Test("every src and href of every page resolves inside the package; every file is in the manifest", arguments: workspaces)
    func everyAddressResolves(_ workspace: String) throws {
        let report = WorkspaceLoader().load(workspaceAt: workspace)
        #expect(report.findings.isEmpty, "\(report.findings)")
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for course in report.workspace.courses {
            for format in PackageFormat.allCases {
                let request = PackageRequest(
                    course: course, badges: report.workspace.badges, workspaceRoot: workspace, format: format,
                    outputFolder: folder.path,
                    schemas: format.isArchive ? try PackagingFixture.schemaFolder.map { try SchemaConformance(folder: $0) } : nil)
                let result = try PackageBuilder().build(request)
                if format.isArchive, PackagingFixture.schemaFolder != nil { #expect(result.schemaValidated) }
                let files = try Self.contents(of: result, format: format)
                var checked = 0
                for (page, data) in files where page.hasSuffix(".html") {
                    for address in Self.addresses(in: String(decoding: data, as: UTF8.self)) {
                        let lowered = address.lowercased()
                        if address.hasPrefix("#") || lowered.hasPrefix("mailto:") { continue }
                        if lowered.hasPrefix("https://") { continue }
                        // The HTML site writes a video's captions into its page (it must work opened from disk).
                        if format == .html, lowered.hasPrefix("data:text/vtt;base64,") { continue }
                        #expect(
                            !lowered.contains(":"), "\(course.id) \(format) \(page): `\(address)` is neither relative nor https")
                        guard let target = Self.resolve(address, from: page) else {
                            Issue.record("\(course.id) \(format) \(page): `\(address)` leaves the package")
                            continue
                        }
                        #expect(
                            files[target] != nil, "\(course.id) \(format) \(page): `\(address)` → \(target) is not in the package"
                        )
                        checked += 1
                    }
                }
                #expect(checked > 0)
                if format.isSCORM || format == .commonCartridge {
                    let manifest = String(decoding: try #require(files["imsmanifest.xml"]), as: UTF8.self)
                    let listed = Set(Self.addresses(in: manifest))
                    for path in files.keys where path != "imsmanifest.xml" && !path.hasSuffix(".xsd") && !path.hasSuffix(".dtd") {
                        #expect(listed.contains(path), "\(course.id) \(format): \(path) is not listed in the manifest")
                    }
                }
            }
        }
    }

    @Test("the media course carries each file once, under a readable name, with the page's markup for it")
    func mediaMarkup() throws {
        let workspace = Self.workspaces[1]
        let report = WorkspaceLoader().load(workspaceAt: workspace)
        let course = try #require(report.workspace.courses.first)
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try PackageBuilder().build(
            PackageRequest(
                course: course, badges: report.workspace.badges, workspaceRoot: workspace, format: .scorm2004,
                outputFolder: folder.path))
        let media = result.files.filter { $0.hasPrefix("media/") }
        #expect(
            media == [
                "media/chart.png", "media/clip.vtt", "media/clip.webm", "media/diagram.svg", "media/handout.pdf",
                "media/narration.ogg", "media/narration.txt", "media/photo.jpg", "media/talk-transcript.md",
                "media/worksheet.docx",
            ], "chart.png and sub/chart-copy.png are the same file: one copy")
        let files = try Self.contents(of: result, format: .scorm2004)
        let page = String(decoding: try #require(files["things/thing-01.html"]), as: UTF8.self)
        #expect(
            page.contains(
                #"<img src="../media/chart.png" alt="A bar chart of three bars" width="160" height="100" loading="lazy">"#))
        #expect(
            page.contains(
                #"<img src="../media/photo.jpg" alt="A colourful test pattern" width="200" height="120" loading="lazy">"#))
        #expect(page.contains(#"<video controls preload="metadata" src="../media/clip.webm""#))
        #expect(page.contains(#"<track kind="captions" src="../media/clip.vtt" srclang="en-GB" label="Captions" default>"#))
        #expect(page.contains(#"<iframe src="https://www.youtube-nocookie.com/embed/abcdefghijk""#))
        #expect(
            page.contains(#"<a href="../media/handout.pdf" download>the handout</a> <span class="file-note">(PDF, 3 KB)</span>"#))
        #expect(
            page.contains(
                #"<a href="../media/worksheet.docx" download>worksheet</a> <span class="file-note">(Word document, 1 KB)</span>"#)
        )
        #expect(!page.contains("<p><figure"))
        let manifest = String(decoding: try #require(files["imsmanifest.xml"]), as: UTF8.self)
        // Thing 2 uses the chart, the handout and its cover only: its resource lists exactly those.
        let thing2 = try #require(manifest.range(of: #"<resource identifier="resource-thing-02""#))
        let end = try #require(manifest.range(of: "</resource>", range: thing2.upperBound..<manifest.endIndex))
        #expect(
            Self.addresses(in: String(manifest[thing2.lowerBound..<end.lowerBound])).sorted() == [
                "media/chart.png", "media/diagram.svg", "media/handout.pdf", "things/thing-02.html", "things/thing-02.html",
            ])
    }
}
