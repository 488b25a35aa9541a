import Foundation

/// Settles whether a point of the relaxed panel polytope (chances per class) is a mix of valid panels, and
/// if so finds the mix; if not, returns a cut that separates it from every mix of panels.
///
/// The face walk (`FaceDecomposition`) is tried first: it only solves small ILPs. It can get stuck even when
/// the point is attainable, because it steps to the edge of the relaxation, which may lie outside the panels'
/// hull. Then column generation decides it: maximise z such that a mix of panels gives every class at least
/// z times its target chance (`ProbabilityMaster` with a target), starting from the panels already found.
/// z reaches 1 exactly when the point is attainable. If it stays below, the final dual prices `u` give the
/// cut: every panel has `Σ_c u_c a_Pc ≤ max_P u·a_P` (one more exact pricing ILP), which the point breaks.
enum Attainability {
    /// z at or above this counts as attaining the target (each chance within about 1e-7 of it).
    static let threshold = 1 - 1e-7

    /// A linear inequality `Σ_c coefficients[c]·p_c ≤ bound` that every mix of valid panels satisfies.
    struct Cut {
        var coefficients: [Double]
        var bound: Double
    }

    /// The outcome of one check.
    struct Check {
        var mix: PanelMix?
        /// When the point is not attainable (and the time limit did not interrupt): a cut it breaks.
        var cut: Cut?
        /// Every panel found, for later checks or the caller's fallback.
        var tried: [Composition]
    }

    /// Checks `probabilities`; `seeds` are panels found before (first columns). `walk: false` skips the face
    /// walk (after cuts, the point lies on faces the walk does not know).
    static func check(_ probabilities: [Double], run: FairRun, seeds: [Composition] = [], walk: Bool = true) throws -> Check {
        var tried = seeds
        if walk {
            let walked = try FaceDecomposition.decompose(probabilities, run: run)
            if let mix = walked.mix { return Check(mix: mix, cut: nil, tried: seeds + walked.tried) }
            tried += walked.tried
        }
        if run.outOfTime() { return Check(mix: nil, cut: nil, tried: tried) }
        run.report("checking by column generation whether a mix of panels attains the relaxed optimum", force: true)
        let master = try ProbabilityMaster(classes: run.classes, solver: run.solver, target: probabilities)
        try master.add(tried)
        try master.add(run.coveringPanels(known: tried).panels)
        let result = try ColumnGeneration.maximise(master, run: run, stage: nil)
        if run.stoppedEarly { return Check(mix: nil, cut: nil, tried: master.compositions) }
        if result.z >= threshold {
            var compositions: [Composition] = [], weights: [Double] = []
            for (comp, w) in zip(master.compositions, result.weights) where w > 0 { compositions.append(comp); weights.append(w) }
            let total = weights.reduce(0, +)
            return Check(mix: PanelMix(compositions: compositions, weights: weights.map { $0 / total }, byColumnGeneration: true),
                         cut: nil, tried: master.compositions)
        }
        // Not attainable: the dual prices separate the point from every panel. Their best panel bounds u·a_P.
        let u = result.classDuals
        let pointValue = zip(u, probabilities).reduce(0) { $0 + $1.0 * $1.1 }
        guard pointValue > 0, let (best, panelValue) = try run.price(result.personWeights) else {
            return Check(mix: nil, cut: nil, tried: master.compositions)
        }
        try master.add([best])
        run.report("no mix of panels attains the relaxed optimum (at most \(result.z) of it); cutting it off", force: true)
        guard panelValue < pointValue * (1 - 1e-7) else { return Check(mix: nil, cut: nil, tried: master.compositions) }
        // Scaled so that the point's side is 1; a hair of slack keeps round-off from cutting valid mixes.
        let cut = Cut(coefficients: u.map { $0 / pointValue }, bound: panelValue / pointValue + 1e-9)
        return Check(mix: nil, cut: cut, tried: master.compositions)
    }

    /// How many relaxation rounds (each adding one cut) to try before column generation over panels.
    static let maximumRounds = 20

    /// Leximin over the relaxation, cut back until its optimum is attainable: the relaxed result and its mix,
    /// or nil with every panel tried (for the fallback) when the rounds or the time run out. `bound` is the
    /// smallest relaxed maximin seen (with the most cuts): no mix of panels has a larger minimum.
    static func leximin(run: FairRun) throws -> (found: (relaxed: RelaxedLeximin.Result, mix: PanelMix, rounds: Int)?, tried: [Composition], bound: Double?) {
        var cuts: [Cut] = [], tried: [Composition] = []
        var bound: Double? = nil
        for round in 1...maximumRounds {
            guard let relaxed = try RelaxedLeximin.solve(run: run, cuts: cuts) else { break }
            bound = min(bound ?? relaxed.minimum, relaxed.minimum)
            let check = try check(relaxed.probabilities, run: run, seeds: tried, walk: round == 1)
            tried = check.tried
            if let mix = check.mix { return ((relaxed, mix, round), tried, bound) }
            guard let cut = check.cut else { break }
            cuts.append(cut)
        }
        return (nil, tried, bound)
    }
}
