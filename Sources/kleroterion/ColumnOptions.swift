import ArgumentParser
import Foundation
import Kleroterion

/// `--columns` and `--unknown-birth-dates`: read a municipality's own files (BRP headers, Dutch spellings).
/// Every command that reads the register or the pool includes these (see `ColumnMapping`).
struct ColumnOptions: ParsableArguments {
    @Option(help: "Your file's column names, as name=column pairs: e.g. gender=geslacht,birth_date=geboortedatum,district=wijk. Common BRP headers (geslacht, geboortedatum, huisnummer, postcode, wijk, …) are recognised without it.")
    var columns: String?
    @Option(help: "What to do with partly unknown birth dates such as 19700000: refuse (stop and say where), exclude (leave them out, counted) or impute (the middle of the unknown period).")
    var unknownBirthDates: String = "refuse"

    /// The library's description of these options.
    func registerColumns() throws -> RegisterColumns {
        RegisterColumns(mapping: try ColumnMapping(spec: columns), unknownBirthDates: unknownBirthDates)
    }

    /// The mapping of `--columns`, followed by a template's `columns:` block.
    func mapping(template: StrataTemplate? = nil) throws -> ColumnMapping {
        try ColumnMapping(spec: columns).adding(template?.columnPairs ?? [])
    }

    func policy() throws -> UnknownBirthDatePolicy {
        guard let p = UnknownBirthDatePolicy(rawValue: unknownBirthDates.trimmingSpaces().lowercased()) else {
            throw KleroterionError("--unknown-birth-dates '\(unknownBirthDates)' is not one of refuse, exclude, impute",
                                   fix: "write --unknown-birth-dates exclude (or impute, or refuse)")
        }
        return p
    }

    /// Reads a CSV file and applies the mapping, saying on stderr what was renamed.
    func read(_ path: String, template: StrataTemplate? = nil) throws -> Table {
        try apply(to: CSVReader.read(path: path), template: template)
    }

    func apply(to table: Table, template: StrataTemplate? = nil) throws -> Table {
        let (mapped, renames, notes) = try mapping(template: template).apply(to: table)
        if !renames.isEmpty {
            pendingNotes.append("\(table.source): " + renames.map { "\($0.header) → \($0.canonical)" }.joined(separator: ", "))
        }
        pendingNotes += notes
        return mapped
    }
}

/// The pool commands (`select`, `check`, `commit`): columns, and age bands derived from a birth date.
struct PoolColumnOptions: ParsableArguments {
    @OptionGroup var columns: ColumnOptions
    @Option(help: "The date on which ages are counted (YYYY-MM-DD), to derive age bands from birth dates when the respondents file has none.")
    var referenceDate: String?
    @Option(help: "The respondents' birth date column (after --columns), for derived age bands.")
    var birthDateColumn: String = "birth_date"

    /// The library's description of these options.
    func poolColumns() throws -> PoolColumns {
        PoolColumns(register: try columns.registerColumns(), referenceDate: referenceDate, birthDateColumn: birthDateColumn)
    }

    /// Reads the pool table: columns mapped, and the quotas' age feature (e.g. age_band) derived when it is missing.
    func poolTable(_ table: Table, quotas: QuotaSet) throws -> Table {
        let mapped = try columns.apply(to: table)
        guard let (feature, bands) = AgeBandColumn.missingAgeFeature(quotas: quotas, table: mapped),
              mapped.columnIndex(birthDateColumn) != nil else { return mapped }
        guard let text = referenceDate else {
            throw KleroterionError(file: table.source, line: 1, column: feature,
                                   "the quotas have age bands (\(feature): \(bands.labels.joined(separator: ", "))) but the respondents have no column '\(feature)', only birth dates",
                                   fix: "add --reference-date YYYY-MM-DD (the date ages are counted, e.g. the date of the letters) to derive \(feature)")
        }
        guard let reference = CalendarDate(parsing: text) else {
            throw KleroterionError("--reference-date '\(text)' is not a date", fix: "write the date as YYYY-MM-DD, e.g. 2026-01-01")
        }
        let result = try AgeBandColumn.add(to: mapped, feature: feature, bands: bands, birthColumn: birthDateColumn,
                                           reference: reference, policy: columns.policy())
        pendingNotes += result.notes
        return result.table
    }

    /// Loads the pool file for these quotas.
    func loadPool(_ path: String, idColumn: String, quotas: QuotaSet) throws -> Pool {
        try Pool(table: poolTable(CSVReader.read(path: path), quotas: quotas), idColumn: idColumn)
    }
}
