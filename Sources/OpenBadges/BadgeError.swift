import ToolkitSupport

/// A badge operation that failed, with the file or folder involved, as `PackageError` does for packages.
public struct BadgeError: Error, CustomStringConvertible, Sendable {
    /// The step of the job it failed in, when the job ran as steps.
    public var step: String?
    /// The file or folder involved, if any.
    public var path: String?
    /// What went wrong.
    public var message: String
    /// Whether reading or writing a file failed (exit 2), rather than the badges themselves (exit 1).
    public var isIOFailure: Bool

    /// Creates an error about `path`.
    public init(path: String? = nil, _ message: String, isIOFailure: Bool = false) {
        self.path = path
        self.message = message
        self.isIOFailure = isIOFailure
    }

    /// The error of a failed step, named by it: a badge error keeps its path and whether it was an
    /// I/O failure.
    public init(failure: StepFailure) {
        if let error = failure.underlying as? BadgeError {
            self = error
        } else {
            self.init("\(failure.underlying)")
        }
        step = step ?? failure.step
    }

    /// `step: path: message` (`Bake badge images: Badges/x.svg: cannot be baked: …`).
    public var description: String { [step, path, message].compactMap { $0 }.joined(separator: ": ") }
}
