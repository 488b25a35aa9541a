import Foundation

/// NASH welfare: the distribution over valid panels that maximises the sum of the logarithms of everybody's
/// chance (the chances' geometric mean).
///
/// Fully-corrective Frank–Wolfe over the panel polytope, with the same pricing ILP as linear oracle, so it
/// needs no other solver. At the current chances `π`, the gradient of `Σ_i log π_i` gives each person the
/// weight `1/π_i`; the ILP's best panel `s` is the Frank–Wolfe vertex, and `⟨∇, s − π⟩` is the duality gap,
/// an upper bound on how far the objective still is from the optimum. Between ILP calls the weights of the
/// panels found so far are re-optimised by pairwise (away-step) Frank–Wolfe steps with exact line search,
/// which converge linearly on this finite set.
public struct NashSelection: SelectionAlgorithm {
    public let name = "nash"
    /// Stop when the duality gap (in units of the log-sum) is at most this.
    public var gapTolerance: Double
    /// An upper bound on ILP calls, in case the gap closes only slowly.
    public var maxOracleCalls: Int

    public init(gapTolerance: Double = 1e-5, maxOracleCalls: Int = 5000) {
        self.gapTolerance = gapTolerance
        self.maxOracleCalls = maxOracleCalls
    }

    public func select(_ problem: SelectionProblem, random: SeededRandom, options: SelectionOptions) throws -> SelectionOutcome {
        let run = try FairRun(name, problem: problem, options: options)
        let classes = run.classes
        let (initial, coverable) = try run.coveringPanels()
        var state = NashState(classes: classes, coverable: coverable)
        for comp in initial { state.append(comp) }
        state.setUniform()
        var gap = Double.infinity
        var known = Set(initial)
        var calls = 0
        while calls < maxOracleCalls {
            try run.options.checkCancelled()
            state.correct(tolerance: gapTolerance / 10, maxSteps: 2 * state.panels.count + 50)
            guard let (comp, value) = try run.price(state.gradientWeights()) else { break }
            calls += 1
            gap = value - state.coveredPeople
            run.report("iteration \(calls), minimum probability \(state.minimum), log-sum \(state.objective), gap \(gap)")
            if gap <= gapTolerance { break }
            if known.insert(comp).inserted { state.append(comp) }
            state.stepToward(state.panels.count - 1)
        }
        run.report("done: minimum probability \(state.minimum), gap \(gap)", force: true)
        return run.finish(state.panels, weights: state.lambda, random: random,
                          notes: [.nash(gap: max(gap, 0))])
    }
}

/// The Frank–Wolfe iterate: panel weights `lambda` and the class chances `pi` they give.
struct NashState {
    let classes: RespondentClasses
    /// Classes that can be on some panel; the others have chance 0 and are left out of the objective.
    let coverable: [Bool]
    let size: [Double]
    var panels: [Composition] = []
    var lambda: [Double] = []
    var pi: [Double]

    init(classes: RespondentClasses, coverable: [Bool]) {
        self.classes = classes
        self.coverable = coverable
        self.size = classes.sizes
        self.pi = [Double](repeating: 0, count: classes.count)
    }

    /// How many people belong to coverable classes: the value of `⟨∇, π⟩`.
    var coveredPeople: Double { zip(coverable, size).reduce(0) { $0 + ($1.0 ? $1.1 : 0) } }
    var minimum: Double { (0..<pi.count).filter { coverable[$0] }.map { pi[$0] }.min() ?? 0 }
    var objective: Double { (0..<pi.count).filter { coverable[$0] }.reduce(0) { $0 + size[$1] * log(pi[$1]) } }

    mutating func append(_ comp: Composition) { panels.append(comp); lambda.append(0) }

    mutating func setUniform() {
        lambda = lambda.map { _ in 1 / Double(lambda.count) }
        recompute()
    }

    mutating func recompute() {
        pi = [Double](repeating: 0, count: classes.count)
        for (comp, w) in zip(panels, lambda) where w > 0 {
            for (c, n) in zip(comp.classes, comp.counts) { pi[c] += w * Double(n) / size[c] }
        }
    }

