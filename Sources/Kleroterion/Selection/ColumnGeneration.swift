import Foundation

/// The master LP of column generation over panel compositions (Flanigan et al., *Nature* 2021).
///
///     maximise z
///     Σ_j (y_jc / M_c) λ_j − z ≥ 0          for every class c not yet fixed
///     Σ_j (y_jc / M_c) λ_j     ≥ fixed_c    for every fixed class c
///     Σ_j λ_j = 1,  λ ≥ 0
///
/// `y_jc / M_c` is the chance of a member of class `c` in panel composition `j` (one of its `M_c` members,
/// by symmetry). Columns are only ever added, and each solve starts from the previous basis.
final class ProbabilityMaster {
    let classes: RespondentClasses
    private var session: any LinearProgramSession
    private(set) var compositions: [Composition] = []
    private var known: Set<Composition> = []
    /// The fixed chance per class (nil while the class still takes part in the maximin).
    private(set) var fixed: [Double?]
    private let convexityRow: Int

    /// The result of one master solve.
    struct Result {
        var z: Double
        var weights: [Double]        // λ per composition
        var personWeights: [Double]  // the pricing weight per person of each class: −dual_c / M_c
        var convexityDual: Double
        var classDuals: [Double]     // −dual_c ≥ 0
    }

    /// With `target`, the rows read `Σ_j (y_jc / M_c) λ_j − target_c · z ≥ 0` instead: z = 1 is reachable exactly
    /// when some mix of panels gives every class at least (so, summing to the panel size, exactly) its target
    /// chance. `Attainability` uses this to check a point of the relaxation that the face walk could not split.
    init(classes: RespondentClasses, solver: any LinearSolver, target: [Double]? = nil) throws {
        self.classes = classes
        self.fixed = Array(repeating: nil, count: classes.count)
        var model = LinearModel(sense: .maximize)
        let c = classes.count
        model.addColumn(.init(lower: 0, upper: 1, objective: 1))   // z
        for k in 0..<c { model.addRow(.init(columns: [0], coefficients: [-(target?[k] ?? 1)], lower: 0)) }
        convexityRow = model.addRow(.init(columns: [], coefficients: [], lower: 1, upper: 1))
        session = try solver.session(model)
    }

    /// Adds compositions not yet present; returns how many were new.
    @discardableResult
    func add(_ new: [Composition]) throws -> Int {
        var columns: [SparseColumn] = []
        for comp in new where known.insert(comp).inserted {
            compositions.append(comp)
            var rows = comp.classes, coefs = zip(comp.classes, comp.counts).map { Double($1) / Double(classes.size($0)) }
            rows.append(convexityRow); coefs.append(1)
            columns.append(SparseColumn(.init(lower: 0, upper: .infinity, objective: 0), rows: rows, coefficients: coefs))
        }
        try session.addColumns(columns)
        return columns.count
    }

    func contains(_ comp: Composition) -> Bool { known.contains(comp) }

    /// Fixes the chance of some classes (they leave the maximin) at `value` minus a tiny slack for rounding.
    func fix(_ newly: [Int], at value: Double) throws {
        for c in newly {
            fixed[c] = max(0, value - ProbabilityMaster.fixingSlack)
            try session.setRowBounds(c, lower: fixed[c]!, upper: .infinity)
        }
        let free = (0..<classes.count).filter { fixed[$0] == nil }
        try session.setColumnEntries(0, rows: free, coefficients: free.map { _ in -1 })
        if free.isEmpty { try session.setColumnBounds(0, lower: 0, upper: 0) }
    }

    /// Slack given to fixed chances so that later stages stay feasible despite rounding.
    static let fixingSlack = 1e-9

    /// Solves the master LP; nil when the time limit ran out first.
    func solve(timeLimit: Double? = nil) throws -> Result? {
        var s = try session.solveLP(timeLimit: timeLimit)
        if s.status == .timeLimit(hasSolution: false) { return nil }
        if s.status != .optimal, s.status != .timeLimit(hasSolution: false) {
            // Round-off after a change of the matrix can leave GLPK on a bad basis: start once more afresh.
            session.resetBasis()
            s = try session.solveLP(timeLimit: timeLimit)
        }
        guard s.status == .optimal else {
            throw KleroterionError("internal error: the master LP ended as \(s.status)", fix: "please report this with the input files")
        }
        let duals = (0..<classes.count).map { max(0, -s.rowDuals[$0]) }
        return Result(z: s.values[0],
                      weights: Array(s.values[1...]),
                      personWeights: duals.enumerated().map { $1 / Double(classes.size($0)) },
                      convexityDual: s.rowDuals[convexityRow],
                      classDuals: duals)
    }
}
