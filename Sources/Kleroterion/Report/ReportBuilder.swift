import Foundation

/// Builds the `RepresentativenessReport` of a draw from the problem, the quotas and the algorithm's outcome.
public enum ReportBuilder {
    /// Everything a report is built from besides the problem and the outcome.
    public struct Context: Sendable {
        public var seed: String
        /// Population shares per feature and value; they override the quotas file's `population_share` column.
        public var populationShares: PopulationShares?
        public var registerCount: Int?
        public var invitedCount: Int?
        /// From `invite`'s `invitations-report.json`, when given.
        public var invitations: InvitationsSummary?
        public var transparency: Transparency?

        public init(seed: String, populationShares: PopulationShares? = nil, registerCount: Int? = nil, invitedCount: Int? = nil,
                    invitations: InvitationsSummary? = nil, transparency: Transparency? = nil) {
            self.seed = seed; self.populationShares = populationShares; self.registerCount = registerCount
            self.invitedCount = invitedCount; self.invitations = invitations; self.transparency = transparency
        }
    }

    public static func build(problem: SelectionProblem, quotas: QuotaSet, outcome: SelectionOutcome, context: Context) throws -> RepresentativenessReport {
        let k = outcome.panel.count
        let n = problem.count
        let registerCount = context.registerCount ?? context.invitations?.registerCount
        let notes = outcome.notes
        var features: [FeatureComposition] = []
        for (f, feature) in problem.features.enumerated() {
            var pool = [Int](repeating: 0, count: feature.values.count)
            var panel = pool
            for person in problem.category { pool[person[f]] += 1 }
            for i in outcome.panel { panel[problem.category[i][f]] += 1 }
            let quotaRows = quotas.quotas(for: feature.name)
            let shares: [Double?] = feature.values.map { value in
                context.populationShares?.share(feature: feature.name, value: value)
                    ?? quotaRows.first { QuotaSet.matchKey($0.value) == QuotaSet.matchKey(value) }?.populationShare
            }
            var values: [ValueComposition] = []
            // A combination's "any other combination" bucket is no quota of anyone's: not shown.
            for v in feature.values.indices where feature.isQuotaRow(v) {
                let proportional = shares[v].map { $0 * Double(k) }
                let valueLabels = quotaRows.first { QuotaSet.matchKey($0.value) == QuotaSet.matchKey(feature.values[v]) }?.valueLabels ?? [:]
                values.append(ValueComposition(
                    value: feature.values[v], populationShare: shares[v],
                    poolCount: pool[v], poolShare: n > 0 ? Double(pool[v]) / Double(n) : 0,
                    quotaMin: feature.min[v], quotaMax: feature.max[v],
                    panelCount: panel[v], panelShare: k > 0 ? Double(panel[v]) / Double(k) : 0,
                    proportionalSeats: proportional, deviation: proportional.map { Double(panel[v]) - $0 },
                    outsideQuota: panel[v] < feature.min[v] || panel[v] > feature.max[v],
                    farFromProportional: proportional.map { isFar(seats: panel[v], proportional: $0) } ?? false))
                values[values.count - 1].labels = valueLabels.isEmpty ? nil : valueLabels
            }
            var composition = FeatureComposition(name: feature.name, values: values)
            let labels = quotaRows.first { !$0.featureLabels.isEmpty }?.featureLabels
            composition.labels = labels
            composition.sharesOrigin = sharesOrigin(feature: feature.name, quotaRows: quotaRows, quotas: quotas, context: context)
            var testShares = shares
            if let other = feature.otherValue {
                // A combination's rows cover part of the population; the rest is the "any other" cell of the test.
                let listed = shares.indices.filter { $0 != other }.compactMap { shares[$0] }
                let sum = listed.reduce(0, +)
                if listed.count == shares.count - 1, sum < 1 - 1e-9 { testShares[other] = 1 - sum }
            }
            let known = testShares.compactMap { $0 }
            if known.count == testShares.count, !known.isEmpty {
                let total = known.reduce(0, +)
                composition.populationShareTotal = total
                composition.panelTest = try GoodnessOfFit.test(observed: panel, shares: known, populationSize: registerCount,
                                                               random: SeededRandom(seed: context.seed, purpose: "report-test-panel-\(feature.name)"))
                composition.poolTest = try GoodnessOfFit.test(observed: pool, shares: known, populationSize: registerCount,
                                                              random: SeededRandom(seed: context.seed, purpose: "report-test-pool-\(feature.name)"))
            }
            features.append(composition)
        }
        var funnel = Funnel(registerCount: registerCount, invitedCount: context.invitedCount ?? context.invitations?.invitedCount,
                            respondentCount: n, panelCount: k, strata: context.invitations?.strata ?? [],
                            weighting: context.invitations?.weighting)
        funnel.allResidentsCount = context.invitations?.allResidentsCount
        funnel.minimumAge = context.invitations?.minimumAge
        funnel.addressChances = context.invitations?.addressChances
        var fair = fairness(outcome)
        fair.certain = certainSelection(problem: problem, outcome: outcome)
        return RepresentativenessReport(panelSize: problem.panelSize, seed: context.seed, algorithm: outcome.algorithm, notes: notes,
                                        populationSharesSource: context.populationShares.map { ($0.source as NSString).lastPathComponent },
                                        funnel: funnel, features: features,
                                        fairness: fair, transparency: context.transparency)
    }

