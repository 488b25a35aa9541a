import Foundation

/// `quotas`: derive quota bands from a template and population shares (issue #2), and queue the quotas file
/// (feature,value,min,max,population_share,share_source).
public enum QuotasWorkflow {
    /// Which template, which shares, and for how many seats.
    public struct Request: Sendable {
        /// A template name from strata-templates/ (e.g. nl-gemeente) or a template file.
        public var template: String
        /// The register, for shares counted from it, and how to read it.
        public var register: String?
        public var columns: RegisterColumns = RegisterColumns()
        /// Population shares for what the register does not hold (a file, or a name in strata-templates/shares/).
        public var shares: String?
        public var panelSize: Int
        /// The quotas file to write; the caller's `OutputFiles` is its folder (`outFolder`, placement `.intoFolder`).
        public var out: String
        /// Widen every band by this many seats on each side.
        public var tolerance = 0
        /// The date at which ages are counted (YYYY-MM-DD, as typed).
        public var referenceDate: String?
        public var minAge: Int?
        public var birthDateColumn: String?
        /// Combinations counted jointly in the register, e.g. "gender&age_band".
        public var combine: [String] = []
        /// The language of the console's lines.
        public var language: ReportLanguage = .nl
        /// Where template and shares names are looked up (default: `QuotasWorkflow.templateDirectories()`).
        public var templateDirectories: [String] = QuotasWorkflow.templateDirectories()

        public init(template: String, panelSize: Int, out: String) {
            self.template = template; self.panelSize = panelSize; self.out = out
        }

        /// The folder of `out` and the file's name in it.
        public var outFolder: String { let f = (out as NSString).deletingLastPathComponent; return f.isEmpty ? "." : f }
        public var outName: String { URL(fileURLWithPath: out).lastPathComponent }

        /// The template file (a name is looked up in `templateDirectories`).
        public func templatePath() throws -> String { try StrataTemplate.locate(template, in: templateDirectories) }

        /// Every file the derivation reads (the template located), which no output may overwrite.
        public func inputs() throws -> [String?] { [try templatePath(), register, shares] }

        /// Refuses seats, tolerance and ages out of range, and a reference date that is not a date.
        public func validate() throws {
            try RequestChecks.range(panelSize, option: "--panel-size", 1...QuotaSet.largestSeatCount, meaning: "seats")
            try RequestChecks.range(tolerance, option: "--tolerance", 0...panelSize, meaning: "seats (at most the panel size)")
            try RequestChecks.range(minAge, option: "--min-age", 0...150, meaning: "years")
            _ = try reference()
        }

        func reference() throws -> CalendarDate? {
            guard let text = referenceDate else { return nil }
            guard let date = CalendarDate(parsing: text) else {
                throw KleroterionError("--reference-date '\(text)' is not a date", fix: "write the date as YYYY-MM-DD, e.g. 2026-01-01")
            }
            return date
        }
    }

    /// The derived quotas.
    public struct Result: Sendable {
        /// The lines the CLI prints on stdout once the file is written (a table of the bands).
        public var lines: [String]
        /// The derivation's notes ("opmerking: …") and how the register was read, in the request's language, for stderr.
        public var warnings: [String]
        public var files: [String]
        /// The quotas, where each feature's shares came from, and how many residents were counted.
        public var quotas: [Quota]
        public var sources: [(feature: String, source: QuotaDerivation.Source)]
        public var countedResidents: Int?
        /// The quotas file's text.
        public var csv: String
    }

    /// Derives the quotas and queues the file into `files`.
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        try r.validate()
        let path = try r.templatePath()
        var readingNotes: [String] = []
        let strata = try StrataTemplate.load(path: path)
        let rows = try r.register.map { try r.columns.remarking(in: r.language).rows($0, template: strata, notes: &readingNotes) }
        try events.checkCancelled()
        let shareFile = try r.shares.map { try PopulationShares.load(path: resolve($0, in: sharesDirectories(r.templateDirectories))) }
        var settings = QuotaDerivation.Settings(panelSize: r.panelSize, tolerance: r.tolerance, referenceDate: try r.reference(),
                                                minAge: r.minAge, birthDateColumn: r.birthDateColumn,
                                                combinations: r.combine.map(QuotaSet.combinationParts))
        settings.unknownBirthDates = try r.columns.policy()
        settings.language = r.language
        let result = try QuotaDerivation.derive(template: strata, registerRows: rows, shares: shareFile, settings: settings)
        files.add(r.outName, result.csv)
        let w = TextTable<InvitationLine>(r.language), n = w.format.count
        var lines = [r.tolerance > 0 ? w(.quotasHeadingTolerance, n(r.panelSize), strata.name, path, n(r.tolerance))
                                     : w(.quotasHeading, n(r.panelSize), strata.name, path)]
        if let count = result.countedResidents, let register = r.register { lines.append("  " + w(.counted, n(count), register)) }
        for (feature, source) in result.sources { lines.append("  \(feature): \(source.text(r.language))") }
        lines.append("")
        let width = max(7, result.quotas.map { $0.feature.count + $0.value.count + 3 }.max() ?? 0)
        for q in result.quotas {
            let label = "\(q.feature) = \(q.value)"
            let share = q.populationShare.map { w.format.decimal($0 * 100, digits: 1).leftPadded(to: 5) + " %" } ?? "       "
            lines.append("  " + label.padding(toLength: width, withPad: " ", startingAt: 0) + "  \(share)   \(q.min)–\(q.max)")
        }
        lines += ["", TextTable<CommonLine>(r.language)(.wroteFile, r.out)]
        let note = TextTable<CommonLine>(r.language)
        return Result(lines: lines, warnings: result.notes.map { note(.note, $0) } + readingNotes, files: files.names, quotas: result.quotas,
                      sources: result.sources,
                      countedResidents: result.countedResidents, csv: result.csv)
    }
}

private extension String {
    /// Right-aligned in `width` characters (the table's share column).
    func leftPadded(to width: Int) -> String { count >= width ? self : String(repeating: " ", count: width - count) + self }
}
