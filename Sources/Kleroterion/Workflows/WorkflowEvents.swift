/// What a workflow tells its front end while it runs, and how the front end can stop it.
///
/// The CLI and the web app pass their own closures: the CLI prints `detail` on stderr with `--verbose` and keeps
/// `step` quiet (it prints the result's lines once the files are written); the web app shows `step` live on the
/// job's page and answers `isCancelled` from its cancel button.
public struct WorkflowEvents: Sendable {
    /// A plain-language progress line in the organiser's language (e.g. "Registrations read: 120 people.").
    public var step: @Sendable (String) -> Void
    /// The solver's own details (stages, classes, ILPs): only for `--verbose` or a "details" view; nil drops them.
    public var detail: (@Sendable (String) -> Void)?
    /// Asked between stages and inside the solver's loops; `true` stops the work with `WorkflowCancelled`.
    public var isCancelled: @Sendable () -> Bool

    public init(step: @escaping @Sendable (String) -> Void = { _ in }, detail: (@Sendable (String) -> Void)? = nil,
                isCancelled: @escaping @Sendable () -> Bool = { false }) {
        self.step = step
        self.detail = detail
        self.isCancelled = isCancelled
    }

    /// No progress shown, never cancelled.
    public static var silent: WorkflowEvents { WorkflowEvents() }

    /// Throws `WorkflowCancelled` once the front end asked to stop.
    public func checkCancelled() throws {
        if isCancelled() { throw WorkflowCancelled() }
    }
}

/// A workflow (or a selection algorithm) stopped because its front end asked it to; nothing was written, because
/// workflows only queue files and the caller commits them after `run` returns.
public struct WorkflowCancelled: Error, Sendable, Equatable, CustomStringConvertible {
    public init() {}
    public var description: String { "the work was stopped on request before it finished; nothing was written" }
}
