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
    @Option(help: "Language of the console's lines and of invitations-report.md: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Replace an existing, non-empty output folder as a whole (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            var request = InviteWorkflow.Request(register: register, count: count, seed: seed)
            request.language = try ReportFiles.language(language)
            request.strata = try columnList(strata, option: "--strata", example: "district,age_band")
            request.householdColumns = try columnList(householdColumns, option: "--household-columns", example: "street,house_number,postcode")
            request.columns = RegisterColumns(mapping: try ColumnMapping(spec: columns), unknownBirthDates: unknownBirthDates)
            request.minAge = minAge
            request.maxAge = maxAge
            request.referenceDate = referenceDate
            request.birthDateColumn = birthDateColumn
            request.idColumn = idColumn
            request.responseRates = responseRates
            request.previousInvitations = previousInvitations
            request.previousRespondents = previousRespondents
            request.previousReferenceDate = previousReferenceDate
            request.oversample = oversample
            request.exclude = exclude
            var files = try outputFolder(out, inputs: request.inputs, replace: replace)
            let result = try InviteWorkflow.run(request, into: &files, events: .silent)
            try files.commit()
            show(result.lines, warnings: result.warnings)
        }
    }
}
