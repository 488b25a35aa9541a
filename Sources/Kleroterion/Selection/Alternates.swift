import Foundation

/// Alternates drawn with the panel: respondents not on the panel, ranked, who take the seats of members who drop out.
///
/// The method of Assos, Baharav, Flanigan & Procaccia ("Alternates, Assemble!", EC 2025): given the drawn panel and
/// each member's drop-out probability, choose the `A` alternates that minimise the *expected misrepresentation*
/// after drop-outs and the best replacement from the alternates. On small panels (`exactUpTo`) the expectation is
/// taken over every drop-out pattern with its exact probability and one integer program decides the alternates and,
/// per pattern, which of them replace (exact; the brute-force tests check it; `docs/alternates.md` writes it out).
/// Larger panels use a seeded sample of patterns (the paper's sample-average approximation) and a greedy choice
/// (`AlternatesGreedy.swift`, which says why). The program:
///
/// - `x[u]` alternates from unit `u` (interchangeable candidates share a unit, `CandidateUnits`), `Σ x = A`;
/// - per pattern `s`: `y[s][u] ≤ x[u]` replacements from unit `u`, at most as many as there are drop-outs;
/// - per pattern and feature value: shortfall, excess and distance to the target, weighted by the pattern's
///   probability in the objective (`Misrepresentation.score`).
///
/// The panel itself is not touched, so everybody's chance of being on the panel stays what the fair algorithm gave.
/// Candidates: nobody on the panel, nobody living with a panel member, at most one alternate per household.
public enum Alternates {
    /// What was chosen, and how good it is under the drop-out patterns used.
    public struct Choice: Sendable {
        /// The alternates in rank order (1 first), as person indices.
        public var ranked: [Int]
        /// Expected misrepresentation with these alternates (over the patterns the program used).
        public var expected: Misrepresentation
        /// Expected misrepresentation with no alternates (the drop-outs' seats stay empty).
        public var withoutAlternates: Misrepresentation
        /// How many patterns the program used, and whether they were every pattern (exact) or a sample.
        public var patterns: Int
        public var exact: Bool
        /// Per person: the chance of being chosen as an alternate *given this panel* (units are filled uniformly).
        public var conditionalChance: [Double]
        /// False when the solver's time limit stopped before optimality was proven (the best set found is used).
        public var provenOptimal: Bool
    }

    /// Patterns are enumerated exactly, and the program used, up to this many members with a drop-out rate strictly
    /// between 0 and 1 (2^8 = 256 patterns). Measured: with 10 (1,024 patterns), `select --alternates 3` on a pool of 40
    /// did not finish in 7 minutes in a debug build, the program being solved for every panel of the distribution.
    public static let exactUpTo = 8
    /// Sampled patterns for larger panels.
    public static let sampledPatterns = 60

