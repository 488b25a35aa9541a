import Testing
@testable import Kleroterion

/// Properties of `check`, the relaxation and `replace` over random small pools, against brute force.
@Suite struct FeasibilityPropertyTests {
    static let cases = 0..<120

    @Test(arguments: cases)
    func checkAgreesWithBruteForce(seed: Int) throws {
        let p = try RandomInstances(seed: "check \(seed)").problem()
        let c = PanelConstraints(problem: p)
        let exact = try FeasibilityCheck.exact().isFeasible(c)
        #expect(exact == PanelBruteForce.isFeasible(c))
        // Every counting reason is sound: when one fires, no panel exists.
        if !SeatCounts(c).reasons().isEmpty { #expect(!PanelBruteForce.isFeasible(c)) }
    }

    @Test(arguments: cases)
    func conflictIsIrreducibleAndReasonsAreGiven(seed: Int) throws {
        let p = try RandomInstances(seed: "conflict \(seed)").problem()
        let c = PanelConstraints(problem: p)
        let report = try FeasibilityCheck.exact().run(c)
        guard !report.isFeasible else { #expect(report.conflict == nil); return }
        #expect(!report.reasons.isEmpty)
        let conflict = try #require(report.conflict)
        #expect(report.conflicts.first == conflict)
        let only = { (bounds: [QuotaBound]) in c.with(features: p.keeping(only: Set(bounds)).features) }
        for group in report.conflicts {
            #expect(!PanelBruteForce.isFeasible(only(group)))
            for b in group { #expect(PanelBruteForce.isFeasible(only(group.filter { $0 != b }))) }
        }
        // The conflicts share no bound, and the smallest comes first.
        let all = report.conflicts.flatMap { $0 }
        #expect(Set(all).count == all.count)
        #expect(report.conflicts.allSatisfy { $0.count >= conflict.count })
        #expect((report.relaxation == nil) == conflict.isEmpty)
    }

    @Test(arguments: cases)
    func relaxationIsFeasibleAndMinimal(seed: Int) throws {
        let gen = try RandomInstances(seed: "relax \(seed)")
        let p = gen.problem()
        let shares = gen.shares(p)
        let c = PanelConstraints(problem: p)
        let report = try FeasibilityCheck.exact().run(c, shares: shares)
        let targets = QuotaRelaxation.targets(p, shares: shares)
        let best = PanelBruteForce.cheapestRelaxation(c, targets: targets)
        if report.isFeasible { #expect(best?.seats == 0); return }
        guard let relaxation = report.relaxation else { #expect(best == nil); return }
        let relaxed = relaxation.apply(to: p)
        #expect(PanelBruteForce.isFeasible(PanelConstraints(problem: relaxed)))
        #expect(relaxation.seats == best?.seats)
        // Among relaxations of that size, the fewest seats move away from the targets.
        let away = relaxation.rows.reduce(0) { sum, r in
            let towardsLower = max(0, min(r.oldMin, r.oldMin - Int(r.target.rounded(.down))))
            let towardsRaise = max(0, Int(r.target.rounded(.up)) - r.oldMax)
            return sum + max(0, r.oldMin - r.newMin - towardsLower) + max(0, r.newMax - r.oldMax - towardsRaise)
        }
        #expect(away == best?.away)
        #expect(relaxation.rows.allSatisfy { $0.newMin >= 0 && $0.newMin <= $0.oldMin && $0.newMax >= $0.oldMax && $0.newMin <= $0.newMax })
    }

    @Test(arguments: 0..<60)
    func feasibleMeansSelectSucceedsAndNobodyIsLost(seed: Int) throws {
        let p = try RandomInstances(seed: "select \(seed)").problem()
        guard try FeasibilityCheck.exact().isFeasible(PanelConstraints(problem: p)) else { return }
        let algorithm = try SelectionAlgorithms.named(SelectionAlgorithms.names[0])
        let outcome = try algorithm.select(p, random: try SeededRandom(seed: "s\(seed)"), options: SelectionOptions(legacyEstimateRuns: 20))
        #expect(p.violations(of: outcome.panel).isEmpty)
        let pool = try Pool(table: Table(source: "pool.csv", header: ["id"], rows: p.ids.map { [$0] }, lineNumbers: p.ids.indices.map { $0 + 2 }))
        let panel = PanelFiles.panel(pool, members: outcome.panel).split(separator: "\n").dropFirst()
        let remaining = PanelFiles.remaining(pool, members: outcome.panel).split(separator: "\n").dropFirst()
        #expect((panel + remaining).map(String.init).sorted() == p.ids.sorted())
        #expect(panel.count == p.panelSize)
    }

    @Test(arguments: 0..<80)
    func replacementKeepsConfirmedAndMeetsQuotas(seed: Int) throws {
        let gen = try RandomInstances(seed: "replace \(seed)")
        let p = gen.problem()
        // Take a valid panel by brute force, then let one or two members drop out.
        let all = PanelBruteForce.panels(PanelConstraints(problem: p)).filter { p.violations(of: $0).isEmpty }
        guard !all.isEmpty else { return }
        let panel = all[gen.random.int(below: all.count)]
        let out = gen.random.choose(min(panel.count, gen.int(1...2)), from: panel)
        let confirmed = panel.filter { !out.contains($0) }
        let onPanel = Set(panel)
        let c = PanelConstraints(problem: p, confirmed: confirmed, eligible: p.category.indices.map { !onPanel.contains($0) })
        let feasible = try FeasibilityCheck.exact().isFeasible(c)
        #expect(feasible == PanelBruteForce.isFeasible(c))
        guard feasible else {
            let report = try FeasibilityCheck.exact().run(c)
            #expect(!report.reasons.isEmpty)
            let best = PanelBruteForce.cheapestRelaxation(c, targets: QuotaRelaxation.targets(p, shares: []))
            #expect(report.relaxation?.seats == best?.seats)
            if let r = report.relaxation { #expect(PanelBruteForce.isFeasible(c.with(features: r.apply(to: p).features))) }
            return
        }
        let algorithm = try SelectionAlgorithms.named(SelectionAlgorithms.names[0])
        let options = SelectionOptions(legacyEstimateRuns: 20)
        let result = try Replacement.draw(c, algorithm: algorithm, random: try SeededRandom(seed: "r\(seed)", purpose: "replace"), options: options)
        let again = try Replacement.draw(c, algorithm: algorithm, random: try SeededRandom(seed: "r\(seed)", purpose: "replace"), options: options)
        #expect(result.panel == again.panel)
        #expect(p.violations(of: result.panel).isEmpty)
        #expect(Set(confirmed).isSubset(of: Set(result.panel)))
        #expect(result.replacements.allSatisfy { !onPanel.contains($0) })
        #expect(result.replacements.count == out.count)
    }
}

extension FeasibilityPropertyTests {
    /// The generator must give both answers, and infeasible cases the counting arguments miss, or the
    /// properties above would prove little.
    @Test func generatorCoversBothAnswers() throws {
        var feasible = 0, infeasible = 0, subtle = 0, withHouseholds = 0, bigRelaxation = 0
        for seed in Self.cases {
            let gen = try RandomInstances(seed: "check \(seed)")
            let p = gen.problem()
            let c = PanelConstraints(problem: p)
            if p.hasSharedHouseholds { withHouseholds += 1 }
            if PanelBruteForce.isFeasible(c) { feasible += 1; continue }
            infeasible += 1
            if SeatCounts(c).reasons().isEmpty { subtle += 1 }
            if let r = try FeasibilityCheck.exact().run(c).relaxation, r.seats > 1 { bigRelaxation += 1 }
        }
        print("generator: \(feasible) feasible, \(infeasible) infeasible (\(subtle) beyond counting, \(bigRelaxation) needing > 1 seat), \(withHouseholds) with shared households")
        #expect(feasible >= 20 && infeasible >= 20)
        #expect(subtle >= 3)
        #expect(bigRelaxation >= 3)
        #expect(withHouseholds >= 30)
    }
}

extension FeasibilityPropertyTests {
    /// The reduced draw has exactly the valid completions as its panels, so LEXIMIN on it is LEXIMIN over the
    /// completions; and the replacement chances equal brute-force LEXIMIN over those completions.
    @Test(arguments: 0..<40)
    func replacementIsLeximinOverTheCompletions(seed: Int) throws {
        let gen = try RandomInstances(seed: "leximin completions \(seed)")
        let p = gen.problem()
        let valid = PanelBruteForce.panels(PanelConstraints(problem: p)).filter { p.violations(of: $0).isEmpty }
        guard !valid.isEmpty else { return }
        let panel = valid[gen.random.int(below: valid.count)]
        let out = gen.random.choose(min(panel.count, gen.int(1...2)), from: panel)
        let onPanel = Set(panel)
        let c = PanelConstraints(problem: p, confirmed: panel.filter { !out.contains($0) }, eligible: p.category.indices.map { !onPanel.contains($0) })
        let completions = Set(PanelBruteForce.panels(c).filter { p.violations(of: $0).isEmpty })
        let (reduced, people) = c.remainingDraw()
        let mapped = Set(FairBruteForce.panels(reduced).map { ($0.map { people[$0] } + c.confirmed).sorted() })
        #expect(mapped == completions)
        guard !completions.isEmpty else { return }
        let result = try Replacement.draw(c, algorithm: LeximinSelection(), random: try SeededRandom(seed: "lx\(seed)", purpose: "replace"),
                                          options: SelectionOptions())
        #expect(completions.contains(result.panel))
        let expected = try FairBruteForce.leximin(reduced)
        for (a, b) in zip(result.outcome.probabilities.values, expected) { #expect(abs(a - b) < 1e-6) }
    }
}
