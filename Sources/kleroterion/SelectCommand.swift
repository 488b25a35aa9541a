import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion select`: draw a panel from the pool of respondents under quotas.
struct SelectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "select",
        abstract: "Draw a panel from the respondents that meets the quotas.",
        discussion: "Writes panel.csv, remaining.csv, probabilities.csv (and distribution.csv for the fair algorithms), and the report (report.md, report.json, report.html) into the output folder."
    )

    @Option(help: "The respondents (CSV, ',' or ';').") var people: String
    @OptionGroup(title: "Your own column names and birth dates") var registerColumns: PoolColumnOptions
    @Flag(help: "Also show the solver's steps (stages, classes, ILPs) on stderr.") var verbose = false
    @Option(help: "The quotas: feature,value,min,max[,population_share].") var quotas: String
    @Option(help: "How many seats the panel has.") var panelSize: Int
    @Option(help: "The public seed text, e.g. \"2026-03-14 lotto 3 17 22 31 40 41\".") var seed: String
    @Option(help: "The output folder.") var out: String
    @Option(help: "leximin (fairest; the default), maximin, nash or legacy.") var algorithm: String = "leximin"
    @Option(help: "The column with respondent ids.") var idColumn: String = "id"
    @Option(help: "Columns that together form an address; at most one person per address is selected.") var householdColumns: String?
    @Option(help: "Population shares per feature and value (feature,value,population_share) for the report.") var populationShares: String?
    @Option(help: "Stop optimising after this many seconds and use the best distribution so far.") var timeLimit: Double?
    @Flag(help: "If the quotas cannot be met, apply the smallest relaxation (see `kleroterion check`) and record it.") var relax = false
    @Option(help: "Residents in the register, for the report's funnel.") var registerCount: Int?
    @Option(help: "Invitation letters sent, for the report's funnel.") var invitedCount: Int?
    @Option(help: "The folder `kleroterion invite` wrote to; its invitations-report.json fills the report's funnel.") var invitations: String?
    @Option(help: "Language of the console's lines, report.md, report.html and relaxation.md: nl (default), en or de.") var language: String = "nl"
    @Option(help: "Also draw this many ranked alternates (alternates.csv), chosen for the panel's expected drop-outs (docs/alternates.md).") var alternates: Int = 0
    @Option(help: "Drop-out rates: feature,value,dropout_rate or id,dropout_rate (default 10 % for everybody).") var dropoutRates: String?
    @Flag(help: "Prefer, within the fair mix, panels with slack on the quotas, keeping every chance within --robust-epsilon.") var robust = false
    @Option(help: "How far (absolute) --robust may move anybody's chance of selection.") var robustEpsilon: Double = RobustMix.defaultEpsilon
    @Flag(help: "Replace an existing, non-empty output folder as a whole (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            let request = try self.request()
            try request.validate()
            var files = try outputFolder(out, inputs: request.inputs, replace: replace)
            // The solver's details (stages, classes, ILPs) only with --verbose.
            let result: SelectWorkflow.Result = try SelectWorkflow.run(request, into: &files, events: events(verbose: verbose))
            try files.commit()
            show(result.lines + result.notes, warnings: result.warnings, details: result.details, verbose: verbose)
        }
    }

    private func request() throws -> SelectWorkflow.Request {
        var request = SelectWorkflow.Request(people: people, quotas: quotas, panelSize: panelSize, seed: seed)
        request.columns = try registerColumns.poolColumns()
        request.algorithm = algorithm
        request.idColumn = idColumn
        request.householdColumns = try columnList(householdColumns, option: "--household-columns")
        request.populationShares = populationShares
        request.timeLimit = timeLimit
        request.relax = relax
        request.registerCount = registerCount
        request.invitedCount = invitedCount
        request.invitations = invitations
        request.language = try ReportFiles.language(language)
        request.alternates = alternates
        request.dropoutRates = dropoutRates
        request.robust = robust
        request.robustEpsilon = robustEpsilon
        return request
    }
}
