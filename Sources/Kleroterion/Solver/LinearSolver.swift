/// A linear-programming backend (GLPK today; HiGHS could slot in once Debian ships it).
///
/// Algorithms talk only to these protocols, so the backend can change without touching them.
public protocol LinearSolver: Sendable {
    /// A short name for messages, e.g. "GLPK 5.0".
    var name: String { get }
    /// Loads a model into a session that can be changed and re-solved from its last basis.
    func session(_ model: LinearModel) throws -> any LinearProgramSession
}

extension LinearSolver {
    /// Solves the LP relaxation (integer flags ignored) once.
    public func solveLP(_ model: LinearModel, timeLimit: Double? = nil) throws -> Solution {
        try session(model).solveLP(timeLimit: timeLimit)
    }

    /// Solves the model with its integer flags, exactly (relative gap zero).
    public func solveMIP(_ model: LinearModel, timeLimit: Double? = nil) throws -> Solution {
        try session(model).solveMIP(timeLimit: timeLimit)
    }
}

/// The simplex variant a session uses.
public enum SimplexMethod: Sendable { case primal, dual }

/// A model held inside the solver, so that it can grow and be re-solved warm.
///
/// Column generation adds columns (panels) and re-solves from the previous optimal basis with the simplex
/// method; the pricing problem keeps its constraints and only changes its objective. Nothing is rebuilt.
public protocol LinearProgramSession: AnyObject {
    var columnCount: Int { get }
    var rowCount: Int { get }
    /// Appends columns; returns the indices they got.
    @discardableResult func addColumns(_ columns: [SparseColumn]) throws -> Range<Int>
    /// Appends rows; returns the indices they got.
    @discardableResult func addRows(_ rows: [LinearModel.Row]) throws -> Range<Int>
    /// Changes objective coefficients.
    func setObjective(_ coefficients: [Double], columns: [Int]) throws
    /// Changes one column's bounds.
    func setColumnBounds(_ column: Int, lower: Double, upper: Double) throws
    /// Changes one row's bounds.
    func setRowBounds(_ row: Int, lower: Double, upper: Double) throws
    /// Replaces all entries of one column of the constraint matrix.
    func setColumnEntries(_ column: Int, rows: [Int], coefficients: [Double]) throws
    /// Replaces all entries of one row of the constraint matrix.
    func setRowEntries(_ row: Int, columns: [Int], coefficients: [Double]) throws
    /// Which simplex method the next LP solves start with. After adding rows (cuts) the old basis stays
    /// dual feasible, so the dual simplex re-solves it in few pivots; after adding columns, the primal.
    var simplexMethod: SimplexMethod { get set }
    /// Forgets the current basis (the next solve starts from a fresh crash basis).
    func resetBasis()
    /// Solves the LP relaxation with the simplex method, starting from the current basis.
    func solveLP(timeLimit: Double?) throws -> Solution
    /// Solves with integer flags (branch and bound after an LP relaxation), stopping once the best solution is
    /// proven within `relativeGap` of the optimum. Zero means exact; `.optimal` then means "within the gap".
    func solveMIP(timeLimit: Double?, relativeGap: Double) throws -> Solution
}

extension LinearProgramSession {
    /// Solves with integer flags exactly (relative gap zero).
    public func solveMIP(timeLimit: Double?) throws -> Solution { try solveMIP(timeLimit: timeLimit, relativeGap: 0) }
}
