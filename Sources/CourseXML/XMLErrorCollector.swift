import CLibXML2
import Foundation

/// Gathers libxml2's structured errors during one call, in order.
final class XMLErrorCollector {
    /// Errors seen so far.
    private(set) var errors: [XMLParseError] = []

    /// The first error, if any.
    var firstError: XMLParseError? { errors.first }

    /// Runs `body` with libxml2's structured error handler pointed at this collector.
    func collecting<Result>(_ body: () -> Result) -> Result {
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<XMLErrorCollector>.fromOpaque(context).takeUnretainedValue()
            let message = error.pointee.message.map { String(cString: $0) } ?? "XML error"
            collector.errors.append(
                XMLParseError(
                    message: message.trimmingCharacters(in: .whitespacesAndNewlines),
                    line: Int(error.pointee.line), column: Int(error.pointee.int2)))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return withExtendedLifetime(self) { body() }
    }
}
