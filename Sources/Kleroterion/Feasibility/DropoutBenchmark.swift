import Foundation

/// The measurement behind `make bench-dropout`: how often `replace` completes a panel with every quota met, over seeded
/// drop-out patterns, given a set of alternates (or none, or alternates drawn uniformly at random).
///
/// Each pattern runs `replace`'s decision exactly (`AlternateReplacement.fill` with the pool: alternates like for like,
/// then the completion from alternates and pool that breaks the quotas least); the fair draw of the pool seats is left
/// out, because it does not change whether the quotas can be met.
public enum DropoutBenchmark {
    public struct Figures: Sendable {
        public var runs: Int
        /// Share of patterns completed with every quota met.
        public var allQuotasMet: Double
        /// Mean seats off quota of the completed panel.
        public var meanSeatsOffQuota: Double
        /// Mean number of drop-outs per pattern, and of alternates seated.
        public var meanDropouts: Double
        public var meanAlternatesSeated: Double
        /// The same two figures when only the alternates may take seats (no late recruiting from the pool).
        public var alternatesOnlyAllQuotasMet: Double
        public var alternatesOnlyMeanSeatsOffQuota: Double
        /// Mean seats off quota under the `replace` of before issue #14: the pool when a quota-safe completion
        /// exists, else a refusal, so that the seats stay empty.
        public var refusingMeanSeatsOffQuota: Double
    }

    public static func run(problem: SelectionProblem, panel: [Int], alternates: [Int], rates: [Double], runs: Int, seed: String) throws -> Figures {
        let random = try SeededRandom(seed: seed, purpose: "bench-dropout")
        let onPanel = Set(panel)
        let eligible = (0..<problem.count).map { !onPanel.contains($0) }
        var met = 0, off = 0, dropouts = 0, seated = 0, onlyMet = 0, onlyOff = 0, refusing = 0
        let alternateSet = Set(alternates)
        let onlyEligible = (0..<problem.count).map { alternateSet.contains($0) }
        for pattern in DropoutPattern.sample(panel: panel, rates: rates, runs: runs, random: random) {
            let gone = Set(pattern.dropouts)
            dropouts += gone.count
            guard !gone.isEmpty else { met += 1; onlyMet += 1; continue }
            let stay = panel.filter { !gone.contains($0) }
            let start = PanelConstraints(problem: problem, confirmed: stay, eligible: eligible)
            let fill = try AlternateReplacement.fill(start, dropouts: pattern.dropouts, alternates: alternates)
            seated += fill.seated.count
            off += fill.seatsOffQuota
            if fill.seatsOffQuota == 0 { met += 1 }
            if fill.seatsOffQuota > 0 { refusing += AlternateReplacement.offQuota(stay, problem) }
            let only = try AlternateReplacement.fill(PanelConstraints(problem: problem, confirmed: stay, eligible: onlyEligible),
                                                     dropouts: pattern.dropouts, alternates: alternates, usePool: false)
            let onlyOffHere = AlternateReplacement.offQuota(only.constraints.confirmed, problem)
            onlyOff += onlyOffHere
            if onlyOffHere == 0 { onlyMet += 1 }
        }
        let r = Double(runs)
        return Figures(runs: runs, allQuotasMet: Double(met) / r, meanSeatsOffQuota: Double(off) / r,
                       meanDropouts: Double(dropouts) / r, meanAlternatesSeated: Double(seated) / r,
                       alternatesOnlyAllQuotasMet: Double(onlyMet) / r, alternatesOnlyMeanSeatsOffQuota: Double(onlyOff) / r,
                       refusingMeanSeatsOffQuota: Double(refusing) / r)
    }

    /// `count` alternates drawn uniformly at random from those who may be alternates (off the panel, no housemate of a
    /// member, one per household), in random rank order: the baseline the issue compares with.
    public static func randomAlternates(problem: SelectionProblem, panel: [Int], count: Int, seed: String) throws -> [Int] {
        let random = try SeededRandom(seed: seed, purpose: "bench-dropout-random-alternates")
        let homes = Set(panel.map { problem.household[$0] })
        var candidates = (0..<problem.count).filter { !homes.contains(problem.household[$0]) }
        random.shuffle(&candidates)
        var used = Set<Int>(), out: [Int] = []
        for i in candidates where out.count < count && used.insert(problem.household[i]).inserted { out.append(i) }
        return out
    }
}
