/// The local search that improves a rounded lottery (step 2 of `LotteryRounding`).
///
/// Works in units of 1/m: `d[i]` = (lottery panels holding person i) − m·(i's optimal chance). A move takes one copy
/// from support panel `a` and gives it to panel `b`: people in a∖b lose 1, people in b∖a gain 1.
/// Rule: the person with the largest |d| moves closer to 0 and no one affected reaches that distance; among such
/// moves, the one with the smallest sum of squares wins. Each move lowers the number of people at the maximum
/// (and never raises the maximum), so the search ends, at a lottery no single move can improve.
/// (A smoothing phase that minimised Σ d⁸ was tried: on 1,000 people it lowered the maximum by about 5% at six
/// times the cost, so it was left out.)
/// Panels are bit sets, so that a candidate move is checked in a few word operations; everything is deterministic.
struct LotteryLocalSearch {
    let panels: [[Int]]
    let sets: [[UInt64]]
    let words: Int
    let n: Int
    let maxMoves: Int
    private(set) var counts: [Int]
    private(set) var d: [Double]
    private(set) var moves = 0
    let tolerance = 1e-9

    init(panels: [[Int]], counts: [Int], deviation: [Double], personCount: Int, maxMoves: Int) {
        self.panels = panels
        self.counts = counts
        self.d = deviation
        self.n = personCount
        self.maxMoves = maxMoves
        let words = (personCount + 63) / 64
        self.words = words
        self.sets = panels.map { panel in
            var s = [UInt64](repeating: 0, count: words)
            for i in panel { s[i >> 6] |= 1 << UInt64(i & 63) }
            return s
        }
    }

    /// Improves until no single move lowers the largest deviation.
    mutating func run() { minimax() }

    private mutating func apply(_ a: Int, _ b: Int) {
        counts[a] -= 1
        counts[b] += 1
        for i in panels[a] { d[i] -= 1 }
        for i in panels[b] { d[i] += 1 }
        moves += 1
    }

    /// The person with the largest |d| (the lowest index on ties).
    private func worst() -> Int {
        var w = 0
        for i in 1..<max(n, 1) where abs(d[i]) > abs(d[w]) + tolerance { w = i }
        return w
    }

    /// Candidate pairs (a, b) that move person `w` towards 0: a copy leaves a panel with w if w has too much.
    private func pairs(for w: Int, _ body: (Int, Int) -> Void) {
        let word = w >> 6, bit = UInt64(1) << UInt64(w & 63)
        let tooMany = d[w] > 0
        for a in panels.indices where counts[a] > 0 && ((sets[a][word] & bit) != 0) == tooMany {
            for b in panels.indices where b != a && ((sets[b][word] & bit) != 0) != tooMany { body(a, b) }
        }
    }

    private mutating func minimax() {
        while moves < maxMoves {
            let worst = worst()
            let limit = abs(d[worst])
            if limit <= 0.5 + tolerance { return }   // one move shifts by 1: nothing smaller is reachable
            var low = [UInt64](repeating: 0, count: words), high = [UInt64](repeating: 0, count: words)
            for i in 0..<n {
                if d[i] - 1 <= -limit + tolerance { low[i >> 6] |= 1 << UInt64(i & 63) }
                if d[i] + 1 >= limit - tolerance { high[i >> 6] |= 1 << UInt64(i & 63) }
            }
            // Change of Σ d² when a copy leaves panel a or joins panel b; people on both change by 0 (add back 2).
            let lose = panels.map { $0.reduce(0.0) { $0 + 1 - 2 * d[$1] } }
            let gain = panels.map { $0.reduce(0.0) { $0 + 1 + 2 * d[$1] } }
            var best: (a: Int, b: Int, delta: Double)?
            pairs(for: worst) { a, b in
                var overlap = 0
                for k in 0..<words {
                    let sa = sets[a][k], sb = sets[b][k]
                    if sa & low[k] & ~sb != 0 || sb & high[k] & ~sa != 0 { return }
                    overlap += (sa & sb).nonzeroBitCount
                }
                let delta = lose[a] + gain[b] - 2 * Double(overlap)
                if best == nil || delta < best!.delta - tolerance { best = (a, b, delta) }
            }
            guard let move = best else { return }
            apply(move.a, move.b)
        }
    }
}
