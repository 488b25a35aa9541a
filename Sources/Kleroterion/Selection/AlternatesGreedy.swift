/// The large-panel route of `Alternates.choose`: greedy over sampled drop-out patterns.
///
/// Why not the exact program: at k = 150 with 60 sampled patterns and about 200 candidate units it has some 12,000
/// integer replacement variables, and GLPK did not find even a feasible set within 60 s on the Zeist example
/// (measured), far beyond the budget of 3× `select`. The greedy adds, one alternate at a time, the unit that
/// lowers the sampled expected misrepresentation most (lazily: stale gains serve as upper bounds), where each pattern is replaced greedily too (each seat to the
/// free alternate that lowers the misrepresentation most, stopping when none does). On small panels the exact program
/// is used instead, and the brute-force tests check it.
extension Alternates {
    static func greedy(problem: SelectionProblem, units: CandidateUnits, patterns: [DropoutPattern], panelCounts: [[Int]], count: Int,
                       targets: [[Double]]) -> ([Int], [Double], Bool) {
        // Flatten feature values to one index each, so the inner loops work on plain arrays.
        var offset: [Int] = []
        var lo: [Int] = [], hi: [Int] = [], target: [Double] = []
        for (f, feature) in problem.features.enumerated() {
            offset.append(lo.count)
            lo += feature.min; hi += feature.max; target += targets[f]
        }
        let cells = units.people.indices.map { u in units.category[u].enumerated().map { offset[$0] + $1 } }
        let held: [[Int]] = patterns.map { p in
            var c = [Int](); c.reserveCapacity(lo.count)
            for f in problem.features.indices { c += panelCounts[f] }
            for i in p.dropouts { for (f, v) in problem.category[i].enumerated() { c[offset[f] + v] -= 1 } }
            return c
        }
        let w = Misrepresentation.distanceWeight
        func gain(_ counts: [Int], _ u: Int) -> Double {
            var g = 0.0
            for j in cells[u] {
                let n = counts[j]
                if n < lo[j] { g += 1 }
                if n >= hi[j] { g -= 1 }
                g += w * (abs(Double(n) - target[j]) - abs(Double(n + 1) - target[j]))
            }
            return g
        }
        /// Total gain over all patterns of the alternates `chosen` (per unit, how many), and the use per unit.
        func evaluate(_ chosen: [Int], order: [Int], recordUse: Bool) -> (Double, [Double]) {
            var total = 0.0
            var use = recordUse ? [Double](repeating: 0, count: units.count) : []
            for (p, pattern) in patterns.enumerated() where !pattern.dropouts.isEmpty {
                var counts = held[p]
                var left = chosen
                var gained = 0.0
                for _ in 0..<pattern.dropouts.count {
                    var best = -1, bestGain = 1e-12
                    for u in order where left[u] > 0 {
                        let g = gain(counts, u)
                        if g > bestGain { bestGain = g; best = u }
                    }
                    guard best >= 0 else { break }
                    left[best] -= 1
                    for j in cells[best] { counts[j] += 1 }
                    gained += bestGain
                    if recordUse { use[best] += pattern.weight }
                }
                total += pattern.weight * gained
            }
            return (total, use)
        }
        let shared = Set(units.householdRows.joined())
        var householdOf: [Int: Int] = [:]
        for (h, row) in units.householdRows.enumerated() { for u in row { householdOf[u] = h } }
        var usedHousehold = Set<Int>()
        var chosen = [Int](repeating: 0, count: units.count)
        var order: [Int] = []   // chosen units in first-chosen order, for deterministic ties
        var taken = [Int](repeating: 0, count: units.count)
        // Lazy greedy: a unit's marginal gain only shrinks as alternates are added (more alternates leave each new one
        // fewer seats to win), so last step's gain is an upper bound and most units need no re-evaluation.
        var bound = [Double](repeating: .infinity, count: units.count)
        var current = 0.0
        func open(_ u: Int) -> Bool {
            guard taken[u] < units.people[u].count else { return false }
            if shared.contains(u), let h = householdOf[u], usedHousehold.contains(h) { return false }
            return true
        }
        for _ in 0..<count {
            var best = -1
            while true {
                var top = -1
                for u in units.people.indices where open(u) {
                    if top < 0 || bound[u] > bound[top] + 1e-12 { top = u }
                }
                guard top >= 0 else { break }
                var trial = chosen
                trial[top] += 1
                let (value, _) = evaluate(trial, order: order.contains(top) ? order : order + [top], recordUse: false)
                bound[top] = value - current
                let others = units.people.indices.lazy.filter { $0 != top && open($0) }.map { bound[$0] }.max() ?? -.infinity
                if bound[top] >= others - 1e-12 { best = top; current = value; break }
            }
            guard best >= 0 else { break }
            chosen[best] += 1
            taken[best] += 1
            if !order.contains(best) { order.append(best) }
            if let h = householdOf[best] { usedHousehold.insert(h) }
        }
        let (_, use) = evaluate(chosen, order: order, recordUse: true)
        return (taken, use, false)
    }
}
