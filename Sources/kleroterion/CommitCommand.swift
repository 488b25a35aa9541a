import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion commit`: fix a uniform lottery over m fair panels, before the public seed exists (issue #4).
struct CommitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "commit",
        abstract: "Prepare a public lottery over numbered panels and its announcement, before the seed is known.",
        discussion: "Writes lottery.csv, members.csv, quotas.csv, probabilities.csv, pseudonym_commitments.csv, manifest.json and announcement.md (all publishable; with --alternates also lottery_alternates.csv, dropout_rates.csv and alternate_targets.csv) and private/pseudonyms.csv (private) into the output folder. Publish announcement.md before the seed exists; then run `kleroterion draw`."
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
    @Option(help: "Ranked alternates per panel, fixed in the commitment and recomputed by verify (lottery_alternates.csv).") var alternates: Int = 0
    @Option(help: "Drop-out rates for choosing the alternates: feature,value,dropout_rate or id,dropout_rate (default 10 % for everybody).") var dropoutRates: String?
    @Option(help: "Language of the console's lines and of announcement.md: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Also show the solver's steps (stages, classes, ILPs) on stderr and the rounding's figures.") var verbose = false
    @Flag(help: "Replace an existing, non-empty output folder that holds no commitment (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            // An existing commitment may already have been announced: never replace it silently.
            try CommitWorkflow.refuseExistingCommitment(in: out)
            var request = CommitWorkflow.Request(people: people, quotas: quotas, panelSize: panelSize, seedFormat: seedFormat)
            request.language = try ReportFiles.language(language)
            request.columns = try registerColumns.poolColumns()
            request.algorithm = algorithm
            request.panels = panels
            request.idColumn = idColumn
            request.householdColumns = try columnList(householdColumns, option: "--household-columns")
            request.seedSource = seedSource
            request.allowWeakSeed = allowWeakSeed
            request.alternates = alternates
            request.dropoutRates = dropoutRates
            var files = try outputFolder(out, inputs: request.inputs, replace: replace)
            // The fair computation's progress (it can take minutes) goes to stderr with --verbose.
            let result = try CommitWorkflow.run(request, into: &files, events: events(verbose: verbose))
            try files.commit()
            show(result.lines, warnings: result.warnings, details: result.details, verbose: verbose)
        }
    }
}
