import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion commit`: fix a uniform lottery over m fair panels, before the public seed exists (issue #4).
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Prepare a public lottery over numbered panels and its announcement, before the seed is known.",
        discussion: "Writes lottery.csv, members.csv, quotas.csv, probabilities.csv, manifest.json and announcement.md into the output folder. Publish announcement.md before the seed exists; then run `kleroterion draw`."
    )

    @Option(help: "The respondents (CSV, ',' or ';').") var people: String
    @OptionGroup(title: "Your own column names and birth dates") var registerColumns: PoolColumnOptions
    @Option(help: "The quotas: feature,value,min,max[,population_share].") var quotas: String
    @Option(help: "How many seats the panel has.") var panelSize: Int
    @Option(help: "The fair algorithm whose distribution is rounded (leximin, maximin or nash).") var algorithm: String = "leximin"
    @Option(help: "How many numbered, equally likely panels the lottery has.") var panels: Int = 1000
    @Option(help: "The column with respondent ids (pseudonymous: they are published).") var idColumn: String = "id"
    @Option(help: "Columns that together form an address; at most one person per address is selected.") var householdColumns: String?
    @Option(help: "Where and when the seed will come from, e.g. \"the NIST beacon pulse of 2026-03-14 12:00 UTC\".") var seedSource: String = ""
    @Option(help: "Stop optimising after this many seconds and use the best distribution so far.") var timeLimit: Double?
    @Option(help: "The output folder (the commitment).") var out: String

    func run() throws {
        try reportingErrors {
            // An existing commitment may already have been announced: never replace it silently.
            let existing = (out as NSString).appendingPathComponent(Commitment.manifestFile)
            if FileManager.default.fileExists(atPath: existing) {
                throw KleroterionError(file: existing, "this folder already holds a commitment, which may already have been announced",
                                       fix: "choose a new --out folder; keep the old one as it is")
            }
            guard panels >= 1 else { throw KleroterionError("--panels is \(panels)", fix: "give at least 1 panel, e.g. --panels 1000") }
            let algorithm: any SelectionAlgorithm
            do { algorithm = try SelectionAlgorithms.named(self.algorithm) } catch {
                throw KleroterionError("commit needs a fair algorithm that computes a distribution over panels, and '\(self.algorithm)' is not available",
                                       fix: "use --algorithm leximin, maximin or nash (this build has: \(SelectionAlgorithms.names.joined(separator: ", ")))")
            }
            let (quotasInput, quotaSet) = try readInput(quotas) { try QuotaSet(table: $0) }
            let (peopleInput, pool) = try readInput(people) { try Pool(table: registerColumns.poolTable($0, quotas: quotaSet), idColumn: idColumn) }
            let households = columnList(householdColumns)
            let problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelSize, householdColumns: households)
            // The distribution does not depend on this seed; the panel the algorithm also draws is discarded.
            let outcome = try algorithm.select(problem, random: try SeededRandom(seed: "kleroterion commit", purpose: "distribution"),
                                               options: SelectionOptions(timeLimit: timeLimit, progress: { note($0) }))
            guard let distribution = outcome.distribution else {
                throw KleroterionError("the '\(outcome.algorithm)' algorithm gives no distribution over panels, so there is nothing fair to commit to",
                                       fix: "use a fair algorithm: --algorithm leximin (or maximin, nash)")
            }
            let settings = Commitment.Settings(panels: panels, algorithm: outcome.algorithm, idColumn: idColumn,
                                               householdColumns: households, seedSource: seedSource,
                                               people: peopleInput, quotas: quotasInput)
            let built = try Commitment.build(problem: problem, quotas: quotaSet, pool: pool, distribution: distribution, settings: settings)
            try built.write(to: out)
            let r = built.rounding
            print("Committed a lottery of \(panels) equally likely panels (\(built.manifest.rounding.distinctPanels) distinct) for a panel of \(panelSize) from \(pool.count) respondents.")
            print(String(format: "Largest change of anyone's chance by rounding: %.5f (the naive worst case k/m is %.5f); local-search moves: %d.",
                         r.maxDeviation, built.manifest.rounding.worstCase, r.moves))
            print("Manifest fingerprint (SHA-256): \(built.manifestHash)")
            print("Wrote \(built.files.map(\.name).joined(separator: ", ")) to \(out)")
            if seedSource.trimmingSpaces().isEmpty {
                note("warning: no --seed-source given; fill in where and when the seed comes from in announcement.md before publishing it")
            }
            print("Next: publish announcement.md now, before the seed exists. After the seed is known: kleroterion draw --commitment \(out) --seed \"…\"")
        }
    }

    /// Reads a CSV input once, so that the hash and the parsed table come from the same bytes.
    private func readInput<T>(_ path: String, _ make: (Table) throws -> T) throws -> (Manifest.Input, T) {
        guard let bytes = FileManager.default.contents(atPath: path) else { _ = try CSVReader.read(path: path); fatalError("unreachable") }
        let value = try make(CSVReader.parse([UInt8](bytes), source: path))
        return (Manifest.Input(file: path, sha256: Hashing.sha256(bytes)), value)
    }
}
