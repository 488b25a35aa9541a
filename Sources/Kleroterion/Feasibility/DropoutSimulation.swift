/// The report's look ahead: what the panel is expected to look like after drop-outs, without and with the alternates.
///
/// A seeded simulation (stream purpose `dropout-simulation`, `docs/randomness.md`): in each run every member drops out
/// with their rate from the drop-out model, independently; "without alternates" leaves the seats empty, "with
/// alternates" seats them as `replace --alternates` would (like for like first, then the completion that breaks the
/// quotas least), but from the alternates only, never from the pool.
public struct DropoutOutlook: Codable, Sendable, Equatable {
    /// One feature value.
    public struct Value: Codable, Sendable, Equatable {
        public var feature: String
        public var value: String
        public var min: Int
        public var max: Int
        public var panel: Int
        /// Mean seats after drop-outs, without and with alternates.
        public var expectedWithout: Double
        public var expectedWith: Double
        /// Share of runs in which the quota still holds, without and with alternates.
        public var holdsWithout: Double
        public var holdsWith: Double
    }

    public var seed: String
    public var purpose: String
    public var runs: Int
    /// Where the drop-out rates came from, in English (as report.json always had it).
    public var model: String
    /// The same with its figures, said in the report's language (nil in an older report.json: `model` is shown).
    public var modelSource: DropoutSource? = nil
    public var alternates: Int
    public var expectedDropouts: Double
    /// Share of runs in which every quota holds, without and with alternates.
    public var allHoldWithout: Double
    public var allHoldWith: Double
    /// Mean seats off quota and mean distance to the shares, without and with alternates.
    public var seatsOffQuotaWithout: Double
    public var seatsOffQuotaWith: Double
    public var distanceWithout: Double
    public var distanceWith: Double
    public var values: [Value]

    public static let purpose = "dropout-simulation"

    /// Runs the simulation.
    public static func simulate(problem: SelectionProblem, panel: [Int], alternates: [Int], model: DropoutModel, targets: [[Double]],
                                seed: String, runs: Int = 1000) throws -> DropoutOutlook {
        let random = try SeededRandom(seed: seed, purpose: purpose)
        let features = problem.features
        var sumWithout = features.map { [Double](repeating: 0, count: $0.values.count) }
        var sumWith = sumWithout, holdWithout = sumWithout, holdWith = sumWithout
        var allWithout = 0, allWith = 0, dropouts = 0
        var offWithout = 0.0, offWith = 0.0, distWithout = 0.0, distWith = 0.0
        let alternateSet = Set(alternates)
        let eligible = (0..<problem.count).map { alternateSet.contains($0) }
        for _ in 0..<runs {
            let out = panel.filter { random.uniform() < model.rates[$0] }
            dropouts += out.count
            let gone = Set(out)
            let stay = panel.filter { !gone.contains($0) }
            var after = stay
            if !out.isEmpty && !alternates.isEmpty {
                let constraints = PanelConstraints(problem: problem, confirmed: stay, eligible: eligible)
                after = try AlternateReplacement.fill(constraints, dropouts: out, alternates: alternates, usePool: false).constraints.confirmed
            }
            let before = Misrepresentation.counts(stay, problem: problem), with = Misrepresentation.counts(after, problem: problem)
            var okWithout = true, okWith = true
            for (f, feature) in features.enumerated() {
                for v in feature.values.indices {
                    sumWithout[f][v] += Double(before[f][v]); sumWith[f][v] += Double(with[f][v])
                    let a = before[f][v] >= feature.min[v] && before[f][v] <= feature.max[v]
                    let b = with[f][v] >= feature.min[v] && with[f][v] <= feature.max[v]
                    if a { holdWithout[f][v] += 1 } else { okWithout = false }
                    if b { holdWith[f][v] += 1 } else { okWith = false }
                }
            }
            if okWithout { allWithout += 1 }
            if okWith { allWith += 1 }
            let m0 = Misrepresentation.of(counts: before, problem: problem, targets: targets)
            let m1 = Misrepresentation.of(counts: with, problem: problem, targets: targets)
            offWithout += m0.seatsOffQuota; offWith += m1.seatsOffQuota; distWithout += m0.distance; distWith += m1.distance
        }
        let r = Double(runs)
        let counts = Misrepresentation.counts(panel, problem: problem)
        var values: [Value] = []
        for (f, feature) in features.enumerated() {
            for v in feature.values.indices {
                values.append(Value(feature: feature.name, value: feature.values[v], min: feature.min[v], max: feature.max[v], panel: counts[f][v],
                                    expectedWithout: sumWithout[f][v] / r, expectedWith: sumWith[f][v] / r,
                                    holdsWithout: holdWithout[f][v] / r, holdsWith: holdWith[f][v] / r))
            }
        }
        return DropoutOutlook(seed: seed, purpose: purpose, runs: runs, model: model.summary, modelSource: model.source, alternates: alternates.count,
                              expectedDropouts: Double(dropouts) / r, allHoldWithout: Double(allWithout) / r, allHoldWith: Double(allWith) / r,
                              seatsOffQuotaWithout: offWithout / r, seatsOffQuotaWith: offWith / r,
                              distanceWithout: distWithout / r, distanceWith: distWith / r, values: values)
    }
}

extension DropoutOutlook {
    /// Where the drop-out rates came from, in `language`.
    public func modelText(_ language: ReportLanguage) -> String { modelSource?.text(language) ?? model }
}
