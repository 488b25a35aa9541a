import Foundation

/// The invitation lottery's settings from a request: the option values translated to the register's own headers
/// (the register is streamed, so its columns are not renamed; the letters file keeps its headers), the dates
/// parsed, the response rates and oversampling read.
struct InviteSettings {
    var settings: InvitationSettings
    /// What was renamed, for the remarks.
    var notes: [String]

    static func make(_ r: InviteWorkflow.Request) throws -> InviteSettings {
        let header = try CSVStream(path: r.register).header
        let renames = try r.columns.mapping.renames(for: header)
        var notes: [String] = []
        if !renames.isEmpty { notes.append("\(r.register): " + renames.map { "\($0.header) → \($0.canonical)" }.joined(separator: ", ")) }
        func own(_ name: String) -> String { renames.first { $0.canonical.lowercased() == name.lowercased() }?.header ?? name }
        var settings = InvitationSettings(count: r.count)
        settings.strataColumns = r.strata.map { $0 == "age_band" ? $0 : own($0) }
        settings.addressColumns = r.householdColumns.map(own)
        settings.idColumn = own(r.idColumn)
        settings.birthDateColumn = own(r.birthDateColumn)
        settings.unknownBirthDates = try r.columns.policy()
        settings.minAge = r.minAge
        settings.maxAge = r.maxAge
        if let minAge = r.minAge, let maxAge = r.maxAge, minAge > maxAge {
            throw KleroterionError("--min-age \(minAge) is above --max-age \(maxAge)", fix: "swap the two ages")
        }
        if let text = r.referenceDate {
            guard let date = CalendarDate(parsing: text) else {
                throw KleroterionError("--reference-date '\(text)' is not a date", fix: "write it as YYYY-MM-DD, e.g. --reference-date 2026-01-01")
            }
            settings.referenceDate = date
        }
        if let exclude = r.exclude {
            settings.excludedIDs = try loadIDs(exclude, idColumn: r.idColumn)
            settings.exclusionSource = exclude
        }
        switch (r.responseRates, r.previousInvitations, r.previousRespondents) {
        case (nil, nil, nil): break
        case (let file?, nil, nil):
            settings.responseRates = try StratumFiles.responseRates(path: file, strataColumns: settings.strataColumns)
        case (nil, let invitations?, let respondents?):
            var previousDate = settings.referenceDate
            if let text = r.previousReferenceDate {
                guard let date = CalendarDate(parsing: text) else {
                    throw KleroterionError("--previous-reference-date '\(text)' is not a date", fix: "write it as YYYY-MM-DD, e.g. --previous-reference-date 2025-01-01")
                }
                previousDate = date
            }
            settings.responseRates = try StratumFiles.estimatedRates(
                invitations: invitations, respondents: respondents, strataColumns: settings.strataColumns,
                idColumn: r.idColumn, birthDateColumn: r.birthDateColumn, referenceDate: previousDate)
        case (_?, _, _):
            throw KleroterionError("--response-rates cannot be combined with --previous-invitations/--previous-respondents",
                                   fix: "give the rates in a file, or let them be estimated from the previous round, not both")
        default:
            throw KleroterionError("--previous-invitations and --previous-respondents go together",
                                   fix: "give both files of the previous round")
        }
        if let oversample = r.oversample {
            settings.oversampling = try StratumFiles.oversampling(path: oversample, strataColumns: settings.strataColumns)
        }
        return InviteSettings(settings: settings, notes: notes)
    }

    /// The ids in the exclusion file: its id column, or its only column.
    private static func loadIDs(_ path: String, idColumn: String) throws -> Set<String> {
        let table = try CSVReader.read(path: path)
        let c = table.header.count == 1 ? 0 : try table.requireColumn(idColumn, purpose: "the ids to exclude")
        return Set(table.rows.map { $0[c].trimmingSpaces() }.filter { !$0.isEmpty })
    }
}
