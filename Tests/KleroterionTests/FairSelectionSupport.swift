import Foundation
import Testing
@testable import Kleroterion

/// Brute force for tiny pools: every valid panel, and the maximin / leximin LPs over all of them.
enum FairBruteForce {
    /// Every panel (sorted person indices) that meets the quotas and the household rule.
    static func panels(_ p: SelectionProblem) -> [[Int]] {
        var result: [[Int]] = []
        var current: [Int] = []
        func extend(from i: Int) {
            if current.count == p.panelSize {
                if p.violations(of: current).isEmpty { result.append(current) }
                return
            }
            guard i < p.count, p.count - i >= p.panelSize - current.count else { return }
            current.append(i); extend(from: i + 1); current.removeLast()
            extend(from: i + 1)
        }
        extend(from: 0)
        return result
    }

    /// max z over all panels, with `lower[i]` (if set) as a fixed lower bound instead of z for person i.
    /// `objectivePerson` maximises that person's chance instead, keeping everybody free at ≥ `floor`.
    static func lp(_ p: SelectionProblem, _ panels: [[Int]], fixed: [Double?], floor: Double? = nil, objectivePerson: Int? = nil) throws -> Solution {
        var m = LinearModel(sense: .maximize)
        let z = m.addColumn(.init(lower: 0, upper: 1, objective: objectivePerson == nil ? 1 : 0))
        if let floor { m.columns[z] = .init(lower: floor, upper: floor) }
        var rowsOf = [[Int]](repeating: [], count: p.count)
        for (j, panel) in panels.enumerated() { for i in panel { rowsOf[i].append(j + 1) } }
        for _ in panels { m.addColumn(.init(lower: 0, upper: 1)) }
        for i in 0..<p.count {
            var cols = rowsOf[i], coefs = cols.map { _ in 1.0 }
            if let f = fixed[i] {
                m.addRow(.init(columns: cols, coefficients: coefs, lower: f - 1e-10))
            } else {
                cols.append(z); coefs.append(-1)
                m.addRow(.init(columns: cols, coefficients: coefs, lower: 0))
            }
        }
        m.addRow(.init(columns: Array(1...panels.count), coefficients: panels.map { _ in 1 }, lower: 1, upper: 1))
        if let o = objectivePerson { for j in rowsOf[o] { m.columns[j].objective = 1 } }
        let s = try GLPKSolver().solveLP(m)
        #expect(s.status == .optimal)
        return s
    }

    static func maximin(_ p: SelectionProblem) throws -> Double {
        try lp(p, panels(p), fixed: Array(repeating: nil, count: p.count)).objective
    }

    /// Leximin chances, level by level, deciding who is stuck at each level by maximising each free person's
    /// chance separately (an independent route from the duals the product uses).
    static func leximin(_ p: SelectionProblem, panels given: [[Int]]? = nil) throws -> [Double] {
        let all = given ?? panels(p)
        var fixed = [Double?](repeating: nil, count: p.count)
        while fixed.contains(where: { $0 == nil }) {
            let z = try lp(p, all, fixed: fixed).objective
            var stuck: [Int] = []
            for i in 0..<p.count where fixed[i] == nil {
                let best = try lp(p, all, fixed: fixed, floor: z - 1e-9, objectivePerson: i).objective
                if best <= z + 1e-7 { stuck.append(i) }
            }
            #expect(!stuck.isEmpty)
            if stuck.isEmpty { break }
            for i in stuck { fixed[i] = z }
        }
        return fixed.map { $0 ?? 0 }
    }
}

/// A small random problem: `n` people, two or three features, some shared households.
func randomSmallProblem(seed: Int, n: Int = 12, k: Int = 5) throws -> SelectionProblem {
    let r = try SeededRandom(seed: "small problem \(seed)")
    let featureCount = 2 + r.int(below: 2)
    let valueCounts = (0..<featureCount).map { _ in 2 + r.int(below: 2) }
    // Few distinct value combinations so that classes have several members.
    var people: [[Int]] = []
    for _ in 0..<n { people.append(valueCounts.map { r.int(below: $0) }) }
    var household = Array(0..<n)
    for i in 0..<(n / 4) where r.int(below: 2) == 0 { household[2 * i + 1] = 2 * i }   // some pairs
    if seed % 3 == 0 { people[1] = people[0] }                                           // identical housemates
    var bounds: [[(Int, Int)]] = []
    for (f, v) in valueCounts.enumerated() {
        var b: [(Int, Int)] = []
        for value in 0..<v {
            let have = people.filter { $0[f] == value }.count
            let lo = min(have, r.int(below: 2)), hi = max(lo, min(k, lo + 1 + r.int(below: k)))
            b.append((lo, hi))
        }
        bounds.append(b)
    }
    return makeProblem(panelSize: k, bounds: bounds, people: people, household: household)
}

/// The properties every fair outcome must have.
func checkOutcome(_ p: SelectionProblem, _ o: SelectionOutcome, sourceLocation: SourceLocation = #_sourceLocation) {
    guard let d = o.distribution else { Issue.record("no distribution", sourceLocation: sourceLocation); return }
    #expect(!d.panels.isEmpty, sourceLocation: sourceLocation)
    for panel in d.panels { #expect(p.violations(of: panel).isEmpty, "\(p.violations(of: panel))", sourceLocation: sourceLocation) }
    #expect(d.probabilities.allSatisfy { $0 > 0 }, sourceLocation: sourceLocation)
    #expect(abs(d.probabilities.reduce(0, +) - 1) < 1e-9, sourceLocation: sourceLocation)
    let m = d.marginals(personCount: p.count)
    #expect(m == o.probabilities.values, sourceLocation: sourceLocation)
    #expect(abs(m.reduce(0, +) - Double(p.panelSize)) < 1e-8, sourceLocation: sourceLocation)
    #expect(d.panels.contains(o.panel), sourceLocation: sourceLocation)
    #expect(p.violations(of: o.panel).isEmpty, sourceLocation: sourceLocation)
    #expect(Set(d.panels).count == d.panels.count, "panels are listed once", sourceLocation: sourceLocation)
}