    /// Chooses `count` alternates for `panel`.
    ///
    /// `random` draws the patterns (when sampled) and which people of a unit become alternates; use the stream
    /// with purpose `alternates` (`docs/randomness.md`). `useProgram: false` takes the greedy route even where the
    /// patterns are exact: `commit` does, because its alternates must be recomputed identically by `verify` with no
    /// solver whose choice among equally good sets could differ between versions (`LotteryAlternates`).
    public static func choose(problem: SelectionProblem, panel: [Int], rates: [Double], count: Int, targets: [[Double]],
                              random: SeededRandom, patterns given: [DropoutPattern]? = nil, useProgram: Bool = true,
                              solver: any LinearSolver = GLPKSolver(), timeLimit: Double = 60, evaluate: Bool = true) throws -> Choice {
        let onPanel = Set(panel)
        let panelHomes = Set(panel.map { problem.household[$0] })
        let candidates = (0..<problem.count).filter { !onPanel.contains($0) && !panelHomes.contains(problem.household[$0]) }
        let units = CandidateUnits(problem: problem, candidates: candidates)
        let shared = Set(units.householdRows.joined())
        let available = units.people.indices.reduce(units.householdRows.count) { $0 + (shared.contains($1) ? 0 : units.people[$1].count) }
        guard count <= available else {
            throw KleroterionError("only \(available) respondents can be alternates (not on the panel, not living with a member, one per address), fewer than the \(count) asked for",
                                   fix: "ask for at most \(available) alternates with --alternates")
        }
        // Members whose drop-out is uncertain: each doubles the number of patterns.
        let variable = panel.filter { rates[$0] > 0 && rates[$0] < 1 }.count
        let exact = given == nil && variable <= exactUpTo
        let raw = given ?? (exact ? DropoutPattern.all(panel: panel, rates: rates)
                                  : DropoutPattern.sample(panel: panel, rates: rates, runs: sampledPatterns, random: random))
        let patterns = merge(raw, problem: problem)
        let panelCounts = Misrepresentation.counts(panel, problem: problem)

        var without = Misrepresentation()
        for p in patterns {
            without = without + p.weight * Misrepresentation.of(counts: subtract(panelCounts, p.dropouts, problem), problem: problem, targets: targets)
        }
        let (taken, use, proven) = (exact || given != nil) && useProgram
            ? try program(problem: problem, units: units, patterns: patterns, panelCounts: panelCounts, count: count, targets: targets,
                          solver: solver, timeLimit: timeLimit)
            : greedy(problem: problem, units: units, patterns: patterns, panelCounts: panelCounts, count: count, targets: targets)
        var chosen: [(person: Int, use: Double, tie: Int)] = []
        var conditional = [Double](repeating: 0, count: problem.count)
        for u in units.people.indices where taken[u] > 0 {
            let people = units.people[u]
            for i in people { conditional[i] = Double(taken[u]) / Double(people.count) }
            var picked = random.choose(taken[u], from: people)
            random.shuffle(&picked)
            for i in picked { chosen.append((i, use[u] / Double(taken[u]), random.int(below: 1 << 30))) }
        }
        chosen.sort { $0.use != $1.use ? $0.use > $1.use : $0.tie < $1.tie }
        var choice = Choice(ranked: chosen.map(\.person), expected: Misrepresentation(), withoutAlternates: without,
                            patterns: raw.count, exact: exact, conditionalChance: conditional, provenOptimal: proven)
        if evaluate {
            choice.expected = expectedMisrepresentation(problem: problem, panel: panel, alternates: choice.ranked,
                                                        patterns: patterns, targets: targets, solver: solver)
        }
        return choice
    }

    /// The exact integer program (see the type's documentation): units taken, expected use per unit, proven optimal.
    static func program(problem: SelectionProblem, units: CandidateUnits, patterns: [DropoutPattern], panelCounts: [[Int]], count: Int,
                        targets: [[Double]], solver: any LinearSolver, timeLimit: Double) throws -> ([Int], [Double], Bool) {
        var model = LinearModel(sense: .minimize)
        let x = units.people.indices.map { u in
            model.addColumn(.init(lower: 0, upper: Double(units.people[u].count), isInteger: true))
        }
        model.addRow(.init(columns: x, coefficients: x.map { _ in 1 }, lower: Double(count), upper: Double(count)))
        for row in units.householdRows {
            model.addRow(.init(columns: row.map { x[$0] }, coefficients: row.map { _ in 1 }, upper: 1))
        }
        var yColumns: [(weight: Double, columns: [Int])] = []
        for p in patterns {
            let held = subtract(panelCounts, p.dropouts, problem)
            if p.dropouts.isEmpty || count == 0 { yColumns.append((p.weight, [])); continue }
            let d = p.dropouts.count
            let y = units.people.indices.map { u in
                model.addColumn(.init(lower: 0, upper: Double(Swift.min(d, units.people[u].count)), isInteger: true))
            }
            yColumns.append((p.weight, y))
            for u in units.people.indices { model.addRow(.init(columns: [y[u], x[u]], coefficients: [1, -1], upper: 0)) }
            model.addRow(.init(columns: y, coefficients: y.map { _ in 1 }, upper: Double(d)))
            for (f, feature) in problem.features.enumerated() {
                for v in feature.values.indices {
                    let terms = units.people.indices.filter { units.category[$0][f] == v }.map { y[$0] }
                    let h = Double(held[f][v])
                    let short = model.addColumn(.init(lower: 0, objective: p.weight))
                    let excess = model.addColumn(.init(lower: 0, objective: p.weight))
                    let dist = model.addColumn(.init(lower: 0, objective: p.weight * Misrepresentation.distanceWeight))
                    let ones = terms.map { _ in 1.0 }
                    model.addRow(.init(columns: terms + [short], coefficients: ones + [1], lower: Double(feature.min[v]) - h))
                    model.addRow(.init(columns: terms + [excess], coefficients: ones + [-1], upper: Double(feature.max[v]) - h))
                    model.addRow(.init(columns: terms + [dist], coefficients: ones + [-1], upper: targets[f][v] - h))
                    model.addRow(.init(columns: terms + [dist], coefficients: ones + [1], lower: targets[f][v] - h))
                }
            }
        }
        let solution = try solver.solveMIP(model, timeLimit: timeLimit)
        var proven = true
        switch solution.status {
        case .optimal: break
        case .timeLimit(hasSolution: true): proven = false
        default:
            throw KleroterionError("the solver found no set of \(count) alternates (\(solution.status))",
                                   fix: "this is a bug in Kleroterion; please report it with the input files")
        }
        let taken = x.map { Int(solution.values[$0].rounded()) }
        var use = [Double](repeating: 0, count: units.count)
        for (w, y) in yColumns where !y.isEmpty { for u in units.people.indices { use[u] += w * solution.values[y[u]] } }
        return (taken, use, proven)
    }

