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
}