    /// Where a feature's population shares came from: a `--population-shares` file that names it, else what the
    /// quotas file says (`share_source`, written by `quotas`), else the quotas file itself; nil without shares.
    static func sharesOrigin(feature: String, quotaRows: [Quota], quotas: QuotaSet, context: Context) -> String? {
        if let shares = context.populationShares, !shares.entries(for: feature).isEmpty {
            return "shares_file:" + (shares.source as NSString).lastPathComponent
        }
        guard quotaRows.contains(where: { $0.populationShare != nil }) else { return nil }
        let sources = Set(quotaRows.compactMap(\.shareSource))
        if sources.count == 1 { return sources.first! }
        return "quotas:" + (quotas.source as NSString).lastPathComponent
    }

    /// Respondents with a chance of 1, and the groups that explain it: a value whose respondents number no more
    /// than its quota minimum must have every one of them on every panel.
    static func certainSelection(problem: SelectionProblem, outcome: SelectionOutcome) -> CertainSelection? {
        let chances = outcome.probabilities.values
        let certain = chances.indices.filter { chances[$0] >= 1 - 1e-6 }
        guard !certain.isEmpty, chances.count == problem.count else { return nil }
        var groups: [CertainSelection.Group] = []
        var explained = Set<Int>()
        for (f, feature) in problem.features.enumerated() {
            var pool = [Int](repeating: 0, count: feature.values.count)
            for person in problem.category { pool[person[f]] += 1 }
            for v in feature.values.indices where pool[v] > 0 && pool[v] <= feature.min[v] {
                let members = certain.filter { problem.category[$0][f] == v }
                guard !members.isEmpty else { continue }
                explained.formUnion(members)
                groups.append(.init(feature: feature.name, value: feature.values[v], respondents: pool[v], quotaMin: feature.min[v]))
            }
        }
        return CertainSelection(count: certain.count, groups: groups, unexplained: certain.count - explained.count)
    }

    /// "Far from proportional": more than one seat away and more than 10% of the proportional seats away.
    /// One seat is always allowed because seats are whole numbers (the OECD floor/ceil practice).
    public static func isFar(seats: Int, proportional: Double) -> Bool {
        let gap = abs(Double(seats) - proportional)
        return gap > 1 && gap > 0.1 * proportional
    }

    static func fairness(_ outcome: SelectionOutcome) -> Fairness {
        let chances = outcome.probabilities
        let s = Inequality.summary(chances.values)
        return Fairness(respondentCount: chances.values.count, isEstimate: chances.isEstimate, estimateRuns: chances.estimateRuns,
                        minimum: s.min, maximum: s.max, mean: s.mean, gini: Inequality.gini(chances.values),
                        atMinimum: chances.values.filter { $0 - s.min <= 1e-9 }.count,
                        largestStandardError: chances.isEstimate ? chances.standardErrors?.max() : nil,
                        panelsInDistribution: outcome.distribution.map { $0.probabilities.filter { $0 > 0 }.count },
                        histogram: Inequality.histogram(chances.values))
    }
}
