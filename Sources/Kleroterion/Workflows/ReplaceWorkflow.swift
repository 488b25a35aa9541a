import Foundation

/// `replace`: fill the seats of members who dropped out, keeping the quotas and the household rule (issue #6), and
/// queue panel.csv, remaining.csv, alternates.csv, replacement.md, the report and audit.json (with one entry more).
public enum ReplaceWorkflow {
    /// Who dropped out of which panel.
    public struct Request: Sendable {
        /// The panel as drawn (panel.csv of the earlier draw).
        public var panel: String
        /// Who dropped out: comma-separated ids, or a file with one id per line.
        public var dropouts: String
        /// The respondents the panel was drawn from, and the quotas the completed panel must meet.
        public var people: String
        public var quotas: String
        /// The public seed text for the replacement draw.
        public var seed: String
        public var householdColumns: [String] = []
        /// How the respondents file is read: `--columns`, derived age bands (as for `select` and `commit`).
        public var columns: PoolColumns = PoolColumns()
        public var idColumn: String = "id"
        /// How to draw the replacements (see `SelectionAlgorithms.names`).
        public var algorithm: String = SelectionAlgorithms.names[0]
        /// The alternates drawn with the panel (alternates.csv): used first, like for like, in rank order.
        public var alternates: String?
        /// Refuse instead of filling the seats with the completion that breaks the quotas least.
        public var strict = false
        public var timeLimit: Double?
        public var language: ReportLanguage = .nl

        public init(panel: String, dropouts: String, people: String, quotas: String, seed: String) {
            self.panel = panel; self.dropouts = dropouts; self.people = people; self.quotas = quotas; self.seed = seed
        }

        /// Every file the replacement reads (the drop-outs when they are a file), which no output may overwrite.
        public var inputs: [String?] {
            [panel, people, quotas, alternates, FileManager.default.fileExists(atPath: dropouts) ? dropouts : nil]
        }
    }

    /// The completed panel.
    public struct Result: Sendable {
        /// The lines the CLI prints on stdout once the files are written.
        public var lines: [String]
        /// The warning when the completed panel breaks a quota ("let op: …"), for stderr.
        public var warnings: [String]
        /// The solver's details after the draw, for `--verbose` (the live ones go to `WorkflowEvents.detail`).
        public var details: [String]
        public var files: [String]
        /// The ids that dropped out, the replacements (alternates first) and the completed panel, in pool order.
        public var dropoutIDs: [String]
        public var replacementIDs: [String]
        public var alternatesSeatedIDs: [String]
        public var panelIDs: [String]
        /// Why the completion breaks the quotas, if it does (nil: every quota is met).
        public var quotaWarning: String?
        /// The algorithm that drew from the pool (nil when the alternates filled every seat).
        public var algorithm: String?
        public var report: RepresentativenessReport
    }

