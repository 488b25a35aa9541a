import CGLPK
import Foundation

/// The GNU Linear Programming Kit (GPL-3, like GSL) behind `LinearSolver`.
///
/// GLPK keeps its environment per thread, so a session must be used on the thread that made it.
/// Terminal output is switched off; every return code and status is checked and turned into a
/// `KleroterionError` (or a `SolveStatus` the caller decides about).
public struct GLPKSolver: LinearSolver {
    public init() {}
    public var name: String { "GLPK \(String(cString: glp_version()))" }

    public func session(_ model: LinearModel) throws -> any LinearProgramSession {
        try GLPKSession(model)
    }
}

/// One GLPK problem object. Indices are 0-based here and 1-based inside GLPK.
public final class GLPKSession: LinearProgramSession {
    let problem: OpaquePointer
    public var simplexMethod = SimplexMethod.primal
    /// Simplex pivots made by this session (for profiling).
    public private(set) var pivots = 0
    public private(set) var columnCount = 0
    public private(set) var rowCount = 0
    private var integerColumns = 0

    public init(_ model: LinearModel) throws {
        _ = glp_term_out(GLP_OFF)
        guard let p = glp_create_prob() else { throw KleroterionError("GLPK could not create a problem (out of memory)") }
        problem = p
        glp_set_obj_dir(p, model.sense == .maximize ? GLP_MAX : GLP_MIN)
        try addRowsWithoutEntries(model.rows)
        try addColumns(model.columns.map { SparseColumn($0, rows: [], coefficients: []) })
        // Load the matrix row by row.
        for (i, row) in model.rows.enumerated() where !row.columns.isEmpty {
            try setRowEntries(i, columns: row.columns, coefficients: row.coefficients)
        }
    }

    deinit { glp_delete_prob(problem) }

    // MARK: building

    @discardableResult
    public func addColumns(_ columns: [SparseColumn]) throws -> Range<Int> {
        let start = columnCount
        guard !columns.isEmpty else { return start..<start }
        for c in columns { _ = try Self.boundType(c.column.lower, c.column.upper) }
        glp_add_cols(problem, Int32(columns.count))
        columnCount += columns.count
        for (k, c) in columns.enumerated() {
            let j = start + k
            try setColumnBounds(j, lower: c.column.lower, upper: c.column.upper)
            glp_set_obj_coef(problem, Int32(j + 1), c.column.objective)
            if c.column.isInteger { glp_set_col_kind(problem, Int32(j + 1), GLP_IV); integerColumns += 1 }
            if !c.rows.isEmpty { try setColumnEntries(j, rows: c.rows, coefficients: c.coefficients) }
        }
        return start..<columnCount
    }

    @discardableResult
    public func addRows(_ rows: [LinearModel.Row]) throws -> Range<Int> {
        let range = try addRowsWithoutEntries(rows)
        for (k, row) in rows.enumerated() where !row.columns.isEmpty {
            try setRowEntries(range.lowerBound + k, columns: row.columns, coefficients: row.coefficients)
        }
        return range
    }

    @discardableResult
    private func addRowsWithoutEntries(_ rows: [LinearModel.Row]) throws -> Range<Int> {
        let start = rowCount
        guard !rows.isEmpty else { return start..<start }
        for r in rows { _ = try Self.boundType(r.lower, r.upper) }
        glp_add_rows(problem, Int32(rows.count))
        rowCount += rows.count
        for (k, row) in rows.enumerated() { try setRowBounds(start + k, lower: row.lower, upper: row.upper) }
        return start..<rowCount
    }

    public func setObjective(_ coefficients: [Double], columns: [Int]) throws {
        precondition(coefficients.count == columns.count)
        for (j, c) in zip(columns, coefficients) {
            try checkColumn(j)
            guard c.isFinite else { throw KleroterionError("internal error: objective coefficient \(c) is not finite") }
            glp_set_obj_coef(problem, Int32(j + 1), c)
        }
    }

    public func setColumnBounds(_ column: Int, lower: Double, upper: Double) throws {
        try checkColumn(column)
        let (type, lo, up) = try Self.boundType(lower, upper)
        glp_set_col_bnds(problem, Int32(column + 1), type, lo, up)
    }

    public func setRowBounds(_ row: Int, lower: Double, upper: Double) throws {
        guard row >= 0 && row < rowCount else { throw KleroterionError("internal error: LP row \(row) does not exist") }
        let (type, lo, up) = try Self.boundType(lower, upper)
        glp_set_row_bnds(problem, Int32(row + 1), type, lo, up)
    }

    public func setColumnEntries(_ column: Int, rows: [Int], coefficients: [Double]) throws {
        try checkColumn(column)
        let (ind, val) = try entries(rows, coefficients, limit: rowCount, what: "row")
        ind.withUnsafeBufferPointer { i in
            val.withUnsafeBufferPointer { v in
                glp_set_mat_col(problem, Int32(column + 1), Int32(ind.count - 1), i.baseAddress, v.baseAddress)
            }
        }
    }

