/// Re-derives the fair chances from a commitment's published files and compares them with the lottery.
///
/// Why: hashes only prove that nothing changed after the commitment. Whoever ran `commit` could have written any
/// lottery, with a `probabilities.csv` to match. So `verify` solves the same problem again from `members.csv`,
/// `quotas.csv` and the manifest's settings, and never reads the published `optimal_probability` as a fact.
/// LEXIMIN's per-person chances are unique (any exact solver gets the same vector), so every respondent's share of
/// the m panels must lie within the announced rounding bound of their recomputed chance. MAXIMIN fixes only the
/// smallest chance (many distributions reach it), so there the check is that nobody's share falls below it by
/// more than the bound.
public enum FairnessCheck {
    /// How far apart two exact solvers may put one chance (GLPK's and HiGHS's feasibility tolerances are 1e-7–1e-9;
    /// the LEXIMIN stages compound them a little).
    public static let solverTolerance = 1e-6

    /// One respondent whose share of the lottery is further from their fair chance than the bound allows.
    public struct Deviation: Sendable, Equatable {
        public var pseudonym: String
        public var lottery: Double
        public var fair: Double
    }

    /// What the recomputation found.
    public struct Result: Sendable {
        /// Each respondent's recomputed fair chance (by `members.csv` row).
        public var fair: [Double]
        /// The recomputed minimum chance (the maximin value, LEXIMIN's first level).
        public var minimum: Double
        /// Each respondent's share of the lottery's panels.
        public var lottery: [Double]
        /// The tolerance used: the announced bound plus `solverTolerance`.
        public var tolerance: Double
        /// Everyone beyond it, the largest deviation first.
        public var deviations: [Deviation]
        /// The largest |lottery − fair| (LEXIMIN) or shortfall below the minimum (MAXIMIN).
        public var largest: Double
    }

    /// The recomputed fair chances of `problem` under `algorithm` (leximin or maximin), without a time limit.
    public static func fairChances(_ problem: SelectionProblem, algorithm: String) throws -> [Double] {
        let outcome = try SelectionAlgorithms.named(algorithm)
            .select(problem, random: try SeededRandom(seed: "kleroterion commit", purpose: "distribution"), options: SelectionOptions())
        return outcome.probabilities.values
    }

    /// Compares the lottery (each person's panel count `counts` out of `panelCount`) with the recomputed chances.
    public static func check(_ problem: SelectionProblem, algorithm: String, counts: [Int], panelCount: Int, bound: Double) throws -> Result {
        let fair = try fairChances(problem, algorithm: algorithm)
        let lottery = counts.map { Double($0) / Double(panelCount) }
        let minimum = fair.min() ?? 0
        let tolerance = bound + solverTolerance
        var gaps: [(Int, Double)] = []
        for i in 0..<problem.count {
            let gap = algorithm == "maximin" ? max(0, minimum - lottery[i]) : abs(lottery[i] - fair[i])
            gaps.append((i, gap))
        }
        gaps.sort { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
        let deviations = gaps.filter { $0.1 > tolerance }.map {
            Deviation(pseudonym: problem.ids[$0.0], lottery: lottery[$0.0], fair: algorithm == "maximin" ? minimum : fair[$0.0])
        }
        return Result(fair: fair, minimum: minimum, lottery: lottery, tolerance: tolerance, deviations: deviations, largest: gaps.first?.1 ?? 0)
    }
}
