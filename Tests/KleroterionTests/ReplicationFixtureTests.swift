import Foundation
import Testing
@testable import Kleroterion

/// The two demo instances of the LEXIMIN replication repository (see Fixtures/replication/README.md).
@Suite struct ReplicationFixtureTests {
    static func load(_ name: String, panelSize: Int) throws -> (Pool, SelectionProblem) {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Fixtures/replication/\(name)").path
        // Their categories file says `category,feature` for what Kleroterion calls `feature,value`.
        var categories = try CSVReader.read(path: folder + "/categories.csv")
        categories.header = categories.header.map { ["category": "feature", "feature": "value"][$0] ?? $0 }
        // Their respondents have no ids: respondent i gets the id r<i>.
        var respondents = try CSVReader.read(path: folder + "/respondents.csv")
        respondents.header.insert("id", at: 0)
        respondents.rows = respondents.rows.enumerated().map { ["r\($0)"] + $1 }
        let pool = try Pool(table: respondents)
        return (pool, try SelectionProblem(pool: pool, quotas: QuotaSet(table: categories), panelSize: panelSize))
    }

    @Test(arguments: [("example_small_20", 20, 200), ("example_large_200", 200, 2000)])
    func everyAlgorithmMeetsTheQuotas(name: String, panelSize: Int, poolSize: Int) throws {
        let (pool, p) = try Self.load(name, panelSize: panelSize)
        #expect(pool.count == poolSize)
        for algorithm in [LeximinSelection() as any SelectionAlgorithm, MaximinSelection(), NashSelection()] {
            let o = try algorithm.select(p, random: try SeededRandom(seed: name), options: SelectionOptions())
            checkOutcome(p, o)
            // The published LEXIMIN minimum for both instances is 10.0% = k/n: everybody gets the same chance.
            if algorithm.name != "nash" { #expect(abs(o.probabilities.values.min()! - 0.1) < 1e-6, "\(algorithm.name)") }
        }
        let legacy = try LegacySelection().select(p, random: try SeededRandom(seed: name), options: SelectionOptions(legacyEstimateRuns: 10))
        #expect(p.violations(of: legacy.panel).isEmpty)
    }
}