    /// Draws the replacements and queues the files into `files` (`files.directory` receives audit.json).
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        let timeLimit = try RequestChecks.timeLimit(r.timeLimit)
        let random = try SeededRandom(seed: r.seed, purpose: "replace")
        let algorithm = try SelectionAlgorithms.named(r.algorithm)
        let quotaSet = try QuotaSet.load(path: r.quotas)
        // The respondents are read as the draw read them (a panel.csv already has the mapped names: no-op there).
        var readingNotes: [String] = []
        let columns = r.columns.remarking(in: r.language)
        let pool = try columns.loadPool(r.people, idColumn: r.idColumn, quotas: quotaSet, notes: &readingNotes)
        let panelFile = try columns.loadPool(r.panel, idColumn: r.idColumn, quotas: quotaSet, notes: &readingNotes)
        var warnings = readingNotes + RequestChecks.formulaWarnings(pool.table, language: r.language)
        let (dropoutIDs, dropoutSource) = try Replacement.parseIDs(r.dropouts, idColumn: r.idColumn)
        guard panelFile.count > 0 else {
            throw KleroterionError(file: r.panel, "the panel file has no members", fix: "give the panel.csv of the earlier draw")
        }
        let problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelFile.count, householdColumns: r.householdColumns)
        let constraints = try Replacement.constraints(problem: problem, pool: pool, panel: panelFile,
                                                      dropouts: dropoutIDs, dropoutSource: dropoutSource)
        var ranked: [Int] = [], ranks: [Int] = []
        if let alternates = r.alternates {
            (ranked, ranks) = try AlternateFiles.load(path: alternates, pool: pool)
            let onPanel = Set(constraints.confirmed)
            if let i = ranked.first(where: { onPanel.contains($0) || !constraints.eligible[$0] }) {
                throw KleroterionError(file: alternates, "the alternate '\(pool.ids[i])' is on the panel \(r.panel)",
                                       fix: "use the alternates.csv written together with this panel.csv")
            }
        }
        var index: [String: Int] = [:]
        for (i, id) in pool.ids.enumerated() { index[id] = i }
        let dropoutPeople = dropoutIDs.compactMap { index[$0] }
        try events.checkCancelled()
        var lines: [String] = []
        func say(_ line: String) { lines.append(line); events.step(line) }
        let w = TextTable<SelectLine>(r.language), n = w.format.count
        say(w(.replaceRead, n(dropoutIDs.count), n(panelFile.count)))
        let options = SelectionOptions(timeLimit: timeLimit, progress: events.detail, isCancelled: events.isCancelled)
        let run = try ReplacementRun.run(constraints, dropouts: dropoutPeople, alternates: ranked, algorithm: algorithm, random: random,
                                         options: options, shares: QuotaRelaxation.shares(quotaSet, for: problem), strict: r.strict)
        try events.checkCancelled()
        let report = try ReplaceFiles.add(r, run: run, start: constraints, pool: pool, quotas: quotaSet, ranked: ranked, ranks: ranks,
                                          dropoutIDs: dropoutIDs, panelSize: problem.panelSize, to: &files)
        let ids = pool.ids
        say(w(.replaced, w.counted(dropoutIDs.count, one: .memberOne, many: .memberMany), run.replacements.map { ids[$0] }.joined(separator: ", ")))
        if !run.alternatesSeated.isEmpty { lines.append(w(.replacedAlternates, run.alternatesSeated.map { ids[$0] }.joined(separator: ", "))) }
        if let outcome = run.outcome, !run.drawn.isEmpty {
            lines.append(w(.replacedDrawn, run.drawn.map { ids[$0] }.joined(separator: ", "), outcome.algorithm))
        }
        let common = TextTable<CommonLine>(r.language)
        if let relaxation = run.relaxation, run.warning != nil {
            let labels = FeatureLabels(quotas: quotaSet)
            warnings.append(common(.warning, w(.quotasBroken, TextTable<RelaxationKey>(r.language).counted(relaxation.seats, one: .seatOne, many: .seatMany),
                                                 relaxation.summary(r.language, labels: labels).joined(separator: "; "),
                                                 run.check.reasons.map { $0.text(r.language, labels: labels) }.joined(separator: "; "))))
        } else {
            lines.append(w(.quotasMet))
        }
        lines.append(common(.wrote, files.directory, files.names.joined(separator: ", ")))
        let details = (run.outcome?.notes ?? []).filter(\.isTechnical).map { $0.text(r.language, labels: FeatureLabels(quotas: quotaSet)) }
        return Result(lines: lines, warnings: warnings, details: details, files: files.names, dropoutIDs: dropoutIDs,
                      replacementIDs: run.replacements.map { ids[$0] }, alternatesSeatedIDs: run.alternatesSeated.map { ids[$0] },
                      panelIDs: run.panel.map { ids[$0] }, quotaWarning: run.warning, algorithm: run.outcome?.algorithm, report: report)
    }
}
