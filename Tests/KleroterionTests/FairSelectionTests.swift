import Foundation
import Testing
@testable import Kleroterion

@Suite struct FairSelectionTests {
    static let seeds = Array(0..<10)

    /// Both routes: the LP relaxation proven attainable (falling back when it is not), and column generation only.
    static let methods: [FairMethod] = [.automatic, .columnGeneration]

    @Test(arguments: seeds, methods)
    func maximinMatchesBruteForce(seed: Int, method: FairMethod) throws {
        let p = try randomSmallProblem(seed: seed)
        guard !FairBruteForce.panels(p).isEmpty else { return }
        let expected = try FairBruteForce.maximin(p)
        let o = try MaximinSelection(method: method).select(p, random: try SeededRandom(seed: "m\(seed)"), options: SelectionOptions())
        checkOutcome(p, o)
        #expect(abs(o.probabilities.values.min()! - expected) < 1e-6, "maximin \(o.probabilities.values.min()!) vs brute force \(expected)")
    }

    @Test(arguments: seeds, methods)
    func leximinMatchesBruteForce(seed: Int, method: FairMethod) throws {
        let p = try randomSmallProblem(seed: seed)
        guard !FairBruteForce.panels(p).isEmpty else { return }
        let expected = try FairBruteForce.leximin(p)
        let o = try LeximinSelection(method: method).select(p, random: try SeededRandom(seed: "l\(seed)"), options: SelectionOptions())
        checkOutcome(p, o)
        // Leximin chances are unique, so they must match person by person.
        for i in 0..<p.count {
            #expect(abs(o.probabilities.values[i] - expected[i]) < 1e-6, "person \(i): \(o.probabilities.values[i]) vs \(expected[i])")
        }
    }

    @Test(arguments: seeds)
    func nashIsValidAndAtLeastAsGoodAsLeximinInLogSum(seed: Int) throws {
        let p = try randomSmallProblem(seed: seed)
        guard !FairBruteForce.panels(p).isEmpty else { return }
        let nash = try NashSelection().select(p, random: try SeededRandom(seed: "n\(seed)"), options: SelectionOptions())
        let lex = try LeximinSelection().select(p, random: try SeededRandom(seed: "n\(seed)"), options: SelectionOptions())
        checkOutcome(p, nash)
        let positive = (0..<p.count).filter { lex.probabilities.values[$0] > 1e-9 }
        func logSum(_ v: [Double]) -> Double { positive.reduce(0) { $0 + log(v[$1]) } }
        #expect(logSum(nash.probabilities.values) >= logSum(lex.probabilities.values) - 1e-4)
    }

