import CourseModel
import CoursePackager
import Foundation
import Hummingbird
import NIOCore
import ServiceLifecycle

/// A request's context: Hummingbird's, and the connection it came on (a refused event stream closes it).
struct PreviewRequestContext: RequestContext {
    /// Hummingbird's part.
    var coreContext: CoreRequestContextStorage
    /// The connection.
    let channel: any Channel

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
    }
}

/// Answers the preview's requests: the snapshot's files (HTML pages with the preview's script added),
/// the build status, the event stream, and the preview's own scripts. Only GET and HEAD, only
/// 127.0.0.1 and localhost as the host (a page on another site cannot reach the preview through DNS
/// tricks), only files of the snapshot: no directory listing, nothing from disk.
struct PreviewResponder: Sendable {
    let site: PreviewSite
    let format: PackageFormat

    /// The preview's own files, read once from the module's resources.
    static let clientFiles: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        guard let folder = Bundle.module.url(forResource: "Client", withExtension: nil) else { return files }
        for name in ["client.js", "inspector.html", "inspector.js", "strict-lms.js"] {
            if let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path) {
                files[name] = Array(data)
            }
        }
        return files
    }()

    /// The line added to every served page, before `</head>`.
    static let clientTag = "<script src=\"/\(PreviewPaths.reserved)/client.js\" defer></script>"

    func respond(to request: Request, context: PreviewRequestContext) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Self.text(.methodNotAllowed, "only GET and HEAD\n")
        }
        if let host = request.head.authority, !Self.isLoopbackHost(host) {
            return Self.text(.forbidden, "the preview answers 127.0.0.1 and localhost only\n")
        }
        let target = request.uri.path
        let prefix = "/\(PreviewPaths.reserved)/"
        if target.hasPrefix(prefix) {
            return preview(String(target.dropFirst(prefix.count)), request: request, channel: context.channel)
        }
        let snapshot = site.snapshot
        if target == "/", format.isSCORM {
            let first = Self.thingPages(of: snapshot).first ?? ""
            var headers = HTTPFields()
            headers[.location] =
                "\(prefix)inspector.html?version=\(format == .scorm12 ? "1.2" : "2004")&sco=/\(first)"
            return Response(status: .found, headers: headers)
        }
        guard let path = PreviewPaths.packagePath(target, index: PackageLayout.standard.indexPage),
            let bytes = snapshot.files[path]
        else {
            return Self.text(.notFound, "not found\n")
        }
        var body = bytes
        if path.hasSuffix(".html") { body = Self.withClient(bytes) }
        return Self.bytes(.ok, body, type: PreviewPaths.contentType(of: path), head: request.method == .head)
    }

    private func preview(_ name: String, request: Request, channel: any Channel) -> Response {
        switch name {
        case "status":
            return Self.bytes(.ok, Self.status(site.snapshot, format: format), type: "application/json")
        case "events":
            return events(channel: channel)
        default:
            guard let bytes = Self.clientFiles[name] else { return Self.text(.notFound, "not found\n") }
            return Self.bytes(.ok, bytes, type: PreviewPaths.contentType(of: name), head: request.method == .head)
        }
    }

    /// The build status as JSON: generation, course, run-time, milliseconds, errors.
    static func status(_ snapshot: PreviewSnapshot, format: PackageFormat) -> [UInt8] {
        struct Status: Encodable {
            let generation: Int
            let course: String?
            let runtime: String
            let suspendDataLimit: Int?
            let buildMilliseconds: Int
            let things: [String]
            let problems: [PreviewProblem]
        }
        let status = Status(
            generation: snapshot.generation, course: snapshot.courseID, runtime: format.rawValue,
            suspendDataLimit: format.suspendDataLimit, buildMilliseconds: Int(snapshot.buildSeconds * 1000),
            things: thingPages(of: snapshot),
            problems: snapshot.problems)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array((try? encoder.encode(status)) ?? Data("{}".utf8))
    }

    /// Server-Sent Events: `build` with the generation after every rebuild, until the server stops.
    private func events(channel: any Channel) -> Response {
        guard let stream = site.listen() else {
            // The connection goes with the refusal, so that refused streams do not hold the connection limit.
            let text = "\(PreviewSite.maximumListeners) preview pages are open already; close some and reload this one\n"
            var headers = HTTPFields()
            headers[.contentType] = "text/plain; charset=utf-8"
            headers[.retryAfter] = "5"
            headers[.connection] = "close"
            headers[.contentLength] = String(text.utf8.count)
            return Response(
                status: .serviceUnavailable, headers: headers,
                body: ResponseBody { writer in
                    try await writer.write(ByteBuffer(string: text))
                    try await writer.finish(nil)
                    channel.close(promise: nil)
                })
        }
        let generation = site.snapshot.generation
        let site = site
        var headers = HTTPFields()
        headers[.contentType] = "text/event-stream"
        headers[.cacheControl] = "no-store"
        return Response(
            status: .ok, headers: headers,
            body: ResponseBody { writer in
                try await writer.write(ByteBuffer(string: "retry: 1000\nevent: hello\ndata: \(generation)\n\n"))
                // The stream ends when the server stops, so a page left open never holds the shutdown up.
                try await withGracefulShutdownHandler {
                    for await generation in stream {
                        try await writer.write(ByteBuffer(string: "event: build\ndata: \(generation)\n\n"))
                    }
                } onGracefulShutdown: {
                    site.closeAll()
                }
                try await writer.finish(nil)
            })
    }

    /// The Thing pages of the snapshot, sorted.
    static func thingPages(of snapshot: PreviewSnapshot) -> [String] {
        let layout = PackageLayout.standard
        return snapshot.files.keys.filter { $0.hasPrefix(layout.thingsFolder + "/") && $0.hasSuffix(layout.pageExtension) }
            .sorted()
    }

    static func withClient(_ page: [UInt8]) -> [UInt8] {
        let text = String(decoding: page, as: UTF8.self)
        guard let head = text.range(of: "</head>") else { return page }
        return Array(text.replacingCharacters(in: head, with: clientTag + "\n</head>").utf8)
    }

    static func isLoopbackHost(_ host: String) -> Bool {
        var name = host.lowercased()
        if name.hasPrefix("[") {
            name = String(name.prefix { $0 != "]" }.dropFirst())
            return name == "::1"
        }
        if let colon = name.lastIndex(of: ":") { name = String(name[..<colon]) }
        return name == "127.0.0.1" || name == "localhost"
    }

    static func bytes(_ status: HTTPResponse.Status, _ bytes: [UInt8], type: String, head: Bool = false) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        headers[.cacheControl] = "no-store"
        headers[.init("X-Content-Type-Options")!] = "nosniff"
        headers[.contentLength] = String(bytes.count)
        return Response(
            status: status, headers: headers, body: head ? ResponseBody() : ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    static func text(_ status: HTTPResponse.Status, _ text: String) -> Response {
        bytes(status, Array(text.utf8), type: "text/plain; charset=utf-8")
    }
}
