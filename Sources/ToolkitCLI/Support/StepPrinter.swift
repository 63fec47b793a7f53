import ToolkitSupport

/// Prints a job's steps as `[3/7] Bake badge images` on standard output, only when it is a terminal
/// (a pipe or a log gets the results alone).
struct StepPrinter: Sendable {
    /// Where the lines go.
    let environment: CommandEnvironment
    /// How many steps the job has.
    let total: Int

    /// A printer for a job of `total` steps.
    init(_ environment: CommandEnvironment, total: Int) {
        self.environment = environment
        self.total = total
    }

    /// What to tell a step runner: print each step when `showing` (one course; several built at once
    /// would interleave) and the output is a terminal.
    func onStep(showing: Bool) -> @Sendable (StepProgress) -> Void {
        let print = showing && environment.outputIsTerminal
        let environment = environment
        return { step in if print { environment.standardOutput("\(step)\n") } }
    }
}