    /// Three yes/no features and quotas of exactly one seat for the first value of each. Persons 0, 1 and 2
    /// pairwise share one of those values, so no valid panel contains any of them, yet half of each, with
    /// half of person 3, meets every quota: a fractional corner of the relaxation. Leximin over the
    /// relaxation would give persons 0–2 a positive chance that no mix of panels attains; the check must
    /// notice and cut it off, and the result must be the true leximin: 0 for persons 0–2, 1 for person 4.
    /// Column generation over panels alone must agree.
    @Test func aRelaxedOptimumThatNoPanelMixAttainsIsCutOff() throws {
        let people = [[0, 0, 1], [1, 0, 0], [0, 1, 0], [1, 1, 1], [0, 0, 0], [1, 1, 1]]
        let one = [(1, 1), (1, 1)]
        let p = makeProblem(panelSize: 2, bounds: [one, one, one], people: people)
        let expected = try FairBruteForce.leximin(p)
        #expect(zip(expected, [0, 0, 0, 0.5, 1, 0.5]).allSatisfy { abs($0 - $1) < 1e-9 }, "\(expected)")
        let cut = try LeximinSelection().select(p, random: try SeededRandom(seed: "corner"), options: SelectionOptions())
        let plain = try LeximinSelection(method: .columnGeneration).select(p, random: try SeededRandom(seed: "corner"), options: SelectionOptions())
        for o in [cut, plain] {
            checkOutcome(p, o)
            for i in 0..<p.count { #expect(abs(o.probabilities.values[i] - expected[i]) < 1e-6, "person \(i): \(o.probabilities.values[i])") }
        }
        #expect(cut.notes.contains { if case .leximinRelaxation(_, let cuts, _, _) = $0 { return cuts > 0 } else { return false } }, "\(cut.notes)")
        #expect(cut.notes.contains { $0.description.contains("cut") && $0.description.contains("relaxation") }, "\(cut.notes)")
        let maximin = try MaximinSelection().select(p, random: try SeededRandom(seed: "corner"), options: SelectionOptions())
        checkOutcome(p, maximin)
        #expect(abs(maximin.probabilities.values.min()! - 0) < 1e-9)
    }

    /// With two features and nobody sharing a household, the quota constraints form a bipartite (totally
    /// unimodular) system, so every corner of the relaxation is a panel: the fast route must always succeed,
    /// and it must agree with column generation person by person.
    @Test(arguments: 0..<6)
    func twoFeaturesAlwaysTakeTheRelaxationRouteAndAgreeWithColumnGeneration(seed: Int) throws {
        let r = try SeededRandom(seed: "two features \(seed)")
        let people = (0..<40).map { _ in [r.int(below: 3), r.int(below: 4)] }
        let bounds: [[(Int, Int)]] = [[(2, 5), (3, 6), (1, 4)], [(1, 4), (2, 4), (0, 3), (2, 5)]]
        let p = makeProblem(panelSize: 10, bounds: bounds, people: people)
        let fast = try LeximinSelection().select(p, random: try SeededRandom(seed: "route"), options: SelectionOptions())
        let slow = try LeximinSelection(method: .columnGeneration).select(p, random: try SeededRandom(seed: "route"), options: SelectionOptions())
        checkOutcome(p, fast)
        #expect(fast.notes.contains { $0.description.contains("linear relaxation") }, "\(fast.notes)")
        #expect(slow.notes.contains { if case .leximinColumnGeneration = $0 { return true } else { return false } }, "\(slow.notes)")
        for i in 0..<p.count {
            #expect(abs(fast.probabilities.values[i] - slow.probabilities.values[i]) < 1e-6, "person \(i)")
        }
    }

    /// A pool on which the face walk gets stuck although the relaxed optimum is attainable
    /// (Fixtures/fair/stuck-walk): column generation towards the point must prove it, and agree with
    /// column generation over panels alone.
    @Test func aStuckFaceWalkIsRescuedByColumnGenerationTowardsTheRelaxedOptimum() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/fair/stuck-walk").path
        let pool = try Pool(table: CSVReader.read(path: folder + "/people.csv"))
        let p = try SelectionProblem(pool: pool, quotas: QuotaSet(table: CSVReader.read(path: folder + "/quotas.csv")), panelSize: 8,
                                     householdColumns: ["address"])
        let walk = try FaceDecomposition.decompose(RelaxedLeximin.solve(run: FairRun("leximin", problem: p, options: SelectionOptions()))!.probabilities,
                                                   run: FairRun("leximin", problem: p, options: SelectionOptions()))
        #expect(walk.mix == nil, "the fixture should make the walk stop")
        let fast = try LeximinSelection().select(p, random: try SeededRandom(seed: "stuck"), options: SelectionOptions())
        let slow = try LeximinSelection(method: .columnGeneration).select(p, random: try SeededRandom(seed: "stuck"), options: SelectionOptions())
        checkOutcome(p, fast)
        #expect(fast.notes.contains { if case .leximinRelaxation(_, _, _, true) = $0 { return true } else { return false } }, "\(fast.notes)")
        #expect(fast.notes.contains { $0.description.contains("found by column generation towards it") }, "\(fast.notes)")
        for i in 0..<p.count {
            #expect(abs(fast.probabilities.values[i] - slow.probabilities.values[i]) < 1e-6, "person \(i): \(fast.probabilities.values[i]) vs \(slow.probabilities.values[i])")
        }
    }

