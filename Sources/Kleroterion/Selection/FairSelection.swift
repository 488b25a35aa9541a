import Foundation

/// What the fair algorithms (leximin, maximin, Nash) share: the respondent classes, the pricing oracle,
/// the clock and progress reporting, the first columns, and the last step from a distribution over
/// compositions to explicit panels and the drawn panel.
final class FairRun {
    let algorithm: String
    let problem: SelectionProblem
    let classes: RespondentClasses
    let oracle: PanelOracle
    let solver: any LinearSolver
    let options: SelectionOptions
    private let started = Date()
    private var lastReport = Date.distantPast
    /// Set when the time limit stopped the optimisation.
    private(set) var stoppedEarly = false
    /// How many times the pricing ILP was solved.
    private(set) var oracleCalls = 0
    /// Seconds spent in the pricing ILP and in master LP solves (for the notes and for profiling).
    private(set) var oracleSeconds = 0.0
    var masterSeconds = 0.0

    init(_ algorithm: String, problem: SelectionProblem, options: SelectionOptions, solver: any LinearSolver = GLPKSolver()) throws {
        self.algorithm = algorithm
        self.problem = problem
        self.classes = RespondentClasses(problem)
        self.solver = solver
        self.options = options
        self.oracle = try PanelOracle(problem: problem, classes: classes, solver: solver)
    }

    var elapsed: Double { Date().timeIntervalSince(started) }

    /// Seconds left before the time limit (nil: no limit).
    var remaining: Double? { options.timeLimit.map { $0 - elapsed } }

    /// Records that the time limit stopped the optimisation.
    func stop() { stoppedEarly = true }

    /// True (and remembered) once the time limit has passed.
    func outOfTime() -> Bool {
        if let r = remaining, r <= 0 { stoppedEarly = true }
        return stoppedEarly
    }

    /// The best panel for these per-person weights, or nil when the time limit ran out.
    func price(_ weights: [Double]) throws -> (composition: Composition, value: Double)? {
        try options.checkCancelled()
        if outOfTime() { return nil }
        oracleCalls += 1
        let t = Date()
        defer { oracleSeconds += Date().timeIntervalSince(t) }
        guard let best = try oracle.best(weights: weights, timeLimit: remaining) else { stoppedEarly = true; return nil }
        return best
    }

    /// The best panel on a face of the polytope (`PanelOracle.best(weights:rowBounds:classBounds:)`).
    func price(_ weights: [Double], rowBounds: [(row: Int, lower: Double, upper: Double)],
               classBounds: [(class: Int, lower: Double, upper: Double)], relativeGap: Double) throws -> PanelOracle.Outcome {
        try options.checkCancelled()
        if outOfTime() { return .timedOut }
        oracleCalls += 1
        let t = Date()
        defer { oracleSeconds += Date().timeIntervalSince(t) }
        let outcome = try oracle.best(weights: weights, rowBounds: rowBounds, classBounds: classBounds,
                                      relativeGap: relativeGap, timeLimit: remaining)
        if case .timedOut = outcome { stoppedEarly = true }
        return outcome
    }

    /// A progress line on stderr (via `options.progress`), at most about once a second unless forced.
    func report(_ line: @autoclosure () -> String, force: Bool = false) {
        guard let progress = options.progress else { return }
        let now = Date()
        guard force || now.timeIntervalSince(lastReport) >= 1 else { return }
        lastReport = now
        progress(String(format: "%@ [%.1f s] ", algorithm, elapsed) + line())
    }

    /// First columns: panels that together include every class that can be on a panel at all.
    ///
    /// Each round asks for the panel with the most people from classes not yet covered. When that number is
    /// zero, the classes still uncovered cannot be on any valid panel: their chance is 0 under every algorithm.
    /// Classes already on one of `known` count as covered (`panels` then holds only the new ones).
    func coveringPanels(known: [Composition] = []) throws -> (panels: [Composition], coverable: [Bool]) {
        var covered = [Bool](repeating: false, count: classes.count)
        for comp in known { for c in comp.classes { covered[c] = true } }
        var panels: [Composition] = []
        while covered.contains(false) {
            let weights = covered.map { $0 ? 0.0 : 1.0 }
            guard let (comp, value) = try price(weights) else { break }
            if value < 0.5 { break }
            panels.append(comp)
            for c in comp.classes { covered[c] = true }
        }
        if panels.isEmpty && known.isEmpty {
            // Even past the time limit, a distribution needs one valid panel: find it without a limit.
            guard let (comp, _) = try oracle.best(weights: covered.map { _ in 0 }) else {
                throw KleroterionError("internal error: the pricing ILP stopped without a time limit")
            }
            panels.append(comp)
            for c in comp.classes { covered[c] = true }
        }
        return (panels, covered)
    }

    /// Expands the composition weights into explicit panels, draws one with the seeded generator, and
    /// reports each person's chance as the marginal of the written distribution.
    func finish(_ compositions: [Composition], weights: [Double], random: SeededRandom, notes: [OutcomeNote]) -> SelectionOutcome {
        let distribution = PanelExpansion.expand(compositions, weights: weights, classes: classes)
        let marginals = distribution.marginals(personCount: problem.count)
        // gsl_ran_discrete (Walker's alias method) over the panels, in the distribution's fixed order.
        let drawn = distribution.panels[random.weightedIndex(distribution.probabilities)]
        var allNotes = notes
        if stoppedEarly {
            allNotes.append(.timeLimit(seconds: options.timeLimit ?? 0, algorithm: algorithm))
        }
        // Timings go to the progress line only: notes reach the report, which must be identical for the same seed.
        allNotes.append(.distribution(algorithm: algorithm, panels: distribution.panels.count, compositions: compositions.count,
                                      classes: classes.count, pricingILPs: oracleCalls))
        report(String(format: "done: %d pricing ILPs in %.1f s, master LPs %.1f s", oracleCalls, oracleSeconds, masterSeconds), force: true)
        return SelectionOutcome(panel: drawn, probabilities: SelectionProbabilities(values: marginals),
                                distribution: distribution, algorithm: algorithm, notes: allNotes)
    }
}
