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
    @Option(help: "Language of report.md, report.html and relaxation.md: nl (default), en or de.") var language: String = "nl"
    @Option(help: "Also draw this many ranked alternates (alternates.csv), chosen for the panel's expected drop-outs (docs/alternates.md).") var alternates: Int = 0
    @Option(help: "Drop-out rates: feature,value,dropout_rate or id,dropout_rate (default 10 % for everybody).") var dropoutRates: String?
    @Flag(help: "Prefer, within the fair mix, panels with slack on the quotas, keeping every chance within --robust-epsilon.") var robust = false
    @Option(help: "How far (absolute) --robust may move anybody's chance of selection.") var robustEpsilon: Double = RobustMix.defaultEpsilon
    @Flag(help: "Replace an existing, non-empty output folder as a whole (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            let timeLimit = try checkedTimeLimit(self.timeLimit)
            let registerCount = try checkedCount(self.registerCount, option: "--register-count")
            let invitedCount = try checkedCount(self.invitedCount, option: "--invited-count")
            if let registerCount, let invitedCount, invitedCount > registerCount {
                throw KleroterionError("--invited-count \(invitedCount) is larger than --register-count \(registerCount)",
                                       fix: "the letters go to residents of the register: check both numbers")
            }
            guard alternates >= 0, alternates <= 1_000_000 else {
                throw KleroterionError("--alternates is \(alternates)", fix: "give a number of alternates of 0 or more, e.g. --alternates 15")
            }
            var files = try outputFolder(out, inputs: [people, quotas, populationShares, invitations, dropoutRates], replace: replace)
            let random = try SeededRandom(seed: seed)
            let algorithm = try SelectionAlgorithms.named(self.algorithm)
            let quotaSet = try QuotaSet.load(path: quotas)
            let pool = try registerColumns.loadPool(people, idColumn: idColumn, quotas: quotaSet)
            warnAboutFormulas(pool.table)
            var problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelSize,
                                               householdColumns: try columnList(householdColumns, option: "--household-columns"))
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
            let invitationSummary = try invitations.map { folder in
                guard let summary = try InvitationsSummary.load(directory: folder) else {
                    throw KleroterionError(file: folder, "there is no invitations-report.json in this folder",
                                           fix: "give the folder `kleroterion invite` wrote to, or leave --invitations out")
                }
                return summary
            }
            if let shares, !shares.features.contains(where: { f in quotaSet.features.contains { $0.lowercased() == f.lowercased() } }) {
                throw KleroterionError(file: shares.source, "none of the features in this file (\(shares.features.joined(separator: ", "))) is in the quotas",
                                       fix: "use the feature names of the quotas file (\(quotaSet.features.joined(separator: ", "))), or leave --population-shares out")
            }
            if let letters = invitedCount ?? invitationSummary?.invitedCount, letters < pool.count {
                throw KleroterionError("\(pool.count) respondents but only \(letters) letters were sent (a response rate over 100 %)",
                                       fix: "check --invited-count (or --invitations): it counts the letters sent, which is at least the number of respondents")
            }
            // The solver's details (stages, classes, ILPs) only with --verbose; the console says each step in plain words.
            let progress: (@Sendable (String) -> Void)?
            if verbose { progress = { note($0) } } else { progress = nil }
            let options = SelectionOptions(timeLimit: timeLimit, progress: progress)
            var outcome = try algorithm.select(problem, random: random, options: options)
            let smallest = ReportFormat(language).chance(outcome.probabilities.values.min() ?? 0)
            steps.append(ConsoleText.line(outcome.probabilities.isEstimate ? .estimated : .fair, language, smallest))
            if robust {
                let rates = try dropoutRates.map { try DropoutModel.load(path: $0, pool: pool) } ?? DropoutModel.uniform(count: pool.count)
                let result = try RobustMix.apply(outcome, problem: problem, rates: rates.rates, epsilon: robustEpsilon, seed: seed)
                outcome = result.outcome
                outcome.notes.append(result.note)
            }
            // Alternates (issue #14): chosen after the panel, so everybody's chance of being on the panel is unchanged.
            var ranked: [Int] = []
            var outlook: DropoutOutlook?
            var alternateChances: SelectionProbabilities?
            if alternates > 0 || dropoutRates != nil {
                let model = try dropoutRates.map { try DropoutModel.load(path: $0, pool: pool) } ?? DropoutModel.uniform(count: pool.count)
                let targets = Misrepresentation.targets(problem, shares: QuotaRelaxation.shares(quotaSet, for: problem))
                if alternates > 0 {
                    progress?("alternates: choosing \(alternates) for the drawn panel")
                    let drawn = try AlternatesDraw.run(problem: problem, outcome: outcome, rates: model.rates, count: alternates,
                                                       targets: targets, seed: seed, progress: { line in progress?(line) })
                    ranked = drawn.choice.ranked
                    alternateChances = drawn.chances
                    outcome.notes.append(AlternatesDraw.note(drawn, count: alternates))
                }
                outlook = try DropoutOutlook.simulate(problem: problem, panel: outcome.panel, alternates: ranked, model: model,
                                                      targets: targets, seed: seed)
            }
            if let relaxation {
                outcome.notes.append("The quotas were relaxed with --relax by \(relaxation.seats) seat(s), because they could not be met: "
                                     + relaxation.summary.joined(separator: "; ") + ". See relaxation.md.")
                files.add("quotas-relaxed.csv", relaxation.quotasCSV())
                files.add("relaxation.md", relaxation.markdown(quotasFile: quotas, panelSize: panelSize, reasons: check.reasons,
                                                                    language: language, labels: FeatureLabels(quotas: quotaSet)))
            }
            files.add("panel.csv", PanelFiles.panel(pool, members: outcome.panel))
            files.add("remaining.csv", PanelFiles.remaining(pool, members: outcome.panel + ranked))
            if alternates > 0, let alternateChances {
                files.add("alternates.csv", AlternateFiles.csv(pool, ranked: ranked))
                files.add("alternate-probabilities.csv", AlternateFiles.chances(pool.ids, alternateChances))
            }
            files.add("probabilities.csv", PanelFiles.probabilities(pool.ids, outcome.probabilities))
            if let distribution = outcome.distribution {
                files.add("distribution.csv", PanelFiles.distribution(pool.ids, distribution))
            }
            var report = try ReportBuilder.build(problem: problem, quotas: quotaSet, outcome: outcome, context: .init(
                seed: seed, populationShares: shares, registerCount: registerCount, invitedCount: invitedCount, invitations: invitationSummary?.countingRespondents(in: pool.table)))
            report.dropouts = outlook
            try ReportFiles.add(report, language: language, to: &files)
            try files.commit()
            for line in steps { print(line) }
            print(ConsoleText.line(.drawn, language, ReportFormat(language).count(outcome.panel.count), ReportFormat(language).count(pool.count)))
            print(ConsoleText.line(.wrote, language, out, files.names.joined(separator: ", ")))
            for line in outcome.notes { print(line) }
        }
    }
}