    @Test func sameSeedSamePanelForEveryAlgorithm() throws {
        let p = try randomSmallProblem(seed: 4, n: 14, k: 6)
        for algorithm in [LeximinSelection() as any SelectionAlgorithm, MaximinSelection(), NashSelection()] {
            let a = try algorithm.select(p, random: try SeededRandom(seed: "same"), options: SelectionOptions())
            let b = try algorithm.select(p, random: try SeededRandom(seed: "same"), options: SelectionOptions())
            #expect(a.panel == b.panel)
            #expect(a.distribution == b.distribution)
            let drawn = Set(try (0..<12).map { try algorithm.select(p, random: try SeededRandom(seed: "s\($0)"), options: SelectionOptions()).panel })
            #expect(drawn.count > 1, "\(algorithm.name): different seeds should give different panels")
        }
    }

    @Test func interchangeableRespondentsGetEqualChances() throws {
        // 12 people of only 3 kinds; a pair of identical housemates; leximin gives each kind one chance.
        let people = (0..<12).map { [$0 % 3] }
        var household = Array(0..<12)
        household[3] = 0   // persons 0 and 3 (same kind) share a household
        let p = makeProblem(panelSize: 5, bounds: [[(1, 3), (1, 2), (2, 2)]], people: people, household: household)
        let o = try LeximinSelection().select(p, random: try SeededRandom(seed: "eq"), options: SelectionOptions())
        checkOutcome(p, o)
        let v = o.probabilities.values
        for i in 0..<12 { for j in 0..<12 where people[i] == people[j] && ![0, 3].contains(i) && ![0, 3].contains(j) {
            #expect(abs(v[i] - v[j]) < 1e-9)
        } }
        // Persons 0 and 3 are two roles (two classes) of one household type: equal by symmetry of the optimum,
        // but each class's chance comes out of the LP, so only up to GLPK's tolerances (docs/algorithms.md,
        // "Exactness and tolerances": a few 1e-8).
        #expect(abs(v[0] - v[3]) < 1e-7)
        #expect(abs(v.min()! - (try FairBruteForce.maximin(p))) < 1e-6)
    }

    @Test func impossibleQuotasGiveAClearError() throws {
        let people = (0..<10).map { [$0 < 2 ? 0 : 1] }
        let p = makeProblem(panelSize: 4, bounds: [[(3, 4), (0, 4)]], people: people)
        for algorithm in [LeximinSelection() as any SelectionAlgorithm, MaximinSelection(), NashSelection()] {
            #expect(throws: KleroterionError.self) { try algorithm.select(p, random: try SeededRandom(seed: "x"), options: SelectionOptions()) }
        }
    }

    @Test func registryHasLeximinFirst() throws {
        #expect(SelectionAlgorithms.names == ["leximin", "maximin", "nash", "legacy"])
    }
}

@Suite struct FairSelectionTimeLimitTests {
    @Test func aTimeLimitStopsCleanlyWithAValidDistribution() throws {
        let r = try SeededRandom(seed: "time limit pool")
        let people = (0..<80).map { _ in [r.int(below: 2), r.int(below: 4), r.int(below: 3)] }
        let p = makeProblem(panelSize: 20, bounds: [[(9, 11), (9, 11)], [(4, 6), (4, 6), (4, 6), (4, 6)], [(6, 8), (6, 8), (5, 8)]], people: people)
        for algorithm in [LeximinSelection() as any SelectionAlgorithm, MaximinSelection(), NashSelection()] {
            let o = try algorithm.select(p, random: try SeededRandom(seed: "t"), options: SelectionOptions(timeLimit: 1e-6))
            checkOutcome(p, o)
            #expect(o.notes.contains { if case .timeLimit(_, algorithm.name) = $0 { return true } else { return false } }, "\(algorithm.name): \(o.notes)")
        }
    }
}
