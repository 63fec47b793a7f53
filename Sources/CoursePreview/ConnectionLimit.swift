import NIOCore
import ToolkitSupport

/// At most `maximum` connections open at once: one more is closed as soon as it arrives, so a page
/// (or a script) opening hundreds of event streams cannot use up the process's file descriptors, and
/// the server can always stop.
final class ConnectionLimit: Sendable {
    /// The most connections served at once.
    let maximum: Int
    private let open = LockedValue(0)

    /// A limit of `maximum` connections.
    init(maximum: Int) { self.maximum = maximum }

    /// How many connections are open now.
    var openCount: Int { open.withLock { $0 } }

    /// The handler that counts one connection, for the HTTP channel's pipeline.
    func handler() -> Handler { Handler(limit: self) }

    /// Counts the connection it is added to; closes it at once when the limit is reached.
    final class Handler: ChannelInboundHandler, RemovableChannelHandler, Sendable {
        typealias InboundIn = NIOAny
        let limit: ConnectionLimit
        private let counted = LockedValue(false)

        init(limit: ConnectionLimit) { self.limit = limit }

        func handlerAdded(context: ChannelHandlerContext) {
            let admitted = limit.open.withLock { open -> Bool in
                guard open < limit.maximum else { return false }
                open += 1
                return true
            }
            if admitted {
                counted.withLock { $0 = true }
            } else {
                context.close(promise: nil)
            }
        }

        func handlerRemoved(context: ChannelHandlerContext) { release() }

        func channelInactive(context: ChannelHandlerContext) {
            release()
            context.fireChannelInactive()
        }

        private func release() {
            let wasCounted = counted.withLock { counted -> Bool in
                defer { counted = false }
                return counted
            }
            if wasCounted { limit.open.withLock { $0 -= 1 } }
        }
    }
}
