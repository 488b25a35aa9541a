import Foundation

/// Settles whether a point of the relaxed panel polytope (chances per class) is a mix of valid panels, and
/// if so finds the mix.
///
/// The face walk (`FaceDecomposition`) is tried first: it only solves small ILPs. It can get stuck even when
/// the point is attainable, because it steps to the edge of the relaxation, which may lie outside the panels'
/// hull. Then column generation decides it: maximise z such that a mix of panels gives every class at least
/// z times its target chance (`ProbabilityMaster` with a target), starting from the panels the walk found.
/// z reaches 1 exactly when the point is attainable; if it stays below, the pricing ILP has proven that it
/// is not, and the caller must use column generation over panels for the whole optimisation.
enum Attainability {
    /// z at or above this counts as attaining the target (each chance within about 1e-7 of it).
    static let threshold = 1 - 1e-7

    /// The mix, or nil together with every panel tried (as first columns for the caller's fallback).
    static func mix(for probabilities: [Double], run: FairRun) throws -> (mix: PanelMix?, tried: [Composition]) {
        let walk = try FaceDecomposition.decompose(probabilities, run: run)
        if let mix = walk.mix { return (mix, walk.tried) }
        if run.outOfTime() { return (nil, walk.tried) }
        run.report("checking by column generation whether a mix of panels attains the relaxed optimum", force: true)
        let master = try ProbabilityMaster(classes: run.classes, solver: run.solver, target: probabilities)
        try master.add(walk.tried)
        try master.add(run.coveringPanels().panels)
        let result = try ColumnGeneration.maximise(master, run: run, stage: nil)
        guard !run.stoppedEarly, result.z >= threshold else {
            if !run.stoppedEarly { run.report("no mix of panels attains the relaxed optimum (at most \(result.z) of it)", force: true) }
            return (nil, master.compositions)
        }
        var compositions: [Composition] = [], weights: [Double] = []
        for (comp, w) in zip(master.compositions, result.weights) where w > 0 { compositions.append(comp); weights.append(w) }
        let total = weights.reduce(0, +)
        return (PanelMix(compositions: compositions, weights: weights.map { $0 / total }, byColumnGeneration: true), master.compositions)
    }
}
