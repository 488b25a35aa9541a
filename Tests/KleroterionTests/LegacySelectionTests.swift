import Testing
@testable import Kleroterion

@Suite struct LegacySelectionTests {
    /// 40 people, two features, households of two for the first 10 people.
    func problem() -> SelectionProblem {
        let people = (0..<40).map { [$0 % 2, $0 % 4 == 0 ? 0 : ($0 % 3 == 0 ? 1 : 2)] }
        var household = Array(0..<40)
        for i in stride(from: 0, to: 10, by: 2) { household[i + 1] = i }
        return makeProblem(panelSize: 10, bounds: [[(5, 5), (5, 5)], [(2, 4), (2, 4), (3, 6)]], people: people, household: household)
    }

    @Test(arguments: 0..<200)
    func quotasAndHouseholdsHoldForEverySeed(seed: Int) throws {
        let p = problem()
        let panel = try #require(LegacySelection().drawPanel(p, random: try SeededRandom(seed: "seed \(seed)")))
        #expect(p.violations(of: panel).isEmpty)
    }

    @Test func sameSeedSamePanelDifferentSeedsDiffer() throws {
        let p = problem()
        let a = LegacySelection().drawPanel(p, random: try SeededRandom(seed: "one"))
        let b = LegacySelection().drawPanel(p, random: try SeededRandom(seed: "one"))
        let panels = Set(try (0..<20).map { LegacySelection().drawPanel(p, random: try SeededRandom(seed: "s\($0)"))! })
        #expect(a == b)
        #expect(panels.count > 1)
    }

    @Test func estimatedChancesSumToThePanelSize() throws {
        let p = problem()
        let outcome = try LegacySelection().select(p, random: try SeededRandom(seed: "sum"), options: SelectionOptions(legacyEstimateRuns: 300))
        #expect(outcome.probabilities.isEstimate)
        #expect(abs(outcome.probabilities.values.reduce(0, +) - Double(p.panelSize)) < 1e-9)
    }

    @Test func impossibleQuotasFailWithAClearMessage() throws {
        // Only 4 people have value 0 of feature 0, but the minimum asks for 5.
        let people = (0..<20).map { [$0 < 4 ? 0 : 1] }
        let p = makeProblem(panelSize: 8, bounds: [[(5, 8), (0, 8)]], people: people)
        #expect(throws: KleroterionError.self) {
            try LegacySelection(maxAttempts: 5).select(p, random: try SeededRandom(seed: "x"), options: SelectionOptions(legacyEstimateRuns: 1))
        }
    }
}
