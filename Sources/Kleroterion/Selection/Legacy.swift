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
        let index = LegacyIndex(problem)
        guard let panel = drawPanel(problem, index: index, random: random) else {
            throw KleroterionError("the legacy algorithm found no panel that meets the quotas in \(maxAttempts) attempts",
                                   fix: "run `kleroterion check` to see which quotas conflict, or widen the quotas")
        }
        let runs = max(1, options.legacyEstimateRuns)
        let estimator = try SeededRandom(seed: random.seedText, purpose: "legacy-estimate")
        var hits = [Int](repeating: 0, count: problem.count)
        var successes = 0
        for _ in 0..<runs {
            try options.checkCancelled()
            guard let p = drawPanel(problem, index: index, random: estimator) else { continue }
            successes += 1
            for i in p { hits[i] += 1 }
        }
        let r = Double(max(successes, 1))
        let values = hits.map { Double($0) / r }
        let errors = values.map { ($0 * (1 - $0) / r).squareRoot() }
        return SelectionOutcome(panel: panel,
                                probabilities: SelectionProbabilities(values: values, isEstimate: true, standardErrors: errors, estimateRuns: successes),
                                algorithm: name,
                                notes: [.legacyEstimate(draws: successes)])
    }

    /// One full draw with restarts; `nil` if every attempt hit a dead end.
    public func drawPanel(_ problem: SelectionProblem, random: SeededRandom) -> [Int]? {
        drawPanel(problem, index: LegacyIndex(problem), random: random)
    }

    func drawPanel(_ problem: SelectionProblem, index: LegacyIndex, random: SeededRandom) -> [Int]? {
        for _ in 0..<maxAttempts {
            if let panel = attempt(problem, index: index, random: random) { return panel.sorted() }
        }
        return nil
    }

    /// One attempt. The candidates for a seat are the available people with the neediest value, in pool order,
    /// and the draw picks the `r`-th of them: the same rule and the same random numbers as the first version,
    /// which filtered the whole pool for every seat. Here a Fenwick tree per value finds the `r`-th available
    /// member in O(log n), and removals touch only the members of a value, so an attempt costs O(k·F·log n)
    /// instead of O(k·n) (issue #16: the 1,000 redraws of the chance estimate at n = 10,000).
    private func attempt(_ problem: SelectionProblem, index: LegacyIndex, random: SeededRandom) -> [Int]? {
        let features = problem.features
        var available = [Bool](repeating: true, count: problem.count)
        // supply[f][v]: available people with value v of feature f; seats[f][v]: selected so far.
        var supply = index.members.map { $0.map(\.count) }
        var seats = features.map { [Int](repeating: 0, count: $0.values.count) }
        var trees = index.members.map { $0.map { AvailableMembers(count: $0.count) } }
        var everyone = AvailableMembers(count: problem.count)

        func remove(_ i: Int) {
            guard available[i] else { return }
            available[i] = false
            everyone.remove(i)
            for (f, v) in problem.category[i].enumerated() {
                supply[f][v] -= 1
                trees[f][v].remove(index.position[i][f])
            }
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
            let chosen: Int
            if let best {
                let count = supply[best.f][best.v]
                if count == 0 { return nil }
                chosen = index.members[best.f][best.v][trees[best.f][best.v].select(random.int(below: count))]
            } else {
                if everyone.total == 0 { return nil }
                chosen = everyone.select(random.int(below: everyone.total))
            }
            panel.append(chosen)
            for member in index.housemates[chosen] { remove(member) }
            for (f, v) in problem.category[chosen].enumerated() {
                seats[f][v] += 1
                if seats[f][v] == features[f].max[v] {
                    for i in index.members[f][v] where available[i] { remove(i) }
                }
            }
        }
        return problem.panelViolations(of: panel).isEmpty ? panel : nil
    }
}

/// What every legacy attempt looks up: the members of each feature value in pool order, each person's position
/// among them, and each person's household.
struct LegacyIndex {
    let members: [[[Int]]]
    let position: [[Int]]
    let housemates: [[Int]]

    init(_ problem: SelectionProblem) {
        var members = problem.features.map { [[Int]](repeating: [], count: $0.values.count) }
        var position = [[Int]](repeating: [], count: problem.count)
        for (i, person) in problem.category.enumerated() {
            position[i] = person.enumerated().map { f, v in members[f][v].count }
            for (f, v) in person.enumerated() { members[f][v].append(i) }
        }
        var byHousehold: [Int: [Int]] = [:]
        for (i, h) in problem.household.enumerated() { byHousehold[h, default: []].append(i) }
        self.members = members
        self.position = position
        self.housemates = problem.household.map { byHousehold[$0]! }
    }
}

/// Which of `count` positions are still available, as a Fenwick tree: remove one, or find the `r`-th available
/// (0-based, in position order), each in O(log count).
struct AvailableMembers {
    private var tree: [Int]
    private(set) var total: Int

    init(count: Int) {
        tree = [0] + (1...max(count, 1)).map { $0 & -$0 }
        if count == 0 { tree = [0] }
        total = count
    }

    mutating func remove(_ position: Int) {
        total -= 1
        var i = position + 1
        while i < tree.count { tree[i] -= 1; i += i & -i }
    }

    func select(_ r: Int) -> Int {
        var pos = 0, rest = r + 1
        var step = 1
        while step * 2 < tree.count { step *= 2 }
        while step > 0 {
            if pos + step < tree.count, tree[pos + step] < rest { pos += step; rest -= tree[pos] }
            step /= 2
        }
        return pos
    }
}
