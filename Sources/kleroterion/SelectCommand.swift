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
    @Option(help: "Language of report.md and report.html: nl (default), en or de.") var language: String = "nl"

    func run() throws {
        try reportingErrors {
            if let timeLimit, !(timeLimit > 0) {
                throw KleroterionError("the time limit \(timeLimit) is not a positive number of seconds", fix: "give --time-limit a number above 0, e.g. 60")
            }
            let random = try SeededRandom(seed: seed)
            let algorithm = try SelectionAlgorithms.named(self.algorithm)
            let quotaSet = try QuotaSet.load(path: quotas)
            let pool = try registerColumns.loadPool(people, idColumn: idColumn, quotas: quotaSet)
            var problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelSize,
                                               householdColumns: columnList(householdColumns))
            // Check feasibility exactly before drawing (issue #6): say why and what to change, or relax.
            let check = try FeasibilityCheck.exact().run(PanelConstraints(problem: problem), shares: QuotaRelaxation.shares(quotaSet, for: problem))
            var relaxation: QuotaRelaxation?
            if !check.isFeasible {
                guard relax, let suggested = check.relaxation else {
                    throw KleroterionError(file: quotas, check.errorSummary(problem), fix: check.fixSummary)
                }
                problem = suggested.apply(to: problem)
                relaxation = suggested
                note("The quotas cannot be met; relaxing them by \(suggested.seats) seat(s) (--relax): " + suggested.summary.joined(separator: "; "))
            }
            let language = try ReportFiles.language(self.language)
            // The steps are said once everything is written: a failing draw prints only its one error.
            var steps = [ConsoleText.line(.read, language, ReportFormat(language).count(pool.count))]
            if check.isFeasible { steps.append(ConsoleText.line(.feasible, language)) }
            let shares = try populationShares.map { try PopulationShares.load(path: $0) }
            let invitationSummary = try invitations.map { try InvitationsSummary.load(directory: $0) } ?? nil
            var progress: (@Sendable (String) -> Void)?
            if verbose { progress = { note($0) } }
            let options = SelectionOptions(timeLimit: timeLimit, progress: progress)
            var outcome = try algorithm.select(problem, random: random, options: options)
            let smallest = ReportFormat(language).chance(outcome.probabilities.values.min() ?? 0)
            steps.append(ConsoleText.line(outcome.probabilities.isEstimate ? .estimated : .fair, language, smallest))
            var files = OutputFiles(directory: out)
            if let relaxation {
                outcome.notes.append("The quotas were relaxed with --relax by \(relaxation.seats) seat(s), because they could not be met: "
                                     + relaxation.summary.joined(separator: "; ") + ". See relaxation.md.")
                files.add("quotas-relaxed.csv", relaxation.quotasCSV())
                files.add("relaxation.md", relaxation.markdown(quotasFile: quotas, panelSize: panelSize, reasons: check.reasons.map(\.text)))
            }
            files.add("panel.csv", PanelFiles.panel(pool, members: outcome.panel))
            files.add("remaining.csv", PanelFiles.remaining(pool, members: outcome.panel))
            files.add("probabilities.csv", PanelFiles.probabilities(pool.ids, outcome.probabilities))
            if let distribution = outcome.distribution {
                files.add("distribution.csv", PanelFiles.distribution(pool.ids, distribution))
            }
            let report = try ReportBuilder.build(problem: problem, quotas: quotaSet, outcome: outcome, context: .init(
                seed: seed, populationShares: shares, registerCount: registerCount, invitedCount: invitedCount, invitations: invitationSummary?.countingRespondents(in: pool.table)))
            try ReportFiles.add(report, language: language, to: &files)
            try files.commit()
            for line in steps { print(line) }
            print(ConsoleText.line(.drawn, language, ReportFormat(language).count(outcome.panel.count), ReportFormat(language).count(pool.count)))
            print(ConsoleText.line(.wrote, language, out, files.names.joined(separator: ", ")))
            for line in outcome.notes { print(line) }
        }
    }
}
