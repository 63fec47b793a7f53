import Foundation

/// Lets a short-lived process skip freeing its large models one object at a time just before it
/// exits (what compilers do with `-disable-free`): the executable turns it on, and commands hand over
/// what they loaded. Freeing a workspace of thousands of Things cost a tenth of a `validate` run.
/// Off by default, so that tests and other users of the library free memory as usual.
public enum ProcessLifetime {
    private static let state = State()

    /// Turns keeping on for this process; only the executable, which exits right after its command, calls it.
    public static func keepModelsUntilExit() { state.setEnabled() }

    /// Keeps `value` alive until the process exits when keeping is on; otherwise does nothing.
    public static func keep(_ value: Any) { state.keep(value) }

    private final class State: @unchecked Sendable {
        private let lock = NSLock()
        private var enabled = false
        private var kept: [Any] = []

        func setEnabled() {
            lock.lock()
            enabled = true
            lock.unlock()
        }

        func keep(_ value: Any) {
            lock.lock()
            if enabled { kept.append(value) }
            lock.unlock()
        }
    }
}
