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

        /// The language of invitations-report.md and of the console's lines.
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
        let w = TextTable<InvitationLine>(r.language), n = w.format.count
        events.step(w(.inviteStep, n(r.count)))
        let outcome = try InvitationLottery.draw(register: r.register, settings: settings.settings, seed: r.seed)
        try events.checkCancelled()
        try InvitationFiles.add(outcome, language: r.language, to: &files)
        let report = InvitationReport(outcome)
        let strata = w.counted(outcome.strata.count, one: .stratumOne, many: .stratumMany)
        var lines = [outcome.addresses.map { w(.invitedAddresses, n(outcome.invitedRows.count), n(outcome.eligible), n($0), strata) }
                     ?? w(.invited, n(outcome.invitedRows.count), n(outcome.eligible), strata)]
        if outcome.unknownBirthDates > 0 { lines.append(w(.leftOut, n(outcome.unknownBirthDates))) }
        let rated = settings.settings.responseRates != nil
        if rated {
            lines.append(w(.expected, n(Int(report.expectedRespondents.rounded())), n(Int(report.expectedRespondentsWithProportionalLetters.rounded())),
                           w.format.percent(report.expectedPoolDistance, digits: 2), w.format.percent(report.expectedPoolDistanceWithProportionalLetters, digits: 2)))
        }
        lines.append(TextTable<CommonLine>(r.language)(.wrote, files.directory, files.names.joined(separator: ", ")))
        return Result(lines: lines, warnings: settings.notes, files: files.names, letters: outcome.invitedRows.count,
                      eligible: outcome.eligible, addresses: outcome.addresses, strata: outcome.strata.count,
                      unknownBirthDatesLeftOut: outcome.unknownBirthDates,
                      expectedRespondents: rated ? report.expectedRespondents : nil,
                      expectedRespondentsWithProportionalLetters: rated ? report.expectedRespondentsWithProportionalLetters : nil,
                      expectedPoolDistance: rated ? report.expectedPoolDistance : nil,
                      expectedPoolDistanceWithProportionalLetters: rated ? report.expectedPoolDistanceWithProportionalLetters : nil)
    }
}
