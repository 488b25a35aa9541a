import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion invite`: the invitation lottery over the population register (issues #2 and #5).
struct InviteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "invite",
        abstract: "Draw who gets an invitation letter from the register.",
        discussion: """
        Writes invitations.csv (the register rows that get a letter, all columns, for the mail merge), \
        invitations-report.md and invitations-report.json (letters per stratum, each resident's chance, \
        the expected pool against the population; no personal data) into the output folder. \
        See docs/invitations.md.
        """
    )

    @Option(help: "The population register (CSV, ',' or ';').") var register: String
    @Option(help: "How many letters to send.") var count: Int
    @Option(help: "The public seed text, e.g. \"2026-03-14 lotto 3 17 22 31 40 41\".") var seed: String
    @Option(help: "The output folder.") var out: String
    @Option(name: [.customLong("household-columns"), .customLong("one-per-address")],
            help: "Columns that together form an address; one letter per address, to a resident drawn by lot (e.g. street,house_number,postcode). --one-per-address is the old name.")
    var householdColumns: String?
    @Option(help: "Your register's column names, as name=column pairs: e.g. birth_date=geboortedatum,district=wijk. Common BRP headers (geboortedatum, huisnummer, postcode, wijk, …) are recognised without it.")
    var columns: String?
    @Option(help: "What to do with partly unknown birth dates such as 19700000: refuse (stop and say where), exclude (no letter, counted) or impute (the middle of the unknown period).")
    var unknownBirthDates: String = "refuse"
    @Option(help: "Columns whose combinations form the strata, e.g. district,age_band (age_band is derived from the birth date).") var strata: String?
    @Option(help: "Youngest age that may get a letter, in completed years on the reference date.") var minAge: Int?
    @Option(help: "Oldest age that may get a letter.") var maxAge: Int?
    @Option(help: "The date on which ages are counted (YYYY-MM-DD); needed with age limits or age_band.") var referenceDate: String?
    @Option(help: "The column with birth dates.") var birthDateColumn: String = "birth_date"
    @Option(help: "The column with residents' ids.") var idColumn: String = "id"
    @Option(help: "Expected response rate per stratum: the strata columns plus response_rate.") var responseRates: String?
    @Option(help: "A previous round's invitations (register extract), to estimate response rates (with --previous-respondents).") var previousInvitations: String?
    @Option(help: "The ids of the previous round's respondents (with --previous-invitations).") var previousRespondents: String?
    @Option(help: "The previous round's reference date, for its invitees' age bands (default: --reference-date).") var previousReferenceDate: String?
    @Option(help: "Oversampling factor per stratum: the strata columns plus factor.") var oversample: String?
    @Option(help: "Ids that get no letter (earlier participants, officials): a CSV with an id column.") var exclude: String?
    @Option(help: "Language of invitations-report.md: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Replace an existing, non-empty output folder as a whole (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            let textLanguage = try ReportFiles.language(language)
            var files = try outputFolder(out, inputs: [register, responseRates, previousInvitations, previousRespondents, oversample, exclude], replace: replace)
            try checkedRange(minAge, option: "--min-age", 0...150, meaning: "years")
            try checkedRange(maxAge, option: "--max-age", 0...150, meaning: "years")
            // The register is streamed, so instead of renaming its columns the option values are translated to its
            // own headers (`district` → `wijk`); the letters file keeps the register's headers.
            let header = try CSVStream(path: register).header
            let renames = try ColumnMapping(spec: columns).renames(for: header)
            if !renames.isEmpty { pendingNotes.append("\(register): " + renames.map { "\($0.header) → \($0.canonical)" }.joined(separator: ", ")) }
            func own(_ name: String) -> String { renames.first { $0.canonical.lowercased() == name.lowercased() }?.header ?? name }
            var settings = InvitationSettings(count: count)
            settings.strataColumns = try columnList(strata, option: "--strata", example: "district,age_band").map { $0 == "age_band" ? $0 : own($0) }
            settings.addressColumns = try columnList(householdColumns, option: "--household-columns", example: "street,house_number,postcode").map(own)
            settings.idColumn = own(idColumn)
            settings.birthDateColumn = own(birthDateColumn)
            guard let policy = UnknownBirthDatePolicy(rawValue: unknownBirthDates.lowercased()) else {
                throw KleroterionError("--unknown-birth-dates '\(unknownBirthDates)' is not one of refuse, exclude, impute", fix: "write --unknown-birth-dates exclude (or impute, or refuse)")
            }
            settings.unknownBirthDates = policy
            settings.minAge = minAge
            settings.maxAge = maxAge
            if let minAge, let maxAge, minAge > maxAge {
                throw KleroterionError("--min-age \(minAge) is above --max-age \(maxAge)", fix: "swap the two ages")
            }
            if let text = referenceDate {
                guard let date = CalendarDate(parsing: text) else {
                    throw KleroterionError("--reference-date '\(text)' is not a date", fix: "write it as YYYY-MM-DD, e.g. --reference-date 2026-01-01")
                }
                settings.referenceDate = date
            }
            if let exclude {
                settings.excludedIDs = try loadIDs(exclude)
                settings.exclusionSource = exclude
            }
            switch (responseRates, previousInvitations, previousRespondents) {
            case (nil, nil, nil): break
            case (let file?, nil, nil):
                settings.responseRates = try StratumFiles.responseRates(path: file, strataColumns: settings.strataColumns)
            case (nil, let invitations?, let respondents?):
                var previousDate = settings.referenceDate
                if let text = previousReferenceDate {
                    guard let date = CalendarDate(parsing: text) else {
                        throw KleroterionError("--previous-reference-date '\(text)' is not a date", fix: "write it as YYYY-MM-DD, e.g. --previous-reference-date 2025-01-01")
                    }
                    previousDate = date
                }
                settings.responseRates = try StratumFiles.estimatedRates(
                    invitations: invitations, respondents: respondents, strataColumns: settings.strataColumns,
                    idColumn: idColumn, birthDateColumn: birthDateColumn, referenceDate: previousDate)
            case (_?, _, _):
                throw KleroterionError("--response-rates cannot be combined with --previous-invitations/--previous-respondents",
                                       fix: "give the rates in a file, or let them be estimated from the previous round, not both")
            default:
                throw KleroterionError("--previous-invitations and --previous-respondents go together",
                                       fix: "give both files of the previous round")
            }
            if let oversample {
                settings.oversampling = try StratumFiles.oversampling(path: oversample, strataColumns: settings.strataColumns)
            }
            let outcome = try InvitationLottery.draw(register: register, settings: settings, seed: seed)
            try InvitationFiles.add(outcome, language: textLanguage, to: &files)
            try files.commit()
            let report = InvitationReport(outcome)
            print("Drew \(outcome.invitedRows.count) letters from \(outcome.eligible) eligible residents"
                  + (outcome.addresses.map { " at \($0) addresses (one per address)" } ?? "")
                  + " in \(outcome.strata.count) strat\(outcome.strata.count == 1 ? "um" : "a").")
            if outcome.unknownBirthDates > 0 { print("Left out: \(outcome.unknownBirthDates) residents with a partly unknown birth date (--unknown-birth-dates exclude).") }
            if settings.responseRates != nil {
                print(String(format: "Expected respondents: %.0f (%.0f with proportional letters); expected pool vs population distance %.2f%% (%.2f%% with proportional letters).",
                             report.expectedRespondents, report.expectedRespondentsWithProportionalLetters,
                             report.expectedPoolDistance * 100, report.expectedPoolDistanceWithProportionalLetters * 100))
            }
            print("Wrote \(files.names.joined(separator: ", ")) to \(out)")
        }
    }

    /// The ids in the exclusion file: its `--id-column` column, or its only column.
    private func loadIDs(_ path: String) throws -> Set<String> {
        let table = try CSVReader.read(path: path)
        let c = table.header.count == 1 ? 0 : try table.requireColumn(idColumn, purpose: "the ids to exclude")
        return Set(table.rows.map { $0[c].trimmingSpaces() }.filter { !$0.isEmpty })
    }
}
