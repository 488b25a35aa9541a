/// `select --robust`: among the panels of the fair mix, prefer those that keep slack on the quotas, so that a drop-out
/// is less likely to leave no quota-safe replacement.
///
/// The panels stay the ones the fair algorithm found; only their probabilities change, by one LP (GLPK): minimise the
/// expected *drop-out risk at the minimums*, `Σ over members i of rate(i) × (number of i's values whose count sits at
/// its minimum)`: the expected number of minimums a single round of drop-outs breaks, to first order. (Counting the
/// bounds a panel sits on does not work: with bands one seat wide every panel sits on exactly half of them.) Subject to every respondent's chance staying within `epsilon` of what the fair algorithm gave and the
/// probabilities adding up to 1. So a panel's weight can only move as far as the chances allow: panels whose removal
/// would move some chance by more than ε keep part of their weight. The drawn panel is then drawn from the new mix
/// (stream `robust`). The report states ε, the largest change of a chance, and the slack before and after.
public enum RobustMix {
    public static let defaultEpsilon = 0.01

    public struct Result: Sendable {
        public var outcome: SelectionOutcome
        public var epsilon: Double
        /// The largest change of anybody's chance (at most ε).
        public var largestChange: Double
        /// Mean drop-out risk at the minimums per panel (see the type), under the fair mix and under the robust mix.
        public var slackBefore: Double
        public var slackAfter: Double
        public var note: OutcomeNote
    }

    /// A panel's drop-out risk at the minimums (see the type).
    static func risk(_ panel: [Int], _ problem: SelectionProblem, rates: [Double]) -> Double {
        let counts = Misrepresentation.counts(panel, problem: problem)
        var r = 0.0
        for i in panel {
            for (f, v) in problem.category[i].enumerated() where counts[f][v] <= problem.features[f].min[v] { r += rates[i] }
        }
        return r
    }

    public static func apply(_ outcome: SelectionOutcome, problem: SelectionProblem, rates: [Double], epsilon: Double, seed: String,
                             solver: any LinearSolver = GLPKSolver()) throws -> Result {
        guard epsilon >= 0 && epsilon < 1 else {
            throw KleroterionError("the robustness tolerance ε = \(epsilon) is not between 0 and 1", fix: "give --robust-epsilon a small fraction, e.g. 0.01")
        }
        guard let distribution = outcome.distribution, !distribution.panels.isEmpty else {
            throw KleroterionError("--robust needs a fair algorithm (a mix of panels), not \(outcome.algorithm)",
                                   fix: "use --algorithm leximin, maximin or nash with --robust")
        }
        let panels = distribution.panels
        let slacks = panels.map { risk($0, problem, rates: rates) }
        let fair = distribution.marginals(personCount: problem.count)
        var model = LinearModel(sense: .minimize)
        for s in slacks { model.addColumn(.init(lower: 0, upper: 1, objective: s)) }
        model.addRow(.init(columns: Array(panels.indices), coefficients: panels.map { _ in 1 }, lower: 1, upper: 1))
        var on = [[Int]](repeating: [], count: problem.count)
        for (j, panel) in panels.enumerated() { for i in panel { on[i].append(j) } }
        for i in 0..<problem.count where !on[i].isEmpty {
            model.addRow(.init(columns: on[i], coefficients: on[i].map { _ in 1 }, lower: fair[i] - epsilon, upper: fair[i] + epsilon))
        }
        let solution = try solver.solveLP(model)
        guard solution.status == .optimal else {
            throw KleroterionError("the robust reweighting LP did not solve (\(solution.status))", fix: "this is a bug in Kleroterion; please report it with the input files")
        }
        // Clean tiny negatives and renormalise (the LP holds the sum to 1 up to its tolerance).
        var q = solution.values.map { Swift.max(0, $0) }
        let total = q.reduce(0, +)
        q = q.map { $0 / total }
        let mix = PanelDistribution(panels: panels, probabilities: q)
        let chances = mix.marginals(personCount: problem.count)
        let largest = zip(chances, fair).map { abs($0 - $1) }.max() ?? 0
        let random = try SeededRandom(seed: seed, purpose: "robust")
        let drawn = panels[random.weightedIndex(q)]
        let before = zip(distribution.probabilities, slacks).reduce(0) { $0 + $1.0 * $1.1 }
        let after = zip(q, slacks).reduce(0) { $0 + $1.0 * $1.1 }
        var robust = outcome
        robust.panel = drawn
        robust.distribution = mix
        robust.probabilities = SelectionProbabilities(values: chances)
        let note = OutcomeNote.robust(algorithm: outcome.algorithm, epsilon: epsilon, largestChange: largest, slackBefore: before, slackAfter: after)
        return Result(outcome: robust, epsilon: epsilon, largestChange: largest, slackBefore: before, slackAfter: after, note: note)
    }
}