    /// Per-person ILP weights: the gradient of `Σ_c M_c log π_c` per person of class c is `1/π_c`.
    func gradientWeights() -> [Double] {
        (0..<pi.count).map { coverable[$0] && pi[$0] > 0 ? 1 / pi[$0] : 0 }
    }

    /// `⟨∇, a_j⟩` for panel j: Σ_c y_jc / π_c.
    func score(_ j: Int) -> Double {
        var s = 0.0
        for (c, n) in zip(panels[j].classes, panels[j].counts) where coverable[c] { s += Double(n) / pi[c] }
        return s
    }

    /// The direction (per class) of moving weight from panel `from` to panel `to`.
    func direction(to: Int, from: Int?) -> [(Int, Double)] {
        var d: [Int: Double] = [:]
        for (c, n) in zip(panels[to].classes, panels[to].counts) { d[c, default: 0] += Double(n) / size[c] }
        if let from {
            for (c, n) in zip(panels[from].classes, panels[from].counts) { d[c, default: 0] -= Double(n) / size[c] }
        } else {
            for c in 0..<pi.count where pi[c] != 0 { d[c, default: 0] -= pi[c] }
        }
        return d.filter { $0.value != 0 }.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// The step in [0, maxStep] that maximises Σ M_c log(π_c + γ d_c) (concave): Newton with bisection.
    func lineSearch(_ d: [(Int, Double)], maxStep: Double) -> Double {
        func derivatives(_ g: Double) -> (Double, Double) {
            var d1 = 0.0, d2 = 0.0
            for (c, dc) in d where coverable[c] {
                let v = pi[c] + g * dc
                d1 += size[c] * dc / v
                d2 -= size[c] * dc * dc / (v * v)
            }
            return (d1, d2)
        }
        if derivatives(maxStep * (1 - 1e-12)).0 >= 0 {
            // Still rising at the end; the end is allowed only if no coverable chance drops to 0 there.
            let safe = d.allSatisfy { !coverable[$0.0] || pi[$0.0] + maxStep * $0.1 > 0 }
            return safe ? maxStep : maxStep * (1 - 1e-9)
        }
        var lo = 0.0, hi = maxStep, g = maxStep / 2
        for _ in 0..<60 {
            let (d1, d2) = derivatives(g)
            if d1 > 0 { lo = g } else { hi = g }
            var next = d2 < 0 ? g - d1 / d2 : (lo + hi) / 2
            if !(next > lo && next < hi) { next = (lo + hi) / 2 }
            if abs(next - g) <= 1e-15 * max(1, maxStep) { return next }
            g = next
        }
        return g
    }

    mutating func apply(_ d: [(Int, Double)], step: Double) {
        for (c, dc) in d { pi[c] = max(0, pi[c] + step * dc) }
    }

    /// A classic Frank–Wolfe step toward panel j (used for a newly found vertex).
    mutating func stepToward(_ j: Int) {
        let d = direction(to: j, from: nil)
        let g = lineSearch(d, maxStep: 1)
        guard g > 0 else { return }
        for k in lambda.indices { lambda[k] *= 1 - g }
        lambda[j] += g
        recompute()
    }

    /// Pairwise steps between the best and the worst panel in use, until their scores differ by at most
    /// `tolerance` (then the weights are optimal on the panels found so far, up to that gap).
    mutating func correct(tolerance: Double, maxSteps: Int) {
        for step in 0..<maxSteps {
            var best = 0, worst = -1
            var bestScore = -Double.infinity, worstScore = Double.infinity
            for j in panels.indices {
                let s = score(j)
                if s > bestScore { bestScore = s; best = j }
                if lambda[j] > 0 && s < worstScore { worstScore = s; worst = j }
            }
            guard worst >= 0, bestScore - worstScore > tolerance, best != worst else { break }
            let d = direction(to: best, from: worst)
            let g = lineSearch(d, maxStep: lambda[worst])
            guard g > 0 else { break }
            lambda[worst] -= g
            if lambda[worst] < 1e-15 { lambda[worst] = 0 }
            lambda[best] += g
            apply(d, step: g)
            if step % 50 == 49 { recompute() }   // wash out accumulated round-off
        }
        recompute()
    }
}
