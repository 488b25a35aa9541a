/// MAXIMIN: the distribution over valid panels that makes the smallest selection chance as large as possible.
///
/// One stage of leximin: column generation on the master LP (`ProbabilityMaster`) with the pricing ILP
/// (`PanelOracle`) until the ILP proves that no panel can raise the minimum further. The result is optimal
/// for the minimum only; the other chances are whatever the LP's final basis gives.
public struct MaximinSelection: SelectionAlgorithm {
    public let name = "maximin"
    public init() {}

    public func select(_ problem: SelectionProblem, random: SeededRandom, options: SelectionOptions) throws -> SelectionOutcome {
        let run = try FairRun(name, problem: problem, options: options)
        let master = try ProbabilityMaster(classes: run.classes, solver: run.solver)
        try master.add(run.coveringPanels().panels)
        let result = try ColumnGeneration.maximise(master, run: run, stage: nil)
        run.report("done: minimum probability \(result.z)", force: true)
        return run.finish(master.compositions, weights: result.weights, random: random,
                          notes: ["Maximin: the smallest chance is \(result.z), proven optimal within \(ColumnGeneration.tolerance) by the pricing ILP."].filter { _ in !run.stoppedEarly })
    }
}

/// The column-generation loop shared by maximin and each leximin stage.
enum ColumnGeneration {
    /// A column is added while the pricing ILP finds a panel whose reduced cost exceeds this. By LP duality
    /// the stage optimum is then within this of the LP value.
    static let tolerance = 1e-9

    /// Adds the pricing ILP's best panel until none improves the master LP; returns the last master solution.
    static func maximise(_ master: ProbabilityMaster, run: FairRun, stage: Int?) throws -> ProbabilityMaster.Result {
        var result = try master.solve(timeLimit: run.remaining)
        var iteration = 0
        while true {
            iteration += 1
            guard let (comp, value) = try run.price(result.personWeights) else { break }
            let improvement = value - result.convexityDual
            run.report((stage.map { "stage \($0), " } ?? "") + "iteration \(iteration), minimum probability \(result.z), bound \(result.z + max(0, improvement))")
            if improvement <= tolerance { break }
            if try master.add([comp]) == 0 { break }   // already present: only round-off is left
            result = try master.solve(timeLimit: nil)
        }
        return result
    }
}
