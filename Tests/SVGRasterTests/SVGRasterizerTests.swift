import CRSVG
import Foundation
import Testing

@testable import SVGRaster

@Suite("SVG to PNG")
struct SVGRasterizerTests {
    /// A 2:1 SVG: left half red, right half blue.
    let halves = Array(
        """
        <svg xmlns="http://www.w3.org/2000/svg" width="100" height="50" viewBox="0 0 100 50">
        <rect x="0" y="0" width="50" height="50" fill="#ff0000"/><rect x="50" y="0" width="50" height="50" fill="#0000ff"/>
        </svg>
        """.utf8)

    @Test("the PNG has the asked width, the SVG's aspect ratio and its colours where they were drawn")
    func drawsTheArt() throws {
        let png = try SVGRasterizer.png(fromSVG: halves, width: 200)
        #expect(Array(png.prefix(8)) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        let image = try DecodedPNG(png)
        #expect(image.width == 200)
        #expect(image.height == 100)
        #expect(image.pixel(x: 20, y: 50) == (red: 255, green: 0, blue: 0, alpha: 255))
        #expect(image.pixel(x: 180, y: 50) == (red: 0, green: 0, blue: 255, alpha: 255))
    }

    @Test("the same SVG gives the same bytes every time")
    func deterministic() throws {
        #expect(try SVGRasterizer.png(fromSVG: halves) == SVGRasterizer.png(fromSVG: halves))
    }

    @Test("an SVG without a size is drawn square")
    func squareWithoutSize() throws {
        let svg = Array(#"<svg xmlns="http://www.w3.org/2000/svg"><circle cx="5" cy="5" r="4"/></svg>"#.utf8)
        let image = try DecodedPNG(SVGRasterizer.png(fromSVG: svg, width: 64))
        #expect(image.width == 64)
        #expect(image.height == 64)
    }

    @Test("broken SVG, empty input and absurd sizes are errors, not crashes")
    func refusals() {
        #expect(throws: SVGRasterError.self) { try SVGRasterizer.png(fromSVG: Array("<svg><g>".utf8)) }
        #expect(throws: SVGRasterError.self) { try SVGRasterizer.png(fromSVG: Array("not svg at all".utf8)) }
        #expect(throws: SVGRasterError.self) { try SVGRasterizer.png(fromSVG: []) }
        #expect(throws: SVGRasterError.self) { try SVGRasterizer.png(fromSVG: halves, width: 0) }
        #expect(throws: SVGRasterError.self) { try SVGRasterizer.png(fromSVG: halves, width: 100_000) }
        let tall = Array(#"<svg xmlns="http://www.w3.org/2000/svg" width="1" height="100"/>"#.utf8)
        #expect(throws: SVGRasterError.self) { try SVGRasterizer.png(fromSVG: tall, width: 512) }
    }

    @Test("an image linked from the SVG is not loaded: there is no base location to load it from")
    func noExternalLoads() throws {
        // A red PNG on disk, which an SVG with a base location would show.
        let red = Array(
            #"<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="red"/></svg>"#
                .utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("svg-raster-\(UUID().uuidString).png").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(try SVGRasterizer.png(fromSVG: red, width: 10))))
        defer { try? FileManager.default.removeItem(atPath: path) }
        for reference in ["file://" + path, path] {
            let svg = Array(
                """
                <svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="10" height="10">
                <image width="10" height="10" xlink:href="\(reference)"/></svg>
                """.utf8)
            let image = try DecodedPNG(SVGRasterizer.png(fromSVG: svg, width: 10))
            #expect(image.pixel(x: 5, y: 5).alpha == 0, "\(reference) was loaded")
        }
    }
}

/// A PNG read back through cairo, so the tests look at pixels rather than bytes.
struct DecodedPNG {
    let width: Int
    let height: Int
    private let pixels: [UInt32]

    init(_ png: [UInt8]) throws {
        final class Source {
            var bytes: [UInt8]
            var offset = 0
            init(_ bytes: [UInt8]) { self.bytes = bytes }
        }
        let source = Source(png)
        let surface = cairo_image_surface_create_from_png_stream(
            { closure, data, length in
                let source = Unmanaged<Source>.fromOpaque(closure!).takeUnretainedValue()
                let count = Int(length)
                guard source.offset + count <= source.bytes.count, let data else { return CAIRO_STATUS_READ_ERROR }
                for index in 0..<count { data[index] = source.bytes[source.offset + index] }
                source.offset += count
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(source).toOpaque())
        defer { cairo_surface_destroy(surface) }
        withExtendedLifetime(source) {}
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS else { throw SVGRasterError("not a PNG") }
        width = Int(cairo_image_surface_get_width(surface))
        height = Int(cairo_image_surface_get_height(surface))
        let stride = Int(cairo_image_surface_get_stride(surface)) / 4
        let data = cairo_image_surface_get_data(surface)!.withMemoryRebound(to: UInt32.self, capacity: stride * height) {
            $0
        }
        var pixels: [UInt32] = []
        for y in 0..<height {
            for x in 0..<width { pixels.append(data[y * stride + x]) }
        }
        self.pixels = pixels
    }

    /// The pixel at (`x`, `y`), in cairo's premultiplied ARGB.
    func pixel(x: Int, y: Int) -> (red: Int, green: Int, blue: Int, alpha: Int) {
        let value = pixels[y * width + x]
        return (Int(value >> 16 & 0xFF), Int(value >> 8 & 0xFF), Int(value & 0xFF), Int(value >> 24))
    }
}
