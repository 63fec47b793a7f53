/// Lets a short-lived process skip freeing its large models one object at a time just before it
/// exits (what compilers do with `-disable-free`): the executable turns it on, and commands hand over
/// what they loaded. Freeing a workspace of thousands of Things cost a tenth of a `validate` run.
/// Off by default, so that tests and other users of the library free memory as usual.
public enum ProcessLifetime {
    private static let state = LockedValue((enabled: false, kept: [Any]()))

    /// Turns keeping on for this process; only the executable, which exits right after its command, calls it.
    public static func keepModelsUntilExit() { state.withLock { $0.enabled = true } }

    /// Turns keeping off and lets go of what was kept: a long-running command (the preview server)
    /// loads a workspace on every edit and must free each one.
    public static func stopKeeping() { state.withLock { $0 = (enabled: false, kept: []) } }

    /// Keeps `value` alive until the process exits when keeping is on; otherwise does nothing.
    public static func keep(_ value: Any) {
        state.withLock { state in
            if state.enabled { state.kept.append(value) }
        }
    }
}
