import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion bench-dropout` (hidden; used by `make bench-dropout`, bench/dropout.sh): replays seeded drop-out patterns
/// on a drawn panel and prints, as one JSON line, how often `replace` can complete it with every quota met.
struct BenchDropoutCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench-dropout", abstract: "Benchmark: replay seeded drop-out patterns on a panel (for make bench-dropout).",
        shouldDisplay: false)

    @Option var people: String
    @Option var quotas: String
    @Option var panel: String
    @Option(help: "alternates.csv, or 'random:N' for N alternates drawn uniformly at random, or 'none'.") var alternates: String = "none"
    @Option var dropoutRates: String?
    @Option var householdColumns: String?
    @Option var idColumn: String = "id"
    @Option var runs: Int = 1000
    @Option var seed: String = "bench-dropout"

    func run() throws {
        try reportingErrors {
            let pool = try Pool.load(path: people, idColumn: idColumn)
            let panelFile = try Pool.load(path: panel, idColumn: idColumn)
            let quotaSet = try QuotaSet.load(path: quotas)
            let problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelFile.count, householdColumns: try columnList(householdColumns, option: "--household-columns"))
            let constraints = try Replacement.constraints(problem: problem, pool: pool, panel: panelFile, dropouts: [], dropoutSource: "--dropouts")
            let members = constraints.confirmed
            let model = try dropoutRates.map { try DropoutModel.load(path: $0, pool: pool) } ?? DropoutModel.uniform(count: pool.count)
            var ranked: [Int] = []
            if alternates.hasPrefix("random:"), let n = Int(alternates.dropFirst(7)) {
                ranked = try DropoutBenchmark.randomAlternates(problem: problem, panel: members, count: n, seed: seed)
            } else if alternates != "none" {
                ranked = try AlternateFiles.load(path: alternates, pool: pool).people
            }
            let start = Date()
            let f = try DropoutBenchmark.run(problem: problem, panel: members, alternates: ranked, rates: model.rates, runs: runs, seed: seed)
            let seconds = Date().timeIntervalSince(start)
            print(String(format: "{\"alternates\": %d, \"runs\": %d, \"all_quotas_met\": %.4f, \"mean_seats_off_quota\": %.4f, \"mean_dropouts\": %.3f, \"mean_alternates_seated\": %.3f, \"alternates_only_all_quotas_met\": %.4f, \"alternates_only_mean_seats_off_quota\": %.4f, \"refusing_mean_seats_off_quota\": %.4f, \"seconds\": %.2f}",
                         ranked.count, f.runs, f.allQuotasMet, f.meanSeatsOffQuota, f.meanDropouts, f.meanAlternatesSeated,
                         f.alternatesOnlyAllQuotasMet, f.alternatesOnlyMeanSeatsOffQuota, f.refusingMeanSeatsOffQuota, seconds))
        }
    }
}
