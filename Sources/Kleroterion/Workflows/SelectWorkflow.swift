import Foundation

/// `select`: check the quotas, draw a panel from the respondents, optionally its ranked alternates, and queue
/// panel.csv, remaining.csv, probabilities.csv (distribution.csv, alternates.csv …) and the report.
public enum SelectWorkflow {
    /// What to draw. Paths are plain file paths; `inputs` lists them for the caller's `OutputFiles`.
    public struct Request: Sendable {
        public var people: String
        public var columns: PoolColumns = PoolColumns()
        public var quotas: String
        public var panelSize: Int
        public var seed: String
        /// leximin (the default), maximin, nash or legacy.
        public var algorithm: String = "leximin"
        public var idColumn: String = "id"
        /// Columns that together form an address (at most one person per address).
        public var householdColumns: [String] = []
        /// Population shares (feature,value,population_share) for the report.
        public var populationShares: String?
        public var timeLimit: Double?
        /// Apply the smallest relaxation when the quotas cannot be met (and record it).
        public var relax = false
        public var registerCount: Int?
        public var invitedCount: Int?
        /// The folder `invite` wrote to (its invitations-report.json fills the report's funnel).
        public var invitations: String?
        public var language: ReportLanguage = .nl
        /// How many ranked alternates to draw (0: none).
        public var alternates = 0
        public var dropoutRates: String?
        public var robust = false
        public var robustEpsilon: Double = RobustMix.defaultEpsilon

        public init(people: String, quotas: String, panelSize: Int, seed: String) {
            self.people = people; self.quotas = quotas; self.panelSize = panelSize; self.seed = seed
        }

        /// Every file or folder the draw reads, which no output may overwrite.
        public var inputs: [String?] { [people, quotas, populationShares, invitations, dropoutRates] }

        /// Refuses numbers that make no sense, before any file is read.
        public func validate() throws {
            _ = try RequestChecks.timeLimit(timeLimit)
            _ = try RequestChecks.count(registerCount, option: "--register-count")
            _ = try RequestChecks.count(invitedCount, option: "--invited-count")
            if let registerCount, let invitedCount, invitedCount > registerCount {
                throw KleroterionError("--invited-count \(invitedCount) is larger than --register-count \(registerCount)",
                                       fix: "the letters go to residents of the register: check both numbers")
            }
            guard alternates >= 0, alternates <= 1_000_000 else {
                throw KleroterionError("--alternates is \(alternates)", fix: "give a number of alternates of 0 or more, e.g. --alternates 15")
            }
        }
    }

    /// What a front end shows after a draw.
    public struct Result: Sendable {
        /// The plain-language lines, in order (the CLI prints them on stdout once the files are written).
        public var lines: [String]
        /// Remarks of the draw in the request's language (also in the report), e.g. "Niet herhaalbaar: de tijdslimiet …"
        /// (stdout after `lines`); the solver's notes are in `details`, and every note as a kind in `outcome.notes`.
        public var notes: [String]
        /// Warnings and remarks on how the inputs were read (the CLI prints them on stderr).
        public var warnings: [String]
        /// The solver's details after the draw, for `--verbose` (the live ones go to `WorkflowEvents.detail`).
        public var details: [String]
        /// The names of the queued files.
        public var files: [String]
        /// The drawn panel's ids, in pool order, and the ranked alternates' ids.
        public var panelIDs: [String]
        public var alternateIDs: [String]
        /// How many respondents the pool has.
        public var poolCount: Int
        /// The smallest chance of selection of anyone in the pool, and whether the chances are estimates (legacy).
        public var smallestChance: Double
        public var chancesAreEstimated: Bool
        /// The relaxation applied with `relax`, if the quotas could not be met.
        public var relaxation: QuotaRelaxation?
        /// The draw itself (panel, chances, distribution) and the report model (report.json).
        public var outcome: SelectionOutcome
        public var report: RepresentativenessReport
    }

