import Testing
@testable import Kleroterion

@Suite struct LotteryRoundingTests {
    @Test func countsSumToMAndPanelsComeFromTheSupport() throws {
        let f = try LotteryFixture(panels: 1000)
        let r = try LotteryRounding(panelCount: 1000).round(try f.distribution, personCount: f.problem.count)
        #expect(r.panels.count == 1000)
        #expect(r.counts.reduce(0, +) == 1000)
        let support = Set(try f.distribution.panels)
        #expect(r.panels.allSatisfy { support.contains($0) })
        #expect(r.panels.allSatisfy { f.problem.violations(of: $0).isEmpty })
    }

    @Test func lotteryChancesAreTheShareOfPanelsAndStayWithinTheStatedBound() throws {
        let f = try LotteryFixture(panels: 1000)
        let r = try LotteryRounding(panelCount: 1000).round(try f.distribution, personCount: f.problem.count)
        var counts = [Int](repeating: 0, count: f.problem.count)
        for panel in r.panels { for i in panel { counts[i] += 1 } }
        let optimal = try f.distribution.marginals(personCount: f.problem.count)
        for i in 0..<f.problem.count {
            #expect(r.lottery[i] == Double(counts[i]) / 1000)
            #expect(abs(r.optimal[i] - optimal[i]) < 1e-12)
            #expect(abs(r.lottery[i] - r.optimal[i]) <= r.maxDeviation + 1e-15)
        }
        // k/m = 0.006 is the naive worst case; the rounding must do far better.
        #expect(r.maxDeviation <= 0.25 * 6.0 / 1000)
    }

    @Test func localSearchImprovesOnLargestRemainderAlone() throws {
        let f = try LotteryFixture(panels: 100)
        let plain = try LotteryRounding(panelCount: 100, maxMoves: 0).round(try f.distribution, personCount: f.problem.count)
        let improved = try LotteryRounding(panelCount: 100).round(try f.distribution, personCount: f.problem.count)
        #expect(improved.moves > 0)
        #expect(improved.maxDeviation < plain.maxDeviation)
        #expect(improved.maxDeviation <= 1.0 / 100 + 1e-12)
    }

    @Test func roundingIsDeterministic() throws {
        let f = try LotteryFixture(panels: 100)
        let a = try LotteryRounding(panelCount: 300).round(try f.distribution, personCount: f.problem.count)
        let b = try LotteryRounding(panelCount: 300).round(try f.distribution, personCount: f.problem.count)
        #expect(a.panels == b.panels)
    }

    @Test func anExactlyRepresentableDistributionIsKeptExactly() throws {
        // Three panels with probabilities 0.5, 0.3, 0.2 on a 10-panel lottery: 5, 3 and 2 copies, no change.
        let d = PanelDistribution(panels: [[0, 1], [1, 2], [2, 3]], probabilities: [0.5, 0.3, 0.2])
        let r = try LotteryRounding(panelCount: 10).round(d, personCount: 4)
        #expect(r.counts == [5, 3, 2])
        #expect(r.maxDeviation < 1e-12)
    }
}

@Suite struct SeedRuleTests {
    @Test func matchesAnIndependentPythonImplementationIncludingRehashing() throws {
        // m = 3·2^61 rejects a quarter of all 64-bit words, so some seeds need the re-hash step.
        let m = 3 << 61
        let hash = Hashing.sha256("manifest")
        let seeds = (0..<400).map { "seed \($0)" }
        let script = """
        import hashlib, sys
        m = \(m)
        for seed in sys.argv[2:]:
            h = hashlib.sha256(sys.argv[1].encode() + b'\\x1f' + b'text' + b'\\x1f' + seed.encode()).digest(); n = 0
            while True:
                ws = [int.from_bytes(h[i:i+8], 'big') for i in range(0, 32, 8) if int.from_bytes(h[i:i+8], 'big') < 2**64 - 2**64 % m]
                if ws: break
                h = hashlib.sha256(h).digest(); n += 1
            print(1 + ws[0] % m, n)
        """
        let python = try runProgram("python3", ["-c", script, hash] + seeds)
        let (status, output) = (python.status, python.output)
        #expect(status == 0)
        let lines = output.split(separator: "\n")
        #expect(lines.count == seeds.count)
        var rehashed = 0
        for (seed, line) in zip(seeds, lines) {
            let parts = line.split(separator: " ")
            let outcome = SeedRule.panel(lotteryHash: hash, format: "text", seed: seed, panelCount: m)
            #expect(String(outcome.panel) == String(parts[0]), "seed \(seed)")
            #expect(outcome.blocks.count == Int(parts[1])! + 1)
            if outcome.blocks.count > 1 { rehashed += 1 }
        }
        #expect(rehashed > 0)
    }

    @Test func everyPanelNumberIsReachedAndInRange() {
        var hits = [Int](repeating: 0, count: 7)
        for s in 0..<700 {
            let p = SeedRule.panel(lotteryHash: String(repeating: "a", count: 64), format: "text", seed: "s\(s)", panelCount: 7).panel
            #expect((1...7).contains(p))
            hits[p - 1] += 1
        }
        #expect(hits.allSatisfy { $0 > 50 })
    }

    @Test func theLotteryHashChangesThePanel() {
        let numbers = Set((0..<20).map { SeedRule.panel(lotteryHash: Hashing.sha256("m\($0)"), format: "text", seed: "same seed", panelCount: 1000).panel })
        #expect(numbers.count > 10)
    }
}
