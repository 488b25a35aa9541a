import Foundation
@testable import Kleroterion

/// Report inputs for the tests: a tiny hand-built draw (for goldens) and a synthetic Zeist-like draw.
enum ReportExamples {
    /// 12 respondents, gender × age, panel of 4, with a hand-built exact distribution over three panels, so the
    /// golden files do not depend on any algorithm.
    static func tiny() throws -> RepresentativenessReport {
        let genders = ["vrouw", "man"], ages = ["16-39", "40-64", "65+"]
        let people: [[Int]] = [[0, 0], [0, 1], [0, 1], [0, 2], [0, 1], [1, 0], [1, 1], [1, 1], [1, 2], [1, 2], [0, 1], [1, 1]]
        let quotaRows = [
            Quota(feature: "geslacht", value: "vrouw", min: 2, max: 2, populationShare: 0.51),
            Quota(feature: "geslacht", value: "man", min: 2, max: 2, populationShare: 0.49),
            Quota(feature: "leeftijd", value: "16-39", min: 1, max: 2, populationShare: 0.38),
            Quota(feature: "leeftijd", value: "40-64", min: 1, max: 2, populationShare: 0.40),
            Quota(feature: "leeftijd", value: "65+", min: 1, max: 1, populationShare: 0.22),
        ]
        let quotas = QuotaSet(source: "quotas.csv", quotas: quotaRows)
        let features = [
            SelectionProblem.Feature(name: "geslacht", values: genders, min: [2, 2], max: [2, 2]),
            SelectionProblem.Feature(name: "leeftijd", values: ages, min: [1, 1, 1], max: [2, 2, 1]),
        ]
        let problem = SelectionProblem(panelSize: 4, features: features, category: people, household: Array(0..<12),
                                       ids: (0..<12).map { String(format: "R-%04d", 7301 + $0) })
        let distribution = PanelDistribution(panels: [[0, 1, 5, 8], [3, 4, 6, 7], [0, 10, 9, 11]], probabilities: [0.5, 0.25, 0.25])
        let outcome = SelectionOutcome(panel: [0, 1, 5, 8], probabilities: SelectionProbabilities(values: distribution.marginals(personCount: 12)),
                                       distribution: distribution, algorithm: "maximin", notes: [])
        let context = ReportBuilder.Context(seed: "2026-03-14 lotto 3 17 22 31 40 41", registerCount: 480, invitedCount: 120)
        return try ReportBuilder.build(problem: problem, quotas: quotas, outcome: outcome, context: context)
    }

    /// A synthetic Zeist-like draw: 935 respondents (skewed towards highly educated people over 40) from 6,500 letters
    /// over a register of 50,000, a panel of 150 drawn with `legacy` (chances estimated from 40 runs).
    ///
    /// The district shares are the approximate Beter Zeist figures from the reference templates (they add up to 99.5%);
    /// the age, gender and education shares are made up for this synthetic test and are not Zeist's.
    static func zeistLike(transparency: Transparency? = nil) throws -> RepresentativenessReport {
        var report = try zeistLikeOnce.get()
        report.transparency = transparency
        return report
    }

    /// Built once per test process: the legacy estimate is the slow part in debug builds.
    private static let zeistLikeOnce = Result { try buildZeistLike() }