    public func setRowEntries(_ row: Int, columns: [Int], coefficients: [Double]) throws {
        let (ind, val) = try entries(columns, coefficients, limit: columnCount, what: "column")
        ind.withUnsafeBufferPointer { i in
            val.withUnsafeBufferPointer { v in
                glp_set_mat_row(problem, Int32(row + 1), Int32(ind.count - 1), i.baseAddress, v.baseAddress)
            }
        }
    }

    /// GLPK's 1-based index/value arrays (element 0 unused). GLPK aborts the process on duplicate or
    /// out-of-range indices, so they are checked here first.
    private func entries(_ index: [Int], _ values: [Double], limit: Int, what: String) throws -> ([Int32], [Double]) {
        var ind: [Int32] = [0], val: [Double] = [0]
        var seen = Set<Int>()
        for (i, v) in zip(index, values) where v != 0 {
            guard i >= 0 && i < limit else { throw KleroterionError("internal error: LP \(what) \(i) does not exist") }
            guard v.isFinite else { throw KleroterionError("internal error: LP coefficient \(v) is not finite") }
            guard seen.insert(i).inserted else { throw KleroterionError("internal error: LP \(what) \(i) given twice") }
            ind.append(Int32(i + 1)); val.append(v)
        }
        return (ind, val)
    }

    private func checkColumn(_ j: Int) throws {
        guard j >= 0 && j < columnCount else { throw KleroterionError("internal error: LP column \(j) does not exist") }
    }

    private static func boundType(_ lower: Double, _ upper: Double) throws -> (Int32, Double, Double) {
        guard !lower.isNaN, !upper.isNaN, lower <= upper, lower < .infinity, upper > -.infinity else {
            throw KleroterionError("internal error: LP bounds [\(lower), \(upper)] are empty")
        }
        switch (lower.isFinite, upper.isFinite) {
        case (false, false): return (GLP_FR, 0, 0)
        case (true, false): return (GLP_LO, lower, 0)
        case (false, true): return (GLP_UP, 0, upper)
        case (true, true): return (lower == upper ? GLP_FX : GLP_DB, lower, upper)
        }
    }

    // MARK: solving

    public func solveLP(timeLimit: Double? = nil) throws -> Solution {
        var parm = glp_smcp()
        glp_init_smcp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.presolve = GLP_OFF   // keep the basis: warm starts need it
        if simplexMethod == .dual { parm.meth = GLP_DUALP }   // dual simplex; GLPK falls back to primal if needed
        if let timeLimit { parm.tm_lim = Self.milliseconds(timeLimit) }
        // A warm re-solve should need few pivots; on degenerate LPs GLPK can stall for minutes instead.
        parm.it_lim = Int32(clamping: max(20_000, 20 * (rowCount + columnCount)))
        let before = glp_get_it_cnt(problem)
        var code = glp_simplex(problem, &parm)
        /// Starts again from an advanced basis, with the primal simplex and the textbook pivot rules.
        func restart() {
            parm.meth = GLP_PRIMAL
            parm.pricing = GLP_PT_STD
            parm.r_test = GLP_RT_STD
            parm.it_lim = Int32.max
            glp_adv_basis(problem, 0)
            code = glp_simplex(problem, &parm)
        }
        // The old basis went bad (after changing the matrix, or round-off piled up) or the simplex stalled.
        if code == GLP_EBADB || code == GLP_ESING || code == GLP_ECOND || code == GLP_EFAIL || code == GLP_EITLIM { restart() }
        // GLPK 5.0 can report "optimal" for a solution that breaks a constraint after a warm start from a basis
        // whose columns were changed (seen in leximin stages: the convexity row off by 0.08, found by glp_check_kkt).
        if code == 0, glp_get_status(problem) == GLP_OPT, primalError() > 1e-6 { restart() }
        pivots += Int(glp_get_it_cnt(problem) - before)
        if code == GLP_ETMLIM {
            return Solution(status: .timeLimit(hasSolution: false), objective: .nan, values: [], rowDuals: [])
        }
        guard code == 0 else { throw Self.failure("simplex", code) }
        switch glp_get_status(problem) {
        case GLP_OPT:
            return Solution(status: .optimal, objective: glp_get_obj_val(problem),
                            values: (0..<columnCount).map { glp_get_col_prim(problem, Int32($0 + 1)) },
                            rowDuals: (0..<rowCount).map { glp_get_row_dual(problem, Int32($0 + 1)) })
        case GLP_NOFEAS, GLP_INFEAS:
            return Solution(status: .infeasible, objective: .nan, values: [], rowDuals: [])
        case GLP_UNBND:
            return Solution(status: .unbounded, objective: .nan, values: [], rowDuals: [])
        case let status:
            throw KleroterionError("GLPK's simplex ended with the undefined status \(status)",
                                   fix: "this is a bug in Kleroterion or GLPK; please report it with the input files")
        }
    }

