import CourseMedia
import Foundation
import Testing

@Suite("Image inspector")
struct ImageInspectorTests {
    static let badgeImages = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Badges/images")

    @Test("reads the size of the bundled PNG and SVG badge art")
    func bundledArt() throws {
        let png = try ImageInspector.inspect(Array(Data(contentsOf: Self.badgeImages.appendingPathComponent("thing-02.png"))))
        #expect(png == ImageInfo(format: .png, width: 512, height: 512))
        let svg = try ImageInspector.inspect(Array(Data(contentsOf: Self.badgeImages.appendingPathComponent("thing-02.svg"))))
        #expect(svg == ImageInfo(format: .svg, width: 512, height: 512))
    }

    @Test("refuses truncated PNGs, SVGs with entities and other files")
    func refusals() {
        #expect(throws: ImageInspector.Problem.self) {
            try ImageInspector.inspect([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])
        }
        let laughs = """
            <?xml version="1.0"?>
            <!DOCTYPE svg [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>
            <svg xmlns="http://www.w3.org/2000/svg" width="256" height="256"><text>&b;</text></svg>
            """
        #expect(throws: ImageInspector.Problem.self) { try ImageInspector.inspect(Array(laughs.utf8)) }
        #expect(throws: ImageInspector.Problem.self) { try ImageInspector.inspect(Array("GIF89a".utf8)) }
    }
}
