import CoursePackager
import Foundation
import Testing
import ZIPFoundation

/// The worst-case suspend data of every Thing of the bundled course fits SCORM 1.2's 4096
/// characters, computed by the page script's own codec under node.
@Suite("Suspend data")
struct SuspendDataTests {
    struct Result: Decodable {
        let thing: String
        let worstLength: Int?
        let worstDecodes: Bool
        let worstTruncated: [Int]?
        let reflections: [Int]
        let fixedLength: Int?
        let typicalTruncated: Bool?
    }

    static func node() -> String? {
        for candidate in ["/usr/bin/node", "/usr/local/bin/node", "/usr/bin/nodejs"]
        where FileManager.default.isExecutableFile(atPath: candidate) {
            return candidate
        }
        return nil
    }

    @Test(
        "worst case fits 4096 characters; a 400-word statement is never shortened",
        .enabled(if: Self.node() != nil, "node is not installed (Scripts/test installs nodejs)"),
        arguments: [PackageFormat.scorm12, .scorm2004])
    func worstCase(_ format: PackageFormat) throws {
        let node = try #require(Self.node())
        let folder = try PackagingFixture.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var request = try PackagingFixture.request(format, into: folder)
        request.includeDrafts = true
        let result = try PackageBuilder().build(request)
        let archive = try Archive(url: result.outputURL, accessMode: .read)
        func extract(_ path: String) throws -> Data {
            var data = Data()
            _ = try archive.extract(try #require(archive[path])) { data.append($0) }
            return data
        }
        let codec = folder.appendingPathComponent("scorm-runtime.js")
        try extract("assets/scorm-runtime.js").write(to: codec)
        var configs: [String] = []
        for thing in result.thingIDs {
            let page = String(decoding: try extract("things/\(thing).html"), as: UTF8.self)
            let start = try #require(page.range(of: "<script id=\"course-toolkit-config\" type=\"application/json\">"))
            let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
            let path = folder.appendingPathComponent("\(thing).json")
            try String(page[start.upperBound..<end.lowerBound]).write(to: path, atomically: true, encoding: .utf8)
            configs.append(path.path)
        }
        let limit = format.suspendDataLimit!
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node)
        process.arguments =
            [
                URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
                    "Scripts/suspend-worst-case.js"
                ).path,
                codec.path, String(limit),
            ] + configs
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        let results = try JSONDecoder().decode([Result].self, from: output)
        #expect(results.count == 23)
        for result in results {
            let worst = try #require(result.worstLength, "\(result.thing): even the empty state does not fit")
            #expect(worst <= limit, "\(result.thing): \(worst) > \(limit)")
            #expect(result.worstDecodes, "\(result.thing)")
            #expect(try #require(result.fixedLength) <= limit / 4, "\(result.thing): the fixed part leaves too little room")
            #expect(result.typicalTruncated == false, "\(result.thing): a 400-word statement was shortened")
            if format == .scorm12 {
                // 4000 words cannot fit 4096 characters: the codec says so, and the page tells the learner.
                #expect(result.worstTruncated == result.reflections, "\(result.thing)")
            } else {
                #expect(result.worstTruncated == [], "\(result.thing): 4000 words should fit SCORM 2004's 64000")
            }
        }
    }
}