    /// Draws the panel and queues its files in `files` (the caller checked them before and commits them after).
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        try r.validate()
        var warnings: [String] = [], readingNotes: [String] = []
        let random = try SeededRandom(seed: r.seed)
        let algorithm = try SelectionAlgorithms.named(r.algorithm)
        let quotaSet = try QuotaSet.load(path: r.quotas)
        let pool = try r.columns.remarking(in: r.language).loadPool(r.people, idColumn: r.idColumn, quotas: quotaSet, notes: &readingNotes)
        warnings += RequestChecks.formulaWarnings(pool.table, language: r.language)
        var problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: r.panelSize, householdColumns: r.householdColumns)
        var lines: [String] = []
        func say(_ line: String) { lines.append(line); events.step(line) }
        let w = TextTable<SelectLine>(r.language), format = w.format
        say(w(.read, format.count(pool.count)))
        try events.checkCancelled()
        // Check feasibility exactly before drawing (issue #6): say why and what to change, or relax.
        let check = try FeasibilityCheck.exact().run(PanelConstraints(problem: problem), shares: QuotaRelaxation.shares(quotaSet, for: problem))
        var relaxation: QuotaRelaxation?
        if !check.isFeasible {
            guard r.relax, let suggested = check.relaxation else {
                throw KleroterionError(file: r.quotas, check.errorSummary(problem), fix: check.fixSummary)
            }
            problem = suggested.apply(to: problem)
            relaxation = suggested
            let labels = FeatureLabels(quotas: quotaSet)
            warnings.append(w(.relaxed, TextTable<RelaxationKey>(r.language).counted(suggested.seats, one: .seatOne, many: .seatMany),
                              suggested.summary(r.language, labels: labels).joined(separator: "; ")))
        }
        if check.isFeasible { say(w(.feasible)) }
        let inputs = try SelectInputs.load(r, quotas: quotaSet, pool: pool)
        try events.checkCancelled()
        let options = SelectionOptions(timeLimit: r.timeLimit, progress: events.detail, isCancelled: events.isCancelled)
        var outcome = try algorithm.select(problem, random: random, options: options)
        let smallest = outcome.probabilities.values.min() ?? 0
        say(w(outcome.probabilities.isEstimate ? .estimated : .fair, format.chance(smallest)))
        try events.checkCancelled()
        if r.robust {
            let rates = try r.dropoutRates.map { try DropoutModel.load(path: $0, pool: pool) } ?? DropoutModel.uniform(count: pool.count)
            let result = try RobustMix.apply(outcome, problem: problem, rates: rates.rates, epsilon: r.robustEpsilon, seed: r.seed)
            outcome = result.outcome
            outcome.notes.append(result.note)
        }
        let extras = try SelectAlternates.run(r, problem: problem, quotas: quotaSet, pool: pool, outcome: &outcome, events: events)
        try events.checkCancelled()
        if let relaxation {
            outcome.notes.append(.relaxed(changes: relaxation.changes))
            files.add("quotas-relaxed.csv", relaxation.quotasCSV())
            files.add("relaxation.md", relaxation.markdown(quotasFile: r.quotas, panelSize: r.panelSize, reasons: check.reasons,
                                                                language: r.language, labels: FeatureLabels(quotas: quotaSet)))
        }
        files.add("panel.csv", PanelFiles.panel(pool, members: outcome.panel))
        files.add("remaining.csv", PanelFiles.remaining(pool, members: outcome.panel + extras.ranked))
        if r.alternates > 0, let chances = extras.chances {
            files.add("alternates.csv", AlternateFiles.csv(pool, ranked: extras.ranked))
            files.add("alternate-probabilities.csv", AlternateFiles.chances(pool.ids, chances))
        }
        files.add("probabilities.csv", PanelFiles.probabilities(pool.ids, outcome.probabilities))
        if let distribution = outcome.distribution {
            files.add("distribution.csv", PanelFiles.distribution(pool.ids, distribution))
        }
        var report = try ReportBuilder.build(problem: problem, quotas: quotaSet, outcome: outcome, context: .init(
            seed: r.seed, populationShares: inputs.shares, registerCount: r.registerCount, invitedCount: r.invitedCount,
            invitations: inputs.invitations?.countingRespondents(in: pool.table)))
        report.dropouts = extras.outlook
        try ReportFiles.add(report, language: r.language, to: &files)
        say(w(.drawn, format.count(outcome.panel.count), format.count(pool.count)))
        if r.alternates > 0 { say(w(.alternates, format.count(extras.ranked.count))) }
        lines.append(TextTable<CommonLine>(r.language)(.wrote, files.directory, files.names.joined(separator: ", ")))
        let labels = FeatureLabels(quotas: quotaSet)
        let notes = outcome.notes.filter { !$0.isTechnical }.map { $0.text(r.language, labels: labels) }
        let details = outcome.notes.filter(\.isTechnical).map { $0.text(r.language, labels: labels) }
        return Result(lines: lines, notes: notes, warnings: warnings + readingNotes, details: details, files: files.names,
                      panelIDs: outcome.panel.map { pool.ids[$0] }, alternateIDs: extras.ranked.map { pool.ids[$0] },
                      poolCount: pool.count, smallestChance: smallest, chancesAreEstimated: outcome.probabilities.isEstimate,
                      relaxation: relaxation, outcome: outcome, report: report)
    }
}
