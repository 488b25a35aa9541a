/// LEXIMIN (Flanigan et al., *Nature* 596, 2021): first make the smallest chance as large as possible, then,
/// keeping that, the second smallest, and so on.
///
/// Two routes to the same optimum:
/// - First the stages are solved over the LP relaxation of the panel constraints (`RelaxedLeximin`), which is
///   fast, and the optimum is written as a mix of valid panels (`FaceDecomposition`). When that succeeds the
///   point is attainable, and since the relaxation allows everything real panels allow, it is the leximin
///   optimum itself.
/// - Otherwise, column generation over panels as in the paper: each stage is a maximin over the classes not
///   yet fixed (`ColumnGeneration.maximise`). When the pricing ILP proves the stage optimal, every class whose
///   constraint has a positive dual value sits at the stage's optimum in *every* optimal solution
///   (complementary slackness), so those classes are fixed at that value and the next stage raises the rest.
///   The master LP keeps its columns and basis across stages; fixing only changes row bounds and the `z` column.
public struct LeximinSelection: SelectionAlgorithm {
    public let name = "leximin"
    let method: FairMethod
    public init() { method = .automatic }
    init(method: FairMethod) { self.method = method }

    /// A class is fixed when its dual value exceeds this (the duals of the free classes sum to 1).
    static let dualThreshold = 1e-9

    /// The free classes a proven-optimal stage fixes at its level `level`: those with a positive dual value
    /// (complementary slackness), all of them once the level is 1 (everyone left is on every panel), and at
    /// least the one with the largest dual. `duals` is indexed by class.
    static func classesToFix(_ free: [Int], duals: [Double], level: Double) -> [Int] {
        if level >= 1 - ColumnGeneration.tolerance { return free }
        let positive = free.filter { duals[$0] > dualThreshold }
        if positive.isEmpty, let top = free.max(by: { duals[$0] < duals[$1] }) { return [top] }
        return positive
    }

    public func select(_ problem: SelectionProblem, random: SeededRandom, options: SelectionOptions) throws -> SelectionOutcome {
        let run = try FairRun(name, problem: problem, options: options)
        var tried: [Composition] = []
        if method == .automatic {
            let route = try Attainability.leximin(run: run)
            if let (relaxed, mix, rounds) = route.found {
                return run.finish(mix.compositions, weights: mix.weights, random: random, notes: [
                    .leximinRelaxation(stages: relaxed.stages, cuts: rounds - 1, compositions: mix.compositions.count,
                                       byColumnGeneration: mix.byColumnGeneration),
                ])
            }
            tried = route.tried
        }
        return try columnGeneration(run, random: random, seeds: tried)
    }

    /// `seeds`: panels already found (by the relaxation route), used as first columns.
    private func columnGeneration(_ run: FairRun, random: SeededRandom, seeds: [Composition]) throws -> SelectionOutcome {
        if method == .automatic { run.report("using column generation over panels instead", force: true) }
        let master = try ProbabilityMaster(classes: run.classes, solver: run.solver)
        try master.add(seeds)
        try master.add(run.coveringPanels(known: seeds).panels)
        var stage = 0
        var free = Array(0..<run.classes.count)
        var result = try master.solve(timeLimit: nil)!
        while !free.isEmpty {
            try run.options.checkCancelled()
            stage += 1
            result = try ColumnGeneration.maximise(master, run: run, stage: stage, previous: result)
            if run.stoppedEarly { break }
            let newly = Self.classesToFix(free, duals: result.classDuals, level: result.z)
            try master.fix(newly, at: result.z)
            let fixedSet = Set(newly)
            free = free.filter { !fixedSet.contains($0) }
            run.report("stage \(stage): fixed \(newly.count) classes at \(result.z); \(free.count) of \(run.classes.count) classes left (ILP \(run.oracleSeconds) s, LP \(run.masterSeconds) s)", force: stage == 1)
        }
        return run.finish(master.compositions, weights: result.weights, random: random,
                          notes: [.leximinColumnGeneration(stages: stage)])
    }
}

/// How a fair algorithm reaches its optimum.
enum FairMethod: Sendable {
    /// The LP relaxation first, proven attainable by `FaceDecomposition`; column generation when that fails.
    case automatic
    /// Column generation over panels only (Flanigan et al.); kept so tests can compare both routes.
    case columnGeneration
}
