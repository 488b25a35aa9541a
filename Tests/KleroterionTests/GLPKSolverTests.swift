import Testing
@testable import Kleroterion

@Suite struct GLPKSolverTests {
    /// max 3x + 2y  s.t.  x + y ≤ 4,  x + 3y ≤ 7,  x ≤ 3,  x, y ≥ 0.
    /// Optimum x = 3, y = 1, value 11; duals: 2 on the first row, 0 on the second, 1 on the third.
    func smallLP() -> LinearModel {
        var m = LinearModel(sense: .maximize)
        m.addColumn(.init(objective: 3))
        m.addColumn(.init(objective: 2))
        m.addRow(.init(columns: [0, 1], coefficients: [1, 1], upper: 4))
        m.addRow(.init(columns: [0, 1], coefficients: [1, 3], upper: 7))
        m.addRow(.init(columns: [0], coefficients: [1], upper: 3))
        return m
    }

    @Test func smallLPHasKnownOptimumAndDuals() throws {
        let s = try GLPKSolver().solveLP(smallLP())
        #expect(s.status == .optimal)
        #expect(abs(s.objective - 11) < 1e-9)
        #expect(abs(s.values[0] - 3) < 1e-9 && abs(s.values[1] - 1) < 1e-9)
        #expect(abs(s.rowDuals[0] - 2) < 1e-9)
        #expect(abs(s.rowDuals[1]) < 1e-9)
        #expect(abs(s.rowDuals[2] - 1) < 1e-9)
    }

    @Test func addingAColumnReSolvesWarm() throws {
        let session = try GLPKSolver().session(smallLP())
        _ = try session.solveLP(timeLimit: nil)
        // A new variable z with objective 5 using one unit of rows 0 and 1 takes over.
        // max 3x + 2y + 5z; x + y + z ≤ 4; x + 3y + z ≤ 7; x ≤ 3  →  z = 4, value 20.
        let range = try session.addColumns([SparseColumn(.init(objective: 5), rows: [0, 1], coefficients: [1, 1])])
        #expect(range == 2..<3)
        let s = try session.solveLP(timeLimit: nil)
        #expect(s.status == .optimal)
        #expect(abs(s.objective - 20) < 1e-9)
        #expect(abs(s.values[2] - 4) < 1e-9)
        #expect(abs(s.rowDuals[0] - 5) < 1e-9)
    }

    @Test func infeasibleAndUnboundedAreReported() throws {
        var m = LinearModel(sense: .maximize)
        m.addColumn(.init(objective: 1))
        m.addRow(.init(columns: [0], coefficients: [1], lower: 5, upper: 10))
        let session = try GLPKSolver().session(m)
        try session.setColumnBounds(0, lower: 0, upper: 2)
        #expect(try session.solveLP(timeLimit: nil).status == .infeasible)
        #expect(try session.solveMIP(timeLimit: nil).status == .infeasible)
        try session.setColumnBounds(0, lower: 0, upper: .infinity)
        try session.setRowBounds(0, lower: 5, upper: .infinity)
        #expect(try session.solveLP(timeLimit: nil).status == .unbounded)
    }

    /// 0/1 knapsack: weights 5, 4, 3, 2; values 10, 40, 30, 50; capacity 10 → items 1, 2, 3 worth 120.
    /// Its LP relaxation is worth more (135), so a wrong (relaxed) answer would show.
    @Test func knapsackMIPIsSolvedExactly() throws {
        var m = LinearModel(sense: .maximize)
        for v in [10.0, 40, 30, 50] { m.addColumn(.init(lower: 0, upper: 1, objective: v, isInteger: true)) }
        m.addRow(.init(columns: [0, 1, 2, 3], coefficients: [5, 4, 3, 2], upper: 10))
        let relaxed = try GLPKSolver().solveLP(m)
        #expect(relaxed.objective > 120 + 1)
        let s = try GLPKSolver().solveMIP(m)
        #expect(s.status == .optimal)
        #expect(abs(s.objective - 120) < 1e-9)
        #expect(s.values.map { Int($0.rounded()) } == [0, 1, 1, 1])
    }

    @Test func changingTheObjectiveReSolvesTheMIP() throws {
        var m = LinearModel(sense: .maximize)
        for v in [10.0, 40, 30, 50] { m.addColumn(.init(lower: 0, upper: 1, objective: v, isInteger: true)) }
        m.addRow(.init(columns: [0, 1, 2, 3], coefficients: [5, 4, 3, 2], upper: 10))
        let session = try GLPKSolver().session(m)
        _ = try session.solveMIP(timeLimit: nil)
        try session.setObjective([100, 1, 1, 1], columns: [0, 1, 2, 3])
        let s = try session.solveMIP(timeLimit: nil)
        // Item 0 (weight 5) plus the best of the rest within 5: items 2 and 3 (weights 3 + 2).
        #expect(abs(s.objective - 102) < 1e-9)
        #expect(s.values.map { Int($0.rounded()) } == [1, 0, 1, 1])
    }

    /// With a relative gap, branch and bound may stop at a feasible solution proven within that gap of the best
    /// (GLPK then returns GLP_EMIPGAP, which must read as success, not as an error).
    @Test func aRelativeGapGivesAFeasibleSolutionWithinTheGap() throws {
        var m = LinearModel(sense: .maximize)
        let values = (0..<40).map { Double(17 + ($0 * 37) % 53) }, weights = (0..<40).map { Double(11 + ($0 * 29) % 41) }
        for v in values { m.addColumn(.init(lower: 0, upper: 1, objective: v, isInteger: true)) }
        m.addRow(.init(columns: Array(0..<40), coefficients: weights, upper: 300))
        let exact = try GLPKSolver().session(m).solveMIP(timeLimit: nil)
        let rough = try GLPKSolver().session(m).solveMIP(timeLimit: nil, relativeGap: 0.5)
        #expect(exact.status == .optimal && rough.status == .optimal)
        let chosen = rough.values.map { $0.rounded() }
        #expect(zip(chosen, weights).reduce(0) { $0 + $1.0 * $1.1 } <= 300)
        #expect(rough.objective >= 0.5 * exact.objective - 1e-9 && rough.objective <= exact.objective + 1e-9)
    }

    @Test func badInputBecomesAnErrorNotACrash() throws {
        var m = LinearModel(sense: .minimize)
        m.addColumn(.init())
        m.addRow(.init(columns: [0, 0], coefficients: [1, 2], upper: 1))
        #expect(throws: KleroterionError.self) { try GLPKSolver().session(m) }
        let session = try GLPKSolver().session(LinearModel(sense: .minimize))
        #expect(throws: KleroterionError.self) { try session.setColumnBounds(3, lower: 0, upper: 1) }
        #expect(throws: KleroterionError.self) { try session.addColumns([SparseColumn(.init(lower: 2, upper: 1), rows: [], coefficients: [])]) }
    }
}
