import Foundation

/// `invite`: the invitation lottery over the population register (issues #2 and #5); queues invitations.csv (the
/// register rows that get a letter, for the mail merge), invitations-report.md and invitations-report.json.
public enum InviteWorkflow {
    /// Who may get a letter, how many, and how the letters are spread.
    public struct Request: Sendable {
        /// The population register (CSV, ',' or ';'), streamed: it is never held whole in memory.
        public var register: String
        public var count: Int
        public var seed: String
        /// Address columns: one letter per address, to a resident drawn by lot.
        public var householdColumns: [String] = []
        /// The register's own column names and the birth-date policy.
        public var columns: RegisterColumns = RegisterColumns()
        /// Columns whose combinations form the strata (age_band is derived from the birth date).
        public var strata: [String] = []
        public var minAge: Int?
        public var maxAge: Int?
        /// The date on which ages are counted (YYYY-MM-DD, as typed).
        public var referenceDate: String?
        public var birthDateColumn: String = "birth_date"
        public var idColumn: String = "id"
        /// Expected response rates per stratum (a file), or the previous round's invitations and respondents.
        public var responseRates: String?
        public var previousInvitations: String?
        public var previousRespondents: String?
        public var previousReferenceDate: String?
        /// Oversampling factors per stratum (a file), and ids that get no letter (a file).
        public var oversample: String?
        public var exclude: String?

        /// The language of invitations-report.md.
        public var language: ReportLanguage = .nl

        public init(register: String, count: Int, seed: String) {
            self.register = register; self.count = count; self.seed = seed
        }

        /// Every file the lottery reads, which no output may overwrite.
        public var inputs: [String?] { [register, responseRates, previousInvitations, previousRespondents, oversample, exclude] }

        /// Refuses ages outside 0–150 before the register is read.
        public func validate() throws {
            try RequestChecks.range(minAge, option: "--min-age", 0...150, meaning: "years")
            try RequestChecks.range(maxAge, option: "--max-age", 0...150, meaning: "years")
        }
    }

    /// What the lottery gave.
    public struct Result: Sendable {
        /// The lines the CLI prints on stdout once the files are written.
        public var lines: [String]
        /// Remarks on how the register was read (renamed columns), for stderr.
        public var warnings: [String]
        public var files: [String]
        /// Letters drawn, eligible residents, their addresses (one per address), strata, and residents left out for a
        /// partly unknown birth date.
        public var letters: Int
        public var eligible: Int
        public var addresses: Int?
        public var strata: Int
        public var unknownBirthDatesLeftOut: Int
        /// With response rates: the expected respondents and the expected pool's distance to the population
        /// (a fraction), and both with proportional letters.
        public var expectedRespondents: Double?
        public var expectedRespondentsWithProportionalLetters: Double?
        public var expectedPoolDistance: Double?
        public var expectedPoolDistanceWithProportionalLetters: Double?
    }

    /// Draws who gets a letter and queues the files into `files`.
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        try r.validate()
        let settings = try InviteSettings.make(r)
        try events.checkCancelled()
        events.step("Drawing \(r.count) letters from the register.")
        let outcome = try InvitationLottery.draw(register: r.register, settings: settings.settings, seed: r.seed)
        try events.checkCancelled()
        try InvitationFiles.add(outcome, language: r.language, to: &files)
        let report = InvitationReport(outcome)
        var lines = ["Drew \(outcome.invitedRows.count) letters from \(outcome.eligible) eligible residents"
                     + (outcome.addresses.map { " at \($0) addresses (one per address)" } ?? "")
                     + " in \(outcome.strata.count) strat\(outcome.strata.count == 1 ? "um" : "a")."]
        if outcome.unknownBirthDates > 0 {
            lines.append("Left out: \(outcome.unknownBirthDates) residents with a partly unknown birth date (--unknown-birth-dates exclude).")
        }
        let rated = settings.settings.responseRates != nil
        if rated {
            lines.append(String(format: "Expected respondents: %.0f (%.0f with proportional letters); expected pool vs population distance %.2f%% (%.2f%% with proportional letters).",
                                report.expectedRespondents, report.expectedRespondentsWithProportionalLetters,
                                report.expectedPoolDistance * 100, report.expectedPoolDistanceWithProportionalLetters * 100))
        }
        lines.append("Wrote \(files.names.joined(separator: ", ")) to \(files.directory)")
        return Result(lines: lines, warnings: settings.notes, files: files.names, letters: outcome.invitedRows.count,
                      eligible: outcome.eligible, addresses: outcome.addresses, strata: outcome.strata.count,
                      unknownBirthDatesLeftOut: outcome.unknownBirthDates,
                      expectedRespondents: rated ? report.expectedRespondents : nil,
                      expectedRespondentsWithProportionalLetters: rated ? report.expectedRespondentsWithProportionalLetters : nil,
                      expectedPoolDistance: rated ? report.expectedPoolDistance : nil,
                      expectedPoolDistanceWithProportionalLetters: rated ? report.expectedPoolDistanceWithProportionalLetters : nil)
    }
}
