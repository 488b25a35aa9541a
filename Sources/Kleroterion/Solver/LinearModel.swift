/// A linear (or mixed-integer) program, described independently of any solver.
///
/// Columns are variables with bounds, an objective coefficient and an integer flag; rows are sparse
/// linear constraints `lower ≤ Σ coefficient·x ≤ upper`. Infinite bounds mean "no bound".
public struct LinearModel: Sendable {
    /// Whether the objective is minimised or maximised.
    public enum Sense: Sendable { case minimize, maximize }

    /// One variable.
    public struct Column: Sendable, Equatable {
        public var lower: Double
        public var upper: Double
        public var objective: Double
        public var isInteger: Bool
        public init(lower: Double = 0, upper: Double = .infinity, objective: Double = 0, isInteger: Bool = false) {
            self.lower = lower; self.upper = upper; self.objective = objective; self.isInteger = isInteger
        }
    }

    /// One constraint: `lower ≤ Σ coefficients[k]·x[columns[k]] ≤ upper`.
    public struct Row: Sendable, Equatable {
        public var columns: [Int]
        public var coefficients: [Double]
        public var lower: Double
        public var upper: Double
        public init(columns: [Int], coefficients: [Double], lower: Double = -.infinity, upper: Double = .infinity) {
            precondition(columns.count == coefficients.count, "a row needs one coefficient per column")
            self.columns = columns; self.coefficients = coefficients; self.lower = lower; self.upper = upper
        }
    }

    public var sense: Sense
    public var columns: [Column] = []
    public var rows: [Row] = []

    public init(sense: Sense) { self.sense = sense }

    /// Adds a variable and returns its index.
    @discardableResult
    public mutating func addColumn(_ column: Column) -> Int {
        columns.append(column)
        return columns.count - 1
    }

    /// Adds a constraint and returns its index.
    @discardableResult
    public mutating func addRow(_ row: Row) -> Int {
        rows.append(row)
        return rows.count - 1
    }
}

/// A column to add to a running LP session, with its entries in existing rows.
public struct SparseColumn: Sendable {
    public var column: LinearModel.Column
    public var rows: [Int]
    public var coefficients: [Double]
    public init(_ column: LinearModel.Column, rows: [Int], coefficients: [Double]) {
        precondition(rows.count == coefficients.count, "a column needs one coefficient per row")
        self.column = column; self.rows = rows; self.coefficients = coefficients
    }
}

/// How a solve ended.
public enum SolveStatus: Sendable, Equatable {
    /// Proven optimal (for a MIP: at gap zero).
    case optimal
    /// No solution satisfies the constraints.
    case infeasible
    /// The objective can grow without bound.
    case unbounded
    /// The time limit stopped the solve; `values` hold the best feasible solution if `hasSolution`.
    case timeLimit(hasSolution: Bool)
}

/// What a solve returns.
public struct Solution: Sendable {
    public var status: SolveStatus
    /// The objective value (meaningful when a solution exists).
    public var objective: Double
    /// One value per column.
    public var values: [Double]
    /// One dual value (shadow price) per row; empty for MIP solves.
    public var rowDuals: [Double]

    public init(status: SolveStatus, objective: Double, values: [Double], rowDuals: [Double]) {
        self.status = status; self.objective = objective; self.values = values; self.rowDuals = rowDuals
    }
}
