/// One named step of a job (packaging a course, issuing badges): shown on a terminal as
/// `[3/7] Bake badge images`, and named by any error it raises. A job is a list of these values, run
/// in order by `StepRunner` over one mutable context, in the style of Publish's `PublishingStep`.
public struct Step<Context>: Sendable {
    /// What the step does, as shown to the user.
    public let name: String
    /// The work, over the job's context.
    let perform: @Sendable (inout Context) throws -> Void

    /// A step called `name` doing `perform`.
    public init(_ name: String, _ perform: @escaping @Sendable (inout Context) throws -> Void) {
        self.name = name
        self.perform = perform
    }
}

/// Where a job is: the step starting now, its place in the list, and the list's length.
public struct StepProgress: Sendable, Hashable, CustomStringConvertible {
    /// The step's place, 1-based.
    public let number: Int
    /// How many steps the job has.
    public let total: Int
    /// The step's name.
    public let name: String

    /// Creates the progress of step `number` of `total`.
    public init(number: Int, total: Int, name: String) {
        self.number = number
        self.total = total
        self.name = name
    }

    /// `[3/7] Bake badge images`.
    public var description: String { "[\(number)/\(total)] \(name)" }
}

/// A step that failed: its name and what it threw.
public struct StepFailure: Error, CustomStringConvertible {
    /// The step's name.
    public let step: String
    /// What the step threw.
    public let underlying: any Error

    /// Creates a failure of `step`.
    public init(step: String, underlying: any Error) {
        self.step = step
        self.underlying = underlying
    }

    /// `step: what went wrong`.
    public var description: String { "\(step): \(underlying)" }
}

/// Runs a job's steps in order, telling `onStep` as each starts, and stops at the first that throws,
/// with that step's name.
public struct StepRunner: Sendable {
    /// Told about each step as it starts (a terminal prints it).
    public let onStep: @Sendable (StepProgress) -> Void

    /// A runner telling `onStep` (nothing by default).
    public init(onStep: @escaping @Sendable (StepProgress) -> Void = { _ in }) {
        self.onStep = onStep
    }

    /// Runs `steps` over `context`. A job whose steps run in parts (checking the workspace, then
    /// packaging each course) numbers a part's steps from `first` of `total`.
    public func run<Context>(
        _ steps: [Step<Context>], on context: inout Context, first: Int = 1, total: Int? = nil
    ) throws(StepFailure) {
        for (index, step) in steps.enumerated() {
            onStep(StepProgress(number: first + index, total: total ?? steps.count, name: step.name))
            do {
                try step.perform(&context)
            } catch let failure as StepFailure {
                throw failure
            } catch {
                throw StepFailure(step: step.name, underlying: error)
            }
        }
    }
}
