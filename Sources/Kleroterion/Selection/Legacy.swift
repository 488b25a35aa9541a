/// The Sortition Foundation's original greedy method ("legacy").
///
/// Seat by seat, it looks for the value whose unmet minimum is largest relative to the respondents still
/// available with that value, draws one of them at random, and then removes that person's housemates and
/// everyone whose value has reached its maximum. On a dead end it starts again, up to `maxAttempts` times.
///
/// It meets the quotas but is not fair: some respondents get almost no chance. Its chances are therefore only
/// *estimated*, by repeating the draw on an independent stream of the same seed.
public struct LegacySelection: SelectionAlgorithm {
    public let name = "legacy"
    /// How many fresh starts a draw may make before giving up.
    public var maxAttempts: Int

    public init(maxAttempts: Int = 100) { self.maxAttempts = maxAttempts }

    public func select(_ problem: SelectionProblem, random: SeededRandom, options: SelectionOptions) throws -> SelectionOutcome {
        guard let panel = drawPanel(problem, random: random) else {
            throw KleroterionError("the legacy algorithm found no panel that meets the quotas in \(maxAttempts) attempts",
                                   fix: "run `kleroterion check` to see which quotas conflict, or widen the quotas")
        }
        let runs = max(1, options.legacyEstimateRuns)
        let estimator = try SeededRandom(seed: random.seedText, purpose: "legacy-estimate")
        var hits = [Int](repeating: 0, count: problem.count)
        var successes = 0
        for _ in 0..<runs {
            guard let p = drawPanel(problem, random: estimator) else { continue }
            successes += 1
            for i in p { hits[i] += 1 }
        }
        let r = Double(max(successes, 1))
        let values = hits.map { Double($0) / r }
        let errors = values.map { ($0 * (1 - $0) / r).squareRoot() }
        return SelectionOutcome(panel: panel,
                                probabilities: SelectionProbabilities(values: values, isEstimate: true, standardErrors: errors, estimateRuns: successes),
                                algorithm: name,
                                notes: ["Chances are estimated from \(successes) repeated legacy draws."])
    }

    /// One full draw with restarts; `nil` if every attempt hit a dead end.
    public func drawPanel(_ problem: SelectionProblem, random: SeededRandom) -> [Int]? {
        for _ in 0..<maxAttempts {
            if let panel = attempt(problem, random: random) { return panel.sorted() }
        }
        return nil
    }

    private func attempt(_ problem: SelectionProblem, random: SeededRandom) -> [Int]? {
        let features = problem.features
        var available = [Bool](repeating: true, count: problem.count)
        // supply[f][v]: available people with value v of feature f; seats[f][v]: selected so far.
        var supply = features.map { [Int](repeating: 0, count: $0.values.count) }
        var seats = supply
        for person in problem.category { for (f, v) in person.enumerated() { supply[f][v] += 1 } }
        var byHousehold: [Int: [Int]] = [:]
        for (i, h) in problem.household.enumerated() { byHousehold[h, default: []].append(i) }

        func remove(_ i: Int) {
            guard available[i] else { return }
            available[i] = false
            for (f, v) in problem.category[i].enumerated() { supply[f][v] -= 1 }
        }
        var panel: [Int] = []
        for _ in 0..<problem.panelSize {
            // The value most in need: largest (min − seats) / supply among unmet minima.
            var best: (f: Int, v: Int, ratio: Double)?
            for (f, feature) in features.enumerated() {
                for v in feature.values.indices where seats[f][v] < feature.min[v] {
                    let need = feature.min[v] - seats[f][v]
                    if supply[f][v] < need { return nil }   // dead end: too few left to reach the minimum
                    let ratio = Double(need) / Double(supply[f][v])
                    if best == nil || ratio > best!.ratio { best = (f, v, ratio) }
                }
            }
            let candidates: [Int]
            if let best {
                candidates = available.indices.filter { available[$0] && problem.category[$0][best.f] == best.v }
            } else {
                candidates = available.indices.filter { available[$0] }
            }
            if candidates.isEmpty { return nil }
            let chosen = candidates[random.int(below: candidates.count)]
            panel.append(chosen)
            for member in byHousehold[problem.household[chosen]] ?? [chosen] { remove(member) }
            for (f, v) in problem.category[chosen].enumerated() {
                seats[f][v] += 1
                if seats[f][v] == features[f].max[v] {
                    for i in available.indices where available[i] && problem.category[i][f] == v { remove(i) }
                }
            }
        }
        return problem.violations(of: panel).isEmpty ? panel : nil
    }
}
