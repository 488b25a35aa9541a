/// `select --alternates A`: the alternates of the drawn panel, and everybody's chance of becoming an alternate.
///
/// The panel is drawn first, exactly as without alternates, so nobody's chance of being on the panel changes. The
/// alternates are then a function of the drawn panel and the seed (`Alternates.choose` with a fresh stream of purpose
/// `alternates`, so the same panel always gets the same alternates). A respondent's chance of being an alternate is
/// therefore `Σ_panels P(panel) × P(alternate | panel)`: computed over every panel of the fair distribution when it
/// has at most `exactPanelLimit` panels (or the panel is small, see `Alternates.exactUpTo`), otherwise estimated from `estimatePanels` panels drawn from it (seeded, stream
/// `alternates-chance`; the estimate and its number of panels are stated).
public enum AlternatesDraw {
    public static let exactPanelLimit = 12
    public static let estimatePanels = 8

    public struct Result: Sendable {
        /// The drawn panel's alternates.
        public var choice: Alternates.Choice
        /// Everybody's chance of being an alternate.
        public var chances: SelectionProbabilities
    }

    public static func run(problem: SelectionProblem, outcome: SelectionOutcome, rates: [Double], count: Int, targets: [[Double]],
                           seed: String, progress: (@Sendable (String) -> Void)? = nil) throws -> Result {
        func alternates(for panel: [Int], evaluate: Bool = false) throws -> Alternates.Choice {
            try Alternates.choose(problem: problem, panel: panel, rates: rates, count: count, targets: targets,
                                  random: SeededRandom(seed: seed, purpose: "alternates"), evaluate: evaluate)
        }
        let choice = try alternates(for: outcome.panel, evaluate: true)
        guard let distribution = outcome.distribution, !distribution.panels.isEmpty else {
            // No distribution (legacy): the chance given the drawn panel is all that can be said without re-drawing.
            return Result(choice: choice, chances: SelectionProbabilities(values: choice.conditionalChance, isEstimate: true,
                                                                          standardErrors: nil, estimateRuns: 1))
        }
        var chance = [Double](repeating: 0, count: problem.count)
        let panels = distribution.panels.indices.filter { distribution.probabilities[$0] > 0 }
        // Small panels take milliseconds each, so their distributions are always done exactly.
        if panels.count <= exactPanelLimit || (outcome.panel.count <= Alternates.exactUpTo && panels.count <= 100) {
            for j in panels {
                let c = distribution.panels[j] == outcome.panel ? choice : try alternates(for: distribution.panels[j])
                for i in chance.indices { chance[i] += distribution.probabilities[j] * c.conditionalChance[i] }
            }
            return Result(choice: choice, chances: SelectionProbabilities(values: chance))
        }
        let random = try SeededRandom(seed: seed, purpose: "alternates-chance")
        var square = [Double](repeating: 0, count: problem.count)
        let weights = panels.map { distribution.probabilities[$0] }
        for r in 0..<estimatePanels {
            progress?("alternates: chance of being an alternate, panel \(r + 1) of \(estimatePanels)")
            let j = panels[random.weightedIndex(weights)]
            let c = try alternates(for: distribution.panels[j])
            for i in chance.indices { chance[i] += c.conditionalChance[i]; square[i] += c.conditionalChance[i] * c.conditionalChance[i] }
        }
        let n = Double(estimatePanels)
        let mean = chance.map { $0 / n }
        let errors = mean.indices.map { i in (Swift.max(0, square[i] / n - mean[i] * mean[i]) / Swift.max(1, n - 1)).squareRoot() }
        return Result(choice: choice, chances: SelectionProbabilities(values: mean, isEstimate: true, standardErrors: errors, estimateRuns: estimatePanels))
    }
}

extension AlternatesDraw {
    /// The report's note on the alternates: how many, how they were chosen, and what that is expected to give.
    public static func note(_ result: Result, count: Int) -> OutcomeNote {
        let c = result.choice
        return .alternates(count: count, exact: c.exact, patterns: c.patterns, provenOptimal: c.provenOptimal,
                           seatsOffWithout: c.withoutAlternates.seatsOffQuota, seatsOffWith: c.expected.seatsOffQuota,
                           chancesEstimated: result.chances.isEstimate, estimatePanels: result.chances.estimateRuns ?? 0)
    }
}
