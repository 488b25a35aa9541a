import Foundation

/// LEXIMIN over the *linear relaxation* of the panel polytope, in class space.
///
/// The chances `p_c` a distribution over valid panels can give the classes form a polytope Q: the convex hull
/// of the panels' class counts, scaled by class size. Column generation (`ColumnGeneration`) works inside Q,
/// one panel at a time, with a dense master LP that is slow to re-solve. Q lies inside the polytope R that
/// the pricing ILP's constraints describe when integrality is dropped (`PanelOracle.rows`, `0 ≤ p_c ≤ 1`):
///
///     Σ_c M_c p_c = k,    lower_v ≤ Σ_{c has value v} M_c p_c ≤ upper_v,    Σ_{roles of a household type} p_c ≤ 1
///
/// R has one variable per class and a few dozen rows besides the class rows, so every leximin stage over R
/// is a small sparse LP that GLPK re-solves warm in milliseconds. Because Q ⊆ R, the leximin point of R is
/// at least as good as anything Q offers; if it also lies in Q, it *is* the leximin point of Q. Whether it
/// does is settled constructively by `Attainability` (the face walk of `FaceDecomposition`, then column
/// generation towards the point), which writes it as a mix of valid panels; when it is not in Q, that check
/// yields a cut (an inequality all of Q meets and the point breaks), and the stages are solved again over R
/// with the cuts. On the benchmark pools, the Zeist example and a survey of varied pools the first point
/// already lay in Q; on small pools with one-seat quotas it sometimes did not (docs/algorithms.md).
struct RelaxedLeximin {
    /// The chance per class, and how many stages it took.
    struct Result {
        var probabilities: [Double]
        var stages: Int
        /// The smallest chance (the maximin value).
        var minimum: Double
    }

    /// Solves the stages over R; nil when the time limit ran out first.
    /// `cuts` are inequalities every mix of panels satisfies (`Attainability.Cut`), added to R.
    static func solve(run: FairRun, cuts: [Attainability.Cut] = []) throws -> Result? {
        let classes = run.classes
        let count = classes.count
        let size = classes.sizes
        var model = LinearModel(sense: .maximize)
        for _ in 0..<count { model.addColumn(.init(lower: 0, upper: 1, objective: 0)) }
        let z = model.addColumn(.init(lower: 0, upper: 1, objective: 1))
        for row in run.oracle.rows {
            model.addRow(.init(columns: row.columns, coefficients: zip(row.columns, row.coefficients).map { size[$0] * $1 },
                               lower: row.lower, upper: row.upper))
        }
        // One row per class: p_c − z ≥ 0 while the class is free. Fixing a class frees its row and moves its
        // chance into the column bound p_c ≥ fixed: only bounds change between stages, so every stage starts
        // from the last optimal basis (dual feasible after bound changes: a few dual simplex pivots). Removing
        // z from the fixed rows instead, as before issue #16, made GLPK's basis singular at every stage and
        // forced a cold restart (90% of the relaxation's time on the national bench shape).
        let first = model.rows.count
        for c in 0..<count { model.addRow(.init(columns: [c, z], coefficients: [1, -1], lower: 0)) }
        for cut in cuts {
            let used = (0..<count).filter { cut.coefficients[$0] != 0 }
            model.addRow(.init(columns: used, coefficients: used.map { cut.coefficients[$0] }, upper: cut.bound))
        }
        let session = try run.solver.session(model)

        var free = Array(0..<count)
        var fixed = [Double?](repeating: nil, count: count)
        var stage = 0
        var minimum = 0.0
        var probabilities = [Double](repeating: 0, count: count)
        while !free.isEmpty {
            if run.outOfTime() { return nil }
            stage += 1
            let t = Date()
            var solution = try session.solveLP(timeLimit: run.remaining)
            var loosening = ProbabilityMaster.fixingSlack
            while stage > 1, solution.status == .infeasible, loosening < 1e-6 {
                // Each stage's solution meets the fixed chances only up to GLPK's tolerances, so over many
                // stages they can end up a hair apart: loosen them all a little and start afresh.
                loosening *= 10
                for (c, value) in fixed.enumerated() where value != nil {
                    try session.setColumnBounds(c, lower: min(1, max(0, value! - loosening)), upper: 1)
                }
                session.resetBasis()
                solution = try session.solveLP(timeLimit: run.remaining)
                run.report("relaxation stage \(stage): fixed chances loosened by \(loosening): \(solution.status)", force: true)
            }
            run.masterSeconds += Date().timeIntervalSince(t)
            switch solution.status {
            case .optimal: break
            case .timeLimit: run.stop(); return nil
            case .infeasible, .unbounded:
                // R is empty only if no panel meets the quotas; the pricing ILP says so in the users' words.
                _ = try run.oracle.best(weights: [Double](repeating: 0, count: count))
                throw KleroterionError("internal error: the relaxed leximin LP ended as \(solution.status)",
                                       fix: "please report this with the input files")
            }
            let level = solution.values[z]
            if stage == 1 { minimum = level }
            probabilities = Array(solution.values[0..<count])
            // Complementary slackness: a free class whose row has a positive dual is at `level` in every optimum.
            let duals = (0..<count).map { max(0, -solution.rowDuals[first + $0]) }
            let newly = LeximinSelection.classesToFix(free, duals: duals, level: level)
            let fixedSet = Set(newly)
            for c in newly {
                // Never above the class's own value in this solution (which GLPK may return a hair under the
                // level, or the level a hair above 1), so that the current solution stays feasible.
                fixed[c] = min(level, probabilities[c])
                // A chance of 1 may come back a hair above 1: the bound stays within [0, 1].
                try session.setColumnBounds(c, lower: min(1, max(0, fixed[c]! - ProbabilityMaster.fixingSlack)), upper: 1)
                try session.setRowBounds(first + c, lower: -.infinity, upper: .infinity)
            }
            free.removeAll { fixedSet.contains($0) }
            if free.isEmpty { try session.setColumnBounds(z, lower: 0, upper: 0) }
            run.report("relaxation stage \(stage): fixed \(newly.count) classes at \(level); \(free.count) of \(count) left")
        }
        return Result(probabilities: probabilities.map { min(1, max(0, $0)) }, stages: stage, minimum: minimum)
    }
}
