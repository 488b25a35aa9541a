/// A panel described by how many people it takes from each class (sparse, sorted by class).
public struct Composition: Hashable, Sendable {
    public var classes: [Int]
    public var counts: [Int]
    public init(classes: [Int], counts: [Int]) { self.classes = classes; self.counts = counts }
    /// The panel size.
    public var total: Int { counts.reduce(0, +) }
}

/// The pricing problem of column generation: among all panels that meet the quotas and take at most one
/// person per household, find one that maximises a weighted sum of its members.
///
/// It is an integer program over classes: `y[c] ∈ {0…M_c}` people from class `c`, `Σ y = k`, quota rows
/// per feature value, and per household type with several roles `Σ_roles y ≤ M` (so the chosen people can
/// be spread over distinct households). GLPK keeps the model; each call only changes the objective, and
/// branch-and-bound runs at gap zero after a warm-started LP relaxation.
final class PanelOracle {
    let problem: SelectionProblem
    let classes: RespondentClasses
    /// The model's constraints in session order: the panel size first, then the quotas that can bind,
    /// then one row per household type with several roles. With `0 ≤ y[c] ≤ M_c` they describe the
    /// panel polytope's LP relaxation (`RelaxedLeximin`) and its faces (`FaceDecomposition`).
    let rows: [LinearModel.Row]
    private let session: any LinearProgramSession

    init(problem: SelectionProblem, classes: RespondentClasses, solver: any LinearSolver) throws {
        self.problem = problem
        self.classes = classes
        var model = LinearModel(sense: .maximize)
        for c in 0..<classes.count {
            model.addColumn(.init(lower: 0, upper: Double(classes.size(c)), objective: 0, isInteger: true))
        }
        let all = Array(0..<classes.count)
        let k = Double(problem.panelSize)
        model.addRow(.init(columns: all, coefficients: all.map { _ in 1 }, lower: k, upper: k))
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices {
                let members = all.filter { classes.category[$0][f] == v }
                let lo = Double(feature.min[v]), hi = Double(feature.max[v])
                if lo <= 0 && hi >= k { continue }   // this quota cannot bind
                model.addRow(.init(columns: members, coefficients: members.map { _ in 1 }, lower: lo, upper: hi))
            }
        }
        for type in classes.householdTypes where type.classes.count > 1 {
            model.addRow(.init(columns: type.classes, coefficients: type.classes.map { _ in 1 }, upper: Double(type.count)))
        }
        rows = model.rows
        session = try solver.session(model)
    }

    /// The best panel for per-person weights `weights[c]`, and its value `Σ weights[c]·y[c]`.
    /// Returns nil when the time limit ran out first. Throws when no panel meets the quotas.
    func best(weights: [Double], timeLimit: Double? = nil) throws -> (composition: Composition, value: Double)? {
        switch try solve(weights: weights, timeLimit: timeLimit) {
        case .found(let comp, let value): return (comp, value)
        case .timedOut: return nil
        case .noPanel:
            throw KleroterionError("no panel of \(problem.panelSize) meets all the quotas (and the one-per-household rule)",
                                   fix: "run `kleroterion check` to see which quotas conflict, or widen the quotas")
        }
    }

    /// The outcome of one pricing solve.
    enum Outcome {
        case found(Composition, value: Double)
        case timedOut
        case noPanel
    }

    /// A good panel on a face of the polytope: like `best(weights:)`, with some rows and class counts held
    /// to narrower bounds for this one solve (the bounds are restored afterwards), and branch and bound
    /// stopping within `relativeGap` of the best (the face walk needs a panel on the face, not the best one).
    func best(weights: [Double], rowBounds: [(row: Int, lower: Double, upper: Double)],
              classBounds: [(class: Int, lower: Double, upper: Double)], relativeGap: Double, timeLimit: Double? = nil) throws -> Outcome {
        for b in rowBounds { try session.setRowBounds(b.row, lower: b.lower, upper: b.upper) }
        for b in classBounds { try session.setColumnBounds(b.class, lower: b.lower, upper: b.upper) }
        defer {
            for b in rowBounds { try? session.setRowBounds(b.row, lower: rows[b.row].lower, upper: rows[b.row].upper) }
            for b in classBounds { try? session.setColumnBounds(b.class, lower: 0, upper: Double(classes.size(b.class))) }
        }
        return try solve(weights: weights, timeLimit: timeLimit, relativeGap: relativeGap)
    }

    private func solve(weights: [Double], timeLimit: Double?, relativeGap: Double = 0) throws -> Outcome {
        precondition(weights.count == classes.count)
        // GLPK's tolerances are partly absolute: scale the objective to a maximum of 1.
        let scale = weights.map(abs).max() ?? 0
        let scaled = scale > 0 ? weights.map { $0 / scale } : weights
        try session.setObjective(scaled, columns: Array(0..<classes.count))
        let solution = try session.solveMIP(timeLimit: timeLimit, relativeGap: relativeGap)
        switch solution.status {
        case .optimal: break
        case .timeLimit: return .timedOut
        case .infeasible, .unbounded: return .noPanel
        }
        var comp = Composition(classes: [], counts: [])
        var value = 0.0
        for (c, x) in solution.values.enumerated() {
            let n = Int(x.rounded())
            guard abs(x - Double(n)) < 1e-6 else {
                throw KleroterionError("internal error: GLPK returned a fractional panel (\(x) people of class \(c))")
            }
            if n > 0 { comp.classes.append(c); comp.counts.append(n); value += weights[c] * Double(n) }
        }
        try check(comp)
        return .found(comp, value: value)
    }

    /// Verifies a composition against the quotas, the panel size and the household rule.
    func check(_ comp: Composition) throws {
        var problems: [String] = []
        if comp.total != problem.panelSize { problems.append("size \(comp.total)") }
        for (f, feature) in problem.features.enumerated() {
            var seats = [Int](repeating: 0, count: feature.values.count)
            for (c, n) in zip(comp.classes, comp.counts) { seats[classes.category[c][f]] += n }
            for v in seats.indices where seats[v] < feature.min[v] || seats[v] > feature.max[v] {
                problems.append("\(feature.name)=\(feature.values[v]) has \(seats[v])")
            }
        }
        var perType = [Int](repeating: 0, count: classes.householdTypes.count)
        for (c, n) in zip(comp.classes, comp.counts) {
            if n > classes.size(c) { problems.append("class \(c) has \(n) > \(classes.size(c))") }
            perType[classes.householdType[c]] += n
        }
        for (t, n) in perType.enumerated() where n > classes.householdTypes[t].count { problems.append("household type \(t) has \(n)") }
        guard problems.isEmpty else {
            throw KleroterionError("internal error: the solver returned a panel that breaks the rules (\(problems.joined(separator: "; ")))",
                                   fix: "please report this with the input files")
        }
    }
}
