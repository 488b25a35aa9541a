@testable import Kleroterion

/// Brute force over every panel, for checking the feasibility MIP, the conflict search and the relaxation
/// ILP on small pools (n ≤ 12).
enum PanelBruteForce {
    /// Every panel that satisfies the household rule and the panel size (quotas not checked): the confirmed
    /// members plus every subset of the drawable people of the right size.
    static func panels(_ c: PanelConstraints) -> [[Int]] {
        let drawable = c.drawable, need = c.openSeats
        guard need >= 0, need <= drawable.count else { return [] }
        var result: [[Int]] = []
        var chosen: [Int] = []
        func recurse(_ start: Int) {
            if chosen.count == need {
                let panel = (c.confirmed + chosen).sorted()
                if Set(panel.map { c.problem.household[$0] }).count == panel.count { result.append(panel) }
                return
            }
            guard start < drawable.count, drawable.count - start >= need - chosen.count else { return }
            for j in start..<drawable.count {
                chosen.append(drawable[j]); recurse(j + 1); chosen.removeLast()
            }
        }
        recurse(0)
        return result
    }

    static func counts(_ p: SelectionProblem, _ panel: [Int]) -> [[Int]] {
        var counts = p.features.map { [Int](repeating: 0, count: $0.values.count) }
        for i in panel { for (f, v) in p.category[i].enumerated() { counts[f][v] += 1 } }
        return counts
    }

    static func isFeasible(_ c: PanelConstraints) -> Bool {
        panels(c).contains { c.problem.violations(of: $0).isEmpty }
    }

    /// The least (total seats of change, seats moved away from the target) over all panels, in that order;
    /// `nil` when no panel exists even without quotas. For a fixed panel the cheapest relaxation is forced:
    /// lower each minimum exactly to the panel's count where it falls short, raise each maximum likewise.
    static func cheapestRelaxation(_ c: PanelConstraints, targets: [[(seats: Double, fromPopulation: Bool)]]) -> (seats: Int, away: Int)? {
        var best: (seats: Int, away: Int)?
        for panel in panels(c) {
            let n = counts(c.problem, panel)
            var seats = 0, away = 0
            for (f, feature) in c.problem.features.enumerated() {
                for v in feature.values.indices {
                    let t = targets[f][v].seats
                    let lower = max(0, feature.min[v] - n[f][v])
                    let towardsLower = max(0, min(feature.min[v], feature.min[v] - Int(t.rounded(.down))))
                    let raise = max(0, n[f][v] - feature.max[v])
                    let towardsRaise = max(0, Int(t.rounded(.up)) - feature.max[v])
                    seats += lower + raise
                    away += max(0, lower - towardsLower) + max(0, raise - towardsRaise)
                }
            }
            if best == nil || (seats, away) < (best!.seats, best!.away) { best = (seats, away) }
        }
        return best
    }

    /// The check with brute force as its oracle.
    static var check: FeasibilityCheck {
        FeasibilityCheck(isFeasible: { isFeasible($0) }, relax: { _, _ in nil })
    }
}

/// Random small instances for the property tests, from a seeded GSL stream (so a failure can be replayed).
struct RandomInstances {
    let random: SeededRandom

    init(seed: String) throws { random = try SeededRandom(seed: seed, purpose: "property-tests") }

    func int(_ range: ClosedRange<Int>) -> Int { range.lowerBound + random.int(below: range.count) }

    /// A pool of 5–11 people, 1–3 features of 2–3 values, some shared households, a panel of 2–5, and quotas
    /// that are sometimes feasible and sometimes not.
    func problem() -> SelectionProblem {
        let n = int(5...11), k = int(2...min(5, n - 1))
        let featureCount = int(1...3)
        let sizes = (0..<featureCount).map { _ in int(2...3) }
        let people = (0..<n).map { _ in sizes.map { random.int(below: $0) } }
        var household = Array(0..<n)
        for i in 1..<n where random.int(below: 4) == 0 { household[i] = household[i - 1] }
        let bounds: [[(Int, Int)]] = sizes.map { size in
            (0..<size).map { _ in
                let lo = random.int(below: 3) == 0 ? int(0...min(3, k)) : 0
                let hi = random.int(below: 2) == 0 ? int(lo...k) : k
                return (lo, hi)
            }
        }
        return makeProblem(panelSize: k, bounds: bounds, people: people, household: household)
    }

    /// Targets for the relaxation: a random population share for some values, the pool's share otherwise.
    func shares(_ p: SelectionProblem) -> [[Double?]] {
        p.features.map { f in f.values.map { _ in random.int(below: 2) == 0 ? Double(random.int(below: 11)) / 10 : nil } }
    }
}
