import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion commit`: fix a uniform lottery over m fair panels, before the public seed exists (issue #4).
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Prepare a public lottery over numbered panels and its announcement, before the seed is known.",
        discussion: "Writes lottery.csv, members.csv, quotas.csv, probabilities.csv, pseudonym_commitments.csv, manifest.json and announcement.md (all publishable) and private/pseudonyms.csv (private) into the output folder. Publish announcement.md before the seed exists; then run `kleroterion draw`."
    )

    @Option(help: "The respondents (CSV, ',' or ';').") var people: String
    @OptionGroup(title: "Your own column names and birth dates") var registerColumns: PoolColumnOptions
    @Option(help: "The quotas: feature,value,min,max[,population_share].") var quotas: String
    @Option(help: "How many seats the panel has.") var panelSize: Int
    @Option(help: "The fair algorithm whose distribution is rounded (leximin or maximin: those a verifier can recompute).") var algorithm: String = "leximin"
    @Option(help: "How many numbered, equally likely panels the lottery has.") var panels: Int = 1000
    @Option(help: "The column with respondent ids (never published: the published files carry pseudonyms).") var idColumn: String = "id"
    @Option(help: "Columns that together form an address; at most one person per address is selected.") var householdColumns: String?
    @Option(help: "Where and when the seed will come from, e.g. \"the drand round 5000000\".") var seedSource: String = ""
    @Option(help: "How the seed is written: dice:N, lotto:K/N, beacon:drand:ROUND, beacon:nist:UNIX_MS or text.") var seedFormat: String
    @Flag(help: "Accept a seed format with fewer than 2^24 outcomes (or free text); the announcement then states how much a person's chance could be moved.") var allowWeakSeed = false
    @Option(help: "The output folder (the commitment).") var out: String
    @Option(help: "Language of announcement.md: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Replace an existing, non-empty output folder that holds no commitment (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            // An existing commitment may already have been announced: never replace it silently.
            let existing = (out as NSString).appendingPathComponent(Commitment.manifestFile)
            if FileManager.default.fileExists(atPath: existing) {
                throw KleroterionError(file: existing, "this folder already holds a commitment, which may already have been announced",
                                       fix: "choose a new --out folder; keep the old one as it is")
            }
            let output = try outputFolder(out, inputs: [people, quotas], replace: replace)
            guard panels >= 1, panels <= 1_000_000 else {
                throw KleroterionError("--panels is \(panels)", fix: "give between 1 and 1000000 panels, e.g. --panels 1000")
            }
            guard Commitment.algorithms.contains(algorithm) else {
                throw KleroterionError("commit needs a fair algorithm whose chances anyone can recompute from the published files, and '\(algorithm)' is not one",
                                       fix: "use --algorithm leximin (the default) or maximin")
            }
            let format = try SeedFormat(parsing: seedFormat)
            let (quotasInput, quotaSet) = try readInput(quotas) { try QuotaSet(table: $0) }
            let (peopleInput, pool) = try readInput(people) { try Pool(table: registerColumns.poolTable($0, quotas: quotaSet), idColumn: idColumn) }
            warnAboutFormulas(pool.table)
            let households = try columnList(householdColumns, option: "--household-columns")
            let settings = Commitment.Settings(panels: panels, panelSize: panelSize, algorithm: algorithm, idColumn: idColumn,
                                               householdColumns: households, seedSource: seedSource, seedFormat: format,
                                               allowWeakSeed: allowWeakSeed, people: peopleInput, quotas: quotasInput,
                                               language: try ReportFiles.language(language))
            // The ids are never published (pseudonyms replace them), but ids like these make the private key file precious.
            if pool.ids.contains(where: { PublishableCheck.looksLikeBSN($0) || PublishableCheck.looksLikeEmail($0) }) {
                note("note: some ids look like citizen service numbers or e-mail addresses; they are not published (the published files carry pseudonyms), but keep \(Pseudonyms.privateFile) as safe as the register itself")
            }
            let built = try Commitment.build(pool: pool, quotas: quotaSet, settings: settings, progress: { note($0) })
            try built.write(to: output)
            let r = built.rounding
            print("Committed a lottery of \(panels) equally likely panels (\(built.manifest.rounding.distinctPanels) distinct) for a panel of \(panelSize) from \(pool.count) respondents.")
            print(String(format: "Largest change of anyone's chance by rounding: %.5f (the naive worst case k/m is %.5f); local-search moves: %d.",
                         r.maxDeviation, built.manifest.rounding.worstCase, r.moves))
            if let bound = built.manifest.seed.grindingBound {
                print(String(format: "Weak seed (%@): regenerating the commitment a billion times could move one person's chance by up to %.1f percentage points; the announcement says so.",
                             format.description, bound * 100))
            }
            print("Manifest fingerprint (SHA-256): \(built.manifestHash)")
            print("Wrote \(built.files.map(\.name).joined(separator: ", ")) to \(out)")
            print("Publish everything except \(Pseudonyms.privateFile): it links the pseudonyms to the residents and stays private.")
            if seedSource.trimmingSpaces().isEmpty {
                note("warning: no --seed-source given; fill in where and when the seed comes from in announcement.md before publishing it")
            }
            print("Next: publish announcement.md now, before the seed exists. After the seed is known: kleroterion draw --commitment \(out) --seed \"…\"")
        }
    }

    /// Reads a CSV input once, so that the hash and the parsed table come from the same bytes.
    private func readInput<T>(_ path: String, _ make: (Table) throws -> T) throws -> (Manifest.Input, T) {
        let bytes = try InputFile.read(path)
        let value = try make(CSVReader.parse([UInt8](bytes), source: path))
        return (Manifest.Input(file: path, sha256: Hashing.sha256(bytes)), value)
    }
}