    private static func buildZeistLike() throws -> RepresentativenessReport {
        let features: [(String, [(String, Double)], [Double])] = [
            ("opleiding", [("laag", 0.28), ("middelbaar", 0.37), ("hoog", 0.35)], [0.12, 0.30, 0.58]),
            ("wijk", [("Zeist-Noord", 0.27), ("Zeist-Centrum", 0.25), ("Zeist-West", 0.23), ("Zeist-Oost (excl. Austerlitz)", 0.10),
                      ("Den Dolder", 0.06), ("Huis ter Heide (incl. Beukbergen)", 0.04), ("Bosch en Duin", 0.02), ("Austerlitz", 0.025)],
             [0.25, 0.27, 0.20, 0.11, 0.06, 0.05, 0.03, 0.0]),
            ("leeftijd", [("16-24", 0.12), ("25-34", 0.14), ("35-44", 0.14), ("45-54", 0.17), ("55-64", 0.17), ("65-74", 0.14), ("75+", 0.12)],
             [0.05, 0.09, 0.13, 0.20, 0.23, 0.20, 0.10]),
            ("geslacht", [("vrouw", 0.51), ("man", 0.49)], [0.47, 0.53]),
        ]
        let random = try SeededRandom(seed: "zeist-like report example")
        let n = 935, k = 150
        var people: [[Int]] = (0..<n).map { _ in features.map { random.weightedIndex($0.2) } }
        // Only two respondents from Austerlitz, whose quota asks for at least 2: both are certain to be chosen.
        people[n - 1][1] = 7
        people[n - 2][1] = 7
        let origins = ["opleiding": "shares_file:cbs-education-utrecht-2024.csv"]
        let labels = ["opleiding": ["nl": "Opleidingsniveau", "en": "Education", "de": "Bildungsniveau"],
                      "wijk": ["nl": "Wijk", "en": "District", "de": "Ortsteil"]]
        var quotaRows: [Quota] = []
        for (name, values, _) in features {
            for (value, share) in values {
                let seats = share * Double(k)
                var q = Quota(feature: name, value: value, min: max(0, Int(seats.rounded(.down)) - 1),
                              max: Int(seats.rounded(.up)) + 1, populationShare: share)
                q.shareSource = origins[name] ?? "register:register.csv"
                q.featureLabels = labels[name] ?? [:]
                quotaRows.append(q)
            }
        }
        let quotas = QuotaSet(source: "quotas.csv", quotas: quotaRows)
        let problemFeatures = features.map { f in
            let rows = quotas.quotas(for: f.0)
            return SelectionProblem.Feature(name: f.0, values: rows.map(\.value), min: rows.map(\.min), max: rows.map(\.max))
        }
        let problem = SelectionProblem(panelSize: k, features: problemFeatures, category: people, household: Array(0..<n),
                                       ids: (0..<n).map { "Z\(100_000 + $0)" })
        let outcome = try LegacySelection().select(problem, random: try SeededRandom(seed: "zeist report draw"),
                                                   options: SelectionOptions(legacyEstimateRuns: 40))
        let invitations = InvitationsSummary(registerCount: 50_000, invitedCount: 6_500, strata: [
            FunnelStratum(name: "Zeist-Noord", population: 13_500, invited: 1_755, respondents: 234, weight: 1),
            FunnelStratum(name: "Zeist-Centrum", population: 12_500, invited: 1_625, respondents: 252, weight: 1),
        ], weighting: "none")
        var withAddresses = invitations
        withAddresses.allResidentsCount = 62_015
        withAddresses.minimumAge = 16
        withAddresses.addressChances = AddressChances(alone: 0.22, largestAddress: 58, atLargestAddress: 0.0038)
        let context = ReportBuilder.Context(seed: "2026-03-14 lotto 3 17 22 31 40 41", invitations: withAddresses)
        return try ReportBuilder.build(problem: problem, quotas: quotas, outcome: outcome, context: context)
    }

    static let sampleTransparency = Transparency(
        seedSource: "Lotto-trekking van 14 maart 2026", committedAt: "2026-03-10T12:00:00Z",
        hashes: [CommittedHash(file: "pool.csv", sha256: String(repeating: "3f9a", count: 16)),
                 CommittedHash(file: "lottery.csv", sha256: String(repeating: "b7c1", count: 16))],
        lotteryPanels: 1000, panelNumber: 187,
        verifyCommand: "kleroterion verify --commitment commitment/ --seed \"2026-03-14 lotto 3 17 22 31 40 41\"")
}
