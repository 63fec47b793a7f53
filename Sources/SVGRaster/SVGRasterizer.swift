import CRSVG

/// Why an SVG could not be drawn as a PNG.
public struct SVGRasterError: Error, Equatable, Sendable, CustomStringConvertible {
    /// What went wrong, in librsvg's or cairo's words.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}

/// SVG drawn as PNG by librsvg (the GNOME SVG renderer) through cairo: badge art written as SVG still
/// yields the PNG that baking and PNG-only badge platforms need. The only Swift code that touches
/// librsvg.
///
/// The SVG is read from memory with no base location, so librsvg loads nothing beside it (no linked
/// images, no external stylesheets) and keeps its XML parser's safety limits on. The toolkit checks
/// badge art for active content before it gets here; this is the second wall, not the first.
public enum SVGRasterizer {
    /// The widest PNG drawn: larger requests are refused rather than allocated.
    public static let maximumWidth = 4096

    /// A PNG `width` pixels wide of the SVG `svg`, its height following the SVG's own aspect ratio
    /// (square when the SVG gives no size), on a transparent background.
    public static func png(fromSVG svg: [UInt8], width: Int = 512) throws(SVGRasterError) -> [UInt8] {
        guard width > 0, width <= maximumWidth else {
            throw SVGRasterError("a PNG \(width) pixels wide was asked for; the width must be 1…\(maximumWidth)")
        }
        guard !svg.isEmpty else { throw SVGRasterError("the SVG is empty") }
        var error: UnsafeMutablePointer<GError>?
        let handle = svg.withUnsafeBufferPointer { buffer in
            rsvg_handle_new_from_data(buffer.baseAddress, gsize(buffer.count), &error)
        }
        guard let handle else { throw SVGRasterError(consume(error, or: "librsvg could not read the SVG")) }
        defer { g_object_unref(UnsafeMutableRawPointer(handle)) }

        var intrinsicWidth = 0.0
        var intrinsicHeight = 0.0
        var height = width
        if rsvg_handle_get_intrinsic_size_in_pixels(handle, &intrinsicWidth, &intrinsicHeight) != 0,
            intrinsicWidth > 0, intrinsicHeight > 0
        {
            height = max(1, Int((Double(width) * intrinsicHeight / intrinsicWidth).rounded()))
        }
        guard height <= maximumWidth else {
            throw SVGRasterError("the SVG is \(height / width) times taller than wide; a PNG that tall is refused")
        }

        guard let surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(width), Int32(height)) else {
            throw SVGRasterError("cairo could not create a \(width)×\(height) image")
        }
        defer { cairo_surface_destroy(surface) }
        guard cairo_surface_status(surface) == CAIRO_STATUS_SUCCESS, let context = cairo_create(surface) else {
            throw SVGRasterError("cairo could not create a \(width)×\(height) image")
        }
        defer { cairo_destroy(context) }

        var viewport = RsvgRectangle(x: 0, y: 0, width: Double(width), height: Double(height))
        guard rsvg_handle_render_document(handle, context, &viewport, &error) != 0 else {
            throw SVGRasterError(consume(error, or: "librsvg could not draw the SVG"))
        }
        cairo_surface_flush(surface)

        let sink = PNGSink()
        let status = cairo_surface_write_to_png_stream(
            surface,
            { closure, data, length in
                guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
                let sink = Unmanaged<PNGSink>.fromOpaque(closure).takeUnretainedValue()
                sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
                return CAIRO_STATUS_SUCCESS
            }, Unmanaged.passUnretained(sink).toOpaque())
        withExtendedLifetime(sink) {}
        guard status == CAIRO_STATUS_SUCCESS else {
            throw SVGRasterError("cairo could not write the PNG: \(String(cString: cairo_status_to_string(status)))")
        }
        return sink.bytes
    }

    /// The message of a GError, which is freed; `fallback` when there is none.
    private static func consume(_ error: UnsafeMutablePointer<GError>?, or fallback: String) -> String {
        guard let error else { return fallback }
        defer { g_error_free(error) }
        guard let message = error.pointee.message else { return fallback }
        return String(cString: message)
    }
}

/// The PNG's bytes as cairo writes them, collected during one synchronous call.
private final class PNGSink {
    var bytes: [UInt8] = []
}