    public func solveMIP(timeLimit: Double? = nil, relativeGap: Double = 0) throws -> Solution {
        let start = Date()
        // glp_intopt without presolve needs an optimal LP relaxation first; it is re-solved warm.
        let relaxation = try solveLP(timeLimit: timeLimit)
        switch relaxation.status {
        case .optimal: break
        case .infeasible, .unbounded: return relaxation
        case .timeLimit: return relaxation
        }
        var parm = glp_iocp()
        glp_init_iocp(&parm)
        parm.msg_lev = GLP_MSG_OFF
        parm.mip_gap = relativeGap   // 0 (the default): exact, no gap tolerated
        parm.presolve = GLP_OFF
        // Gomory's mixed-integer cuts at the root for exact solves: with near-exact quotas, plain branch and bound
        // can stall at a gap of 0.2% for minutes on a pricing ILP that the cuts close at once (docs/algorithms.md).
        // With a gap to spare (the face walk) they cost more than they save.
        parm.gmi_cuts = relativeGap > 0 ? GLP_OFF : GLP_ON
        // With a gap to spare, branch on the most fractional variable. GLPK's default (Driebeck and Tomlin's
        // heuristic) computes a row of the simplex tableau and a dual ratio test for every fractional variable
        // at every node, which was about half of the face walk's time on the national bench shape (2,263
        // classes); the walk needs any panel on the face, and took 26 instead of 47 CPU s (docs/algorithms.md).
        if relativeGap > 0 { parm.br_tech = GLP_BR_MFV }
        if let timeLimit { parm.tm_lim = Self.milliseconds(max(0.001, timeLimit - Date().timeIntervalSince(start))) }
        let code = glp_intopt(problem, &parm)
        let status = glp_mip_status(problem)
        let values = { (0..<self.columnCount).map { glp_mip_col_val(self.problem, Int32($0 + 1)) } }
        if code == GLP_ETMLIM || code == GLP_ESTOP {
            let has = status == GLP_FEAS || status == GLP_OPT
            return Solution(status: .timeLimit(hasSolution: has), objective: has ? glp_mip_obj_val(problem) : .nan,
                            values: has ? values() : [], rowDuals: [])
        }
        if code == GLP_ENOPFS { return Solution(status: .infeasible, objective: .nan, values: [], rowDuals: []) }
        if code == GLP_ENODFS { return Solution(status: .unbounded, objective: .nan, values: [], rowDuals: []) }
        if code == GLP_EMIPGAP, relativeGap > 0, status == GLP_FEAS {
            return Solution(status: .optimal, objective: glp_mip_obj_val(problem), values: values(), rowDuals: [])
        }
        guard code == 0 else { throw Self.failure("branch-and-bound", code) }
        switch status {
        case GLP_OPT:
            return Solution(status: .optimal, objective: glp_mip_obj_val(problem), values: values(), rowDuals: [])
        case GLP_NOFEAS:
            return Solution(status: .infeasible, objective: .nan, values: [], rowDuals: [])
        case let status:
            throw KleroterionError("GLPK's branch-and-bound ended with status \(status), not a proven optimum",
                                   fix: "this is a bug in Kleroterion or GLPK; please report it with the input files")
        }
    }

    public func resetBasis() { glp_adv_basis(problem, 0) }

    /// The largest relative violation of a row or column bound by the current basic solution (GLPK's own check).
    private func primalError() -> Double {
        var absolute = 0.0, relative = 0.0
        var absoluteAt: Int32 = 0, relativeAt: Int32 = 0
        glp_check_kkt(problem, GLP_SOL, GLP_KKT_PE, &absolute, &absoluteAt, &relative, &relativeAt)
        return relative
    }

    private static func milliseconds(_ seconds: Double) -> Int32 {
        Int32(clamping: Int((max(seconds, 0.001) * 1000).rounded(.up)))
    }

    private static func failure(_ what: String, _ code: Int32) -> KleroterionError {
        let reason: String
        switch code {
        case GLP_EBADB: reason = "the initial basis is invalid"
        case GLP_ESING: reason = "the basis matrix is singular"
        case GLP_ECOND: reason = "the basis matrix is ill-conditioned"
        case GLP_EBOUND: reason = "a variable has incorrect bounds"
        case GLP_EFAIL: reason = "the solver failed numerically"
        case GLP_EROOT: reason = "the LP relaxation was not solved to optimality first"
        case GLP_EMIPGAP: reason = "the gap tolerance was reached"
        default: reason = "error code \(code)"
        }
        return KleroterionError("GLPK's \(what) failed: \(reason)",
                                fix: "this is a bug in Kleroterion or GLPK; please report it with the input files")
    }
}