    /// Seats per value once `dropouts` have left.
    static func subtract(_ counts: [[Int]], _ dropouts: [Int], _ problem: SelectionProblem) -> [[Int]] {
        var c = counts
        for i in dropouts { for (f, v) in problem.category[i].enumerated() { c[f][v] -= 1 } }
        return c
    }

    /// Patterns that lose the same values are the same to the program: merged, weights added, in first-seen order.
    static func merge(_ patterns: [DropoutPattern], problem: SelectionProblem) -> [DropoutPattern] {
        var index: [[[Int]]: Int] = [:]
        var out: [DropoutPattern] = []
        for p in patterns {
            let key = p.dropouts.map { problem.category[$0] }.sorted { $0.lexicographicallyPrecedes($1) }
            if let k = index[key] { out[k].weight += p.weight } else { index[key] = out.count; out.append(p) }
        }
        return out
    }

    /// The expected misrepresentation when the given alternates replace optimally in each pattern (the best subset
    /// of alternates, at most one per drop-out), computed with one small integer program per pattern.
    public static func expectedMisrepresentation(problem: SelectionProblem, panel: [Int], alternates: [Int], patterns: [DropoutPattern],
                                                 targets: [[Double]], solver: any LinearSolver = GLPKSolver()) -> Misrepresentation {
        let panelCounts = Misrepresentation.counts(panel, problem: problem)
        var total = Misrepresentation()
        for p in patterns {
            let held = subtract(panelCounts, p.dropouts, problem)
            let best = (try? bestReplacement(problem: problem, held: held, seats: p.dropouts.count, alternates: alternates,
                                             targets: targets, solver: solver)) ?? []
            var counts = held
            for i in best { for (f, v) in problem.category[i].enumerated() { counts[f][v] += 1 } }
            total = total + p.weight * Misrepresentation.of(counts: counts, problem: problem, targets: targets)
        }
        return total
    }

    /// The subset of `alternates` (at most `seats`, one per household) that minimises the misrepresentation of
    /// `held` plus that subset.
    public static func bestReplacement(problem: SelectionProblem, held: [[Int]], seats: Int, alternates: [Int], targets: [[Double]],
                                       solver: any LinearSolver = GLPKSolver()) throws -> [Int] {
        guard seats > 0, !alternates.isEmpty else { return [] }
        var model = LinearModel(sense: .minimize)
        let z = alternates.map { _ in model.addColumn(.init(lower: 0, upper: 1, isInteger: true)) }
        model.addRow(.init(columns: z, coefficients: z.map { _ in 1 }, upper: Double(seats)))
        var homes: [Int: [Int]] = [:]
        for (k, i) in alternates.enumerated() { homes[problem.household[i], default: []].append(z[k]) }
        for (_, cols) in homes.sorted(by: { $0.key < $1.key }) where cols.count > 1 {
            model.addRow(.init(columns: cols, coefficients: cols.map { _ in 1 }, upper: 1))
        }
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices {
                let terms = alternates.indices.filter { problem.category[alternates[$0]][f] == v }.map { z[$0] }
                let h = Double(held[f][v]), ones = terms.map { _ in 1.0 }
                let short = model.addColumn(.init(lower: 0, objective: 1))
                let excess = model.addColumn(.init(lower: 0, objective: 1))
                let dist = model.addColumn(.init(lower: 0, objective: Misrepresentation.distanceWeight))
                model.addRow(.init(columns: terms + [short], coefficients: ones + [1], lower: Double(feature.min[v]) - h))
                model.addRow(.init(columns: terms + [excess], coefficients: ones + [-1], upper: Double(feature.max[v]) - h))
                model.addRow(.init(columns: terms + [dist], coefficients: ones + [-1], upper: targets[f][v] - h))
                model.addRow(.init(columns: terms + [dist], coefficients: ones + [1], lower: targets[f][v] - h))
            }
        }
        let solution = try solver.solveMIP(model)
        guard solution.status == .optimal else { return [] }
        return alternates.indices.filter { solution.values[z[$0]] > 0.5 }.map { alternates[$0] }
    }
}
