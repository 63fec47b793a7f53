import CoursePackager
import FileWatch
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import ToolkitSupport

/// `toolkit preview`'s server: the course, built in memory, served on 127.0.0.1 only. It rebuilds
/// when a watched folder changes (a burst of saves is one rebuild), tells open pages over Server-Sent
/// Events, and the page script then reloads, or shows the errors over the page until they are fixed.
/// With a SCORM run-time the pages open inside the LMS inspector: the strict SCORM run-time the tests
/// use, with a panel showing every call, the data model and the suspend data against its limit.
public final class PreviewServer: Sendable {
    /// What is built.
    public let builder: PreviewBuilder
    /// What is served.
    public let site: PreviewSite
    /// The folders whose changes trigger a rebuild.
    public let watchedFolders: [String]
    /// Told of each rebuild (the command prints errors and timings).
    private let onBuild: @Sendable (PreviewSnapshot, [String]) -> Void
    private let rebuilds = LockedRebuilds()

    /// A server for `builder`'s course, rebuilding when `watchedFolders` change.
    public init(
        builder: PreviewBuilder, watchedFolders: [String], site: PreviewSite = PreviewSite(),
        onBuild: @escaping @Sendable (PreviewSnapshot, [String]) -> Void = { _, _ in }
    ) {
        self.builder = builder
        self.site = site
        self.watchedFolders = watchedFolders
        self.onBuild = onBuild
    }

    /// Builds once and publishes the result.
    public func rebuild(changed: [String] = []) {
        rebuilds.run {
            let snapshot = builder.build(after: site.snapshot)
            site.publish(snapshot)
            onBuild(snapshot, changed)
        }
    }

    /// The most connections served at once (a page holds one or two; a browser opens six at most).
    public static let maximumConnections = 64
    /// How long a connection may sit idle between requests before it is closed (event streams are
    /// requests in progress, never idle).
    public static let idleSeconds: Int64 = 30
    /// The connection limit of this server.
    let connections = ConnectionLimit(maximum: PreviewServer.maximumConnections)

    /// Serves until SIGINT or SIGTERM (or until the task is cancelled) on 127.0.0.1:`port` (0: any free
    /// port); `onRunning` gets the port once the server listens. With `shutdownDeadline`, a stop that
    /// has not finished that many seconds after the signal ends the process anyway (`onDeadline`), so
    /// Ctrl-C always works.
    public func run(
        port: Int, shutdownDeadline: Double? = nil, onDeadline: @escaping @Sendable () -> Void = {},
        onRunning: @escaping @Sendable (Int) -> Void
    ) async throws {
        rebuild()
        let watcher = try DirectoryWatcher(roots: watchedFolders) { [self] changed in rebuild(changed: changed) }
        defer { watcher.stop() }
        let responder = PreviewResponder(site: site, format: builder.format)
        let connections = connections
        let app = Application(
            responder: CallbackResponder { (request: Request, context: PreviewRequestContext) in
                try await responder.respond(to: request, context: context)
            },
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [connections.handler()], idleTimeout: .seconds(Self.idleSeconds))),
            configuration: .init(address: .hostname("127.0.0.1", port: port), serverName: "course-toolkit-preview"),
            onServerRunning: { channel in onRunning(channel.localAddress?.port ?? port) },
            logger: {
                var logger = Logger(label: "course-toolkit.preview")
                logger.logLevel = .critical
                return logger
            }())
        try await withGracefulShutdownHandler {
            try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
        } onGracefulShutdown: { [site] in
            site.closeAll()
            if let shutdownDeadline {
                Thread.detachNewThread {
                    Thread.sleep(forTimeInterval: shutdownDeadline)
                    onDeadline()
                }
            }
        }
        site.closeAll()
    }
}

/// Runs rebuilds one at a time; a rebuild asked for while one runs runs once after it.
private final class LockedRebuilds: Sendable {
    private let state = LockedValue((running: false, again: false))

    func run(_ body: () -> Void) {
        let first = state.withLock { state -> Bool in
            if state.running {
                state.again = true
                return false
            }
            state.running = true
            return true
        }
        guard first else { return }
        repeat {
            body()
        } while state.withLock { state -> Bool in
            defer { state.again = false }
            state.running = state.again
            return state.again
        }
    }
}
