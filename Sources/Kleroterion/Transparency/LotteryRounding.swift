/// Rounds a fair distribution over panels to a *uniform lottery* over `m` numbered panels.
///
/// A distribution with irrational-looking probabilities (0.0371…) cannot be drawn in public with dice or a
/// lottery ball. A uniform lottery can: "panel No. 187 of 1,000". Flanigan, Kehne & Procaccia ("Fair Sortition
/// Made Transparent", NeurIPS 2021) show that such a rounding can keep everybody's chance close to the optimum.
///
/// We round deterministically, using only panels from the distribution's support (so every lottery panel is one
/// the algorithm already checked against the quotas):
/// 1. Largest remainder: panel `j` gets `⌊m·p_j⌋` copies, and the copies still missing go to the largest
///    fractional parts (ties to the lower index), so the counts sum to `m`.
/// 2. Local search (`LotteryLocalSearch`): move single copies between support panels to bring the largest
///    change of anyone's chance down.
/// The result states its largest deviation exactly; nothing in it is random.
public struct LotteryRounding: Sendable {
    /// How many numbered panels the lottery has.
    public var panelCount: Int
    /// An upper limit on local-search moves (a safety net; the search normally stops much earlier).
    public var maxMoves: Int

    public init(panelCount: Int = 1000, maxMoves: Int = 200_000) {
        self.panelCount = panelCount
        self.maxMoves = maxMoves
    }

    /// The rounded lottery.
    public struct Result: Sendable {
        /// The panels of the lottery, in order: entry `t` is panel number `t + 1`. Each panel is sorted person indices.
        public var panels: [[Int]]
        /// How many of the `m` lottery panels are copies of each support panel (same order as the distribution).
        public var counts: [Int]
        /// Each person's chance in the fair distribution.
        public var optimal: [Double]
        /// Each person's chance in the lottery: the number of lottery panels they are on, divided by `m`.
        public var lottery: [Double]
        /// The largest |lottery − optimal| over all people.
        public var maxDeviation: Double { zip(lottery, optimal).map { abs($0 - $1) }.max() ?? 0 }
        /// How many local-search moves improved the largest-remainder rounding.
        public var moves: Int
    }

    /// Rounds `distribution` (over a pool of `personCount` people) to `panelCount` equally likely panels.
    public func round(_ distribution: PanelDistribution, personCount n: Int) throws -> Result {
        let m = panelCount
        guard m >= 1 else { throw KleroterionError("the lottery needs at least 1 panel", fix: "give --panels 1000 (or another positive number)") }
        // Drop zero-probability panels and merge duplicates, so that the support is clean.
        var index: [[Int]: Int] = [:]
        var panels: [[Int]] = []
        var probs: [Double] = []
        for (panel, p) in zip(distribution.panels, distribution.probabilities) where p > 0 {
            let key = panel.sorted()
            if let j = index[key] { probs[j] += p } else { index[key] = panels.count; panels.append(key); probs.append(p) }
        }
        let total = probs.reduce(0, +)
        guard !panels.isEmpty, total > 0 else {
            throw KleroterionError("the fair distribution has no panel with a positive probability", fix: "run the fair algorithm again; this is a bug if it repeats")
        }
        probs = probs.map { $0 / total }
        let optimal = PanelDistribution(panels: panels, probabilities: probs).marginals(personCount: n)

        // 1. Largest remainder.
        var counts = probs.map { Int(($0 * Double(m)).rounded(.down)) }
        let missing = m - counts.reduce(0, +)
        let byRemainder = probs.indices.sorted {
            let a = probs[$0] * Double(m) - Double(counts[$0]), b = probs[$1] * Double(m) - Double(counts[$1])
            return a != b ? a > b : $0 < $1
        }
        for j in byRemainder.prefix(missing) { counts[j] += 1 }

        // 2. Local search, in units of 1/m: D_i = (lottery panels holding i) − m·p*_i.
        var deviation = optimal.map { -Double(m) * $0 }
        for (panel, c) in zip(panels, counts) { for i in panel { deviation[i] += Double(c) } }
        var search = LotteryLocalSearch(panels: panels, counts: counts, deviation: deviation, personCount: n, maxMoves: maxMoves)
        search.run()
        counts = search.counts
        let moves = search.moves

        var lotteryPanels: [[Int]] = []
        lotteryPanels.reserveCapacity(m)
        for (panel, c) in zip(panels, counts) { for _ in 0..<c { lotteryPanels.append(panel) } }
        var lottery = [Double](repeating: 0, count: n)
        for (panel, c) in zip(panels, counts) { for i in panel { lottery[i] += Double(c) } }
        lottery = lottery.map { $0 / Double(m) }
        return Result(panels: lotteryPanels, counts: counts, optimal: optimal, lottery: lottery, moves: moves)
    }
}
