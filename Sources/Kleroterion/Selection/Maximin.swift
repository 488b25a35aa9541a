import Foundation

/// MAXIMIN: the distribution over valid panels that makes the smallest selection chance as large as possible.
///
/// The first stage of leximin. The result is optimal for the minimum only. It takes LEXIMIN's relaxation route
/// (`Attainability.leximin`): the leximin point of the LP relaxation of the panel constraints is also a maximin
/// point, and it is the one the face walk splits into panels most reliably. (Before issue #16 maximin walked the
/// first stage's optimal *corner*, which on the national bench shape got stuck after a long walk and then ran the
/// leximin route anyway: slower than LEXIMIN.) Only when that route fails does column generation on the master LP
/// (`ProbabilityMaster`) with the pricing ILP (`PanelOracle`) run, and it stops as soon as the master reaches
/// the relaxation's maximin, an upper bound on any mix of panels, instead of waiting for the pricing ILP's own
/// bound, which closes slowly.
public struct MaximinSelection: SelectionAlgorithm {
    public let name = "maximin"
    let method: FairMethod
    public init() { method = .automatic }
    init(method: FairMethod) { self.method = method }

    public func select(_ problem: SelectionProblem, random: SeededRandom, options: SelectionOptions) throws -> SelectionOutcome {
        let run = try FairRun(name, problem: problem, options: options)
        var tried: [Composition] = []
        var upperBound: Double? = nil
        if method == .automatic {
            let route = try Attainability.leximin(run: run)
            if let (relaxed, mix, _) = route.found {
                run.report("done: minimum probability \(relaxed.minimum)", force: true)
                return run.finish(mix.compositions, weights: mix.weights, random: random, notes: [
                    .maximinRelaxation(minimum: relaxed.minimum, compositions: mix.compositions.count),
                ])
            }
            tried = route.tried
            upperBound = route.bound
        }
        let master = try ProbabilityMaster(classes: run.classes, solver: run.solver)
        try master.add(tried)
        try master.add(run.coveringPanels(known: tried).panels)
        let result = try ColumnGeneration.maximise(master, run: run, stage: nil, upperBound: upperBound)
        run.report("done: minimum probability \(result.z)", force: true)
        return run.finish(master.compositions, weights: result.weights, random: random,
                          notes: run.stoppedEarly ? [] : [.maximinColumnGeneration(minimum: result.z, tolerance: ColumnGeneration.tolerance)])
    }
}

/// The column-generation loop shared by maximin and each leximin stage, with dual smoothing.
///
/// Plain column generation prices at the master LP's duals, which jump from one extreme to another, so
/// it needs many columns. Wentges smoothing prices at a mix `α·ū + (1−α)·u` of the best dual point so far
/// (`ū`, the one with the lowest Lagrangian bound) and the current duals `u`. Every price gives a valid
/// upper bound on the stage optimum (`L(u) = max_P Σ u_c a_Pc − Σ_fixed u_c v_c`); when the smoothed price
/// finds no column that improves the LP, the loop prices once at `u` itself, which either finds one or
/// proves the LP optimal over all valid panels. A known `upperBound` on the optimum (the relaxation's maximin,
/// for maximin) ends the loop as soon as the master reaches it.
enum ColumnGeneration {
    /// A column is added while its reduced cost exceeds this; the stage optimum is then within this of
    /// the LP value (LP duality).
    static let tolerance = 1e-9
    /// The smoothing weight of the best dual point.
    static let smoothing = 0.7

    /// `previous` is the last master solution, returned if the time limit strikes before the first solve.
    static func maximise(_ master: ProbabilityMaster, run: FairRun, stage: Int?, previous: ProbabilityMaster.Result? = nil,
                         upperBound: Double? = nil) throws -> ProbabilityMaster.Result {
        func solve() throws -> ProbabilityMaster.Result? {
            let t = Date()
            defer { run.masterSeconds += Date().timeIntervalSince(t) }
            guard let r = try master.solve(timeLimit: run.remaining) else { run.stop(); return nil }
            return r
        }
        func fixedPart(_ u: [Double]) -> Double {
            var s = 0.0
            for (c, v) in master.fixed.enumerated() { if let v { s += u[c] * v } }
            return s
        }
        func reducedCost(_ comp: Composition, _ r: ProbabilityMaster.Result) -> Double {
            var s = -r.convexityDual
            for (c, n) in zip(comp.classes, comp.counts) { s += r.personWeights[c] * Double(n) }
            return s
        }
        let size = master.classes.sizes
        guard var result = try solve() else { return try previous ?? master.solve(timeLimit: nil)! }
        var center: [Double]? = nil        // ū: class prices with the best bound so far
        var bestBound = Double.infinity
        var iteration = 0
        while !run.stoppedEarly {
            try run.options.checkCancelled()
            iteration += 1
            // z ≤ 1: at 1 nothing can improve (this also ends the last leximin stages, where the remaining
            // classes are on every panel, without pricing rounds against a degenerate LP).
            if bestBound - result.z <= tolerance || result.z >= 1 - tolerance { break }
            if let upperBound, upperBound - result.z <= tolerance { break }
            let u = result.classDuals
            let smoothed = center.map { c in zip(c, u).map { smoothing * $0 + (1 - smoothing) * $1 } } ?? u
            guard let (comp, value) = try run.price(zip(smoothed, size).map { $0 / $1 }) else { break }
            let bound = value - fixedPart(smoothed)
            if bound < bestBound { bestBound = bound; center = smoothed }
            run.report((stage.map { "stage \($0), " } ?? "") + "iteration \(iteration), minimum probability \(result.z), bound \(bestBound)")
            if reducedCost(comp, result) > tolerance, try master.add([comp]) > 0 {
                guard let next = try solve() else { break }
                result = next
                continue
            }
            // Mis-priced (or nothing better): price at the LP duals themselves.
            guard let (exact, exactValue) = try run.price(result.personWeights) else { break }
            let exactBound = exactValue - fixedPart(u)
            if exactBound < bestBound { bestBound = exactBound; center = u }
            if exactValue - result.convexityDual <= tolerance { break }
            if try master.add([exact]) == 0 { break }   // already present: only round-off is left
            guard let next = try solve() else { break }
            result = next
        }
        return result
    }
}
