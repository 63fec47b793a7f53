import Foundation
import ToolkitSupport

/// The snapshot being served, and the pages listening for the next one. Rebuilds replace the snapshot
/// and tell every listener its generation; listeners are closed when the server stops.
public final class PreviewSite: Sendable {
    private let state = LockedValue((snapshot: PreviewSnapshot.empty, listeners: [UUID: AsyncStream<Int>.Continuation]()))

    /// An empty site.
    public init() {}

    /// The snapshot served now.
    public var snapshot: PreviewSnapshot { state.withLock { $0.snapshot } }

    /// Serves `snapshot` from now on and tells every listener.
    public func publish(_ snapshot: PreviewSnapshot) {
        let listeners = state.withLock { state -> [AsyncStream<Int>.Continuation] in
            state.snapshot = snapshot
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.yield(snapshot.generation) }
    }

    /// The most pages listening at once.
    public static let maximumListeners = 32

    /// The generations published from now on, until `closeAll` or the caller stops listening; nil
    /// when `maximumListeners` pages already listen.
    public func listen() -> AsyncStream<Int>? {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream(bufferingPolicy: .bufferingNewest(1))
        let admitted = state.withLock { state -> Bool in
            guard state.listeners.count < Self.maximumListeners else { return false }
            state.listeners[id] = continuation
            return true
        }
        guard admitted else {
            continuation.finish()
            return nil
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.listeners.removeValue(forKey: id) }
        }
        return stream
    }

    /// How many pages listen now.
    public var listenerCount: Int { state.withLock { $0.listeners.count } }

    /// Ends every listener's stream (the server is stopping).
    public func closeAll() {
        let listeners = state.withLock { state -> [AsyncStream<Int>.Continuation] in
            defer { state.listeners.removeAll() }
            return Array(state.listeners.values)
        }
        for listener in listeners { listener.finish() }
    }
}
