/// `check`: can the quotas be met at all? If not, why, which quotas conflict, and the smallest relaxation, queued
/// as quotas-relaxed.csv and relaxation.md (issue #6).
public enum CheckWorkflow {
    /// What to check.
    public struct Request: Sendable {
        public var people: String
        public var columns: PoolColumns = PoolColumns()
        public var quotas: String
        public var panelSize: Int
        /// Columns that together form an address (at most one person per address).
        public var householdColumns: [String] = []
        public var idColumn: String = "id"

        /// The language of the answer, of the console's lines and of relaxation.md.
        public var language: ReportLanguage = .nl

        public init(people: String, quotas: String, panelSize: Int) {
            self.people = people; self.quotas = quotas; self.panelSize = panelSize
        }

        /// Every file the check reads, which no output may overwrite.
        public var inputs: [String?] { [people, quotas] }
    }

    /// The verdict, in words and as values.
    public struct Result: Sendable {
        /// Whether at least one panel meets every quota and the household rule.
        public var isFeasible: Bool
        /// The answer as `check` prints it, in the request's language ("Haalbaar: …" or "Niet haalbaar: … Waarom: …
        /// Kleinste wijziging: …"), features and values named by the quotas' labels.
        public var text: String
        /// The lines the CLI prints on stdout once the files are written (`text`, where the files went, what next).
        public var lines: [String]
        /// Warnings and remarks on how the inputs were read (stderr).
        public var warnings: [String]
        /// The names of the queued files: quotas-relaxed.csv and relaxation.md when a relaxation exists, else none.
        public var files: [String]
        /// The reasons, the conflicting quotas and the relaxation, as values.
        public var report: FeasibilityReport
        /// The smallest relaxation (nil when the quotas can be met or no change helps); `relaxedQuotasCSV` is its
        /// quotas file, to offer as "apply this".
        public var relaxation: QuotaRelaxation?
        public var relaxedQuotasCSV: String?
        /// The reasons and the fix in one paragraph each (what `select` says when it refuses).
        public var summary: String
        public var fix: String
    }

    /// Checks the quotas; queues the relaxation files into `files` when the quotas cannot be met.
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        var warnings: [String] = [], readingNotes: [String] = []
        let quotaSet = try QuotaSet.load(path: r.quotas)
        let pool = try r.columns.remarking(in: r.language).loadPool(r.people, idColumn: r.idColumn, quotas: quotaSet, notes: &readingNotes)
        warnings += RequestChecks.formulaWarnings(pool.table, language: r.language)
        let problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: r.panelSize, householdColumns: r.householdColumns)
        try events.checkCancelled()
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: problem),
                                                      shares: QuotaRelaxation.shares(quotaSet, for: problem))
        let w = TextTable<SelectLine>(r.language), labels = FeatureLabels(quotas: quotaSet)
        let text = report.text(problem, language: r.language, labels: labels)
        // `check` prints an infeasible answer without an extra newline (its text ends with one).
        var lines = [report.isFeasible || !text.hasSuffix("\n") ? text : String(text.dropLast())]
        if let relaxation = report.relaxation {
            files.add("quotas-relaxed.csv", relaxation.quotasCSV())
            files.add("relaxation.md", relaxation.markdown(quotasFile: r.quotas, panelSize: r.panelSize, reasons: report.reasons,
                                                                language: r.language, labels: labels))
            lines += ["", TextTable<CommonLine>(r.language)(.wrote, files.directory, files.names.joined(separator: ", ")), w(.checkNext)]
        }
        events.step(w(report.isFeasible ? .checkedPossible : .checkedImpossible))
        return Result(isFeasible: report.isFeasible, text: text, lines: lines, warnings: warnings + readingNotes, files: files.names,
                      report: report, relaxation: report.relaxation, relaxedQuotasCSV: report.relaxation?.quotasCSV(),
                      summary: report.isFeasible ? "" : report.errorSummary(problem), fix: report.isFeasible ? "" : report.fixSummary)
    }
}
