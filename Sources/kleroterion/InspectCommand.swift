import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion inspect`: check that a CSV file can be read, before a draw depends on it.
///
/// Reads the file with the same reader `select` and `invite` use (streaming, so registers of any size work) and
/// prints the delimiter, the columns, the number of rows and how many values are empty per column.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Check that a CSV file can be read and summarise its columns.",
        discussion: "Exits with code 2 and names file, line, column and fix at the first problem."
    )

    @Argument(help: "The CSV file (',' or ';', UTF-8).") var file: String
    @Option(help: "Your file's column names, as name=column pairs (e.g. gender=geslacht); shows how they would be read.") var columns: String?
    @Option(help: "A template whose columns: block to apply as well (a name in strata-templates/ or a file).") var template: String?

    func run() throws {
        try reportingErrors {
            let started = Date()
            let csv = try CSVStream(path: file)
            var blanks = [Int](repeating: 0, count: csv.header.count)
            var formulas: [SpreadsheetSafety.Cell] = []
            try csv.forEachRow(allowNoRows: true) { row in
                for c in 0..<row.count {
                    if row.isBlank(c) { blanks[c] += 1; continue }
                    if row.withBytes(c, { b in b.first.map { "=+-@\t\r".utf8.contains($0) } ?? false }), SpreadsheetSafety.looksLikeFormula(row[c]) {
                        formulas.append(.init(line: row.line, column: csv.header[c], value: row[c]))
                    }
                }
            }
            let seconds = Date().timeIntervalSince(started)
            let d = csv.delimiter == UInt8(ascii: ";") ? "';'" : "','"
            print("\(file): \(csv.rowCount) rows, \(csv.header.count) columns, delimiter \(d), \(csv.byteCount) bytes, read in \(String(format: "%.3f", seconds)) s")
            // The names the other commands will use for these columns (--columns, the template, BRP headers).
            let strata = try template.map { try StrataTemplate.load(path: StrataTemplate.locate($0, in: QuotasCommand.templateDirectories())) }
            let renames = try ColumnMapping(spec: columns).adding(strata?.columnPairs ?? []).renames(for: csv.header)
            for (name, empty) in zip(csv.header, blanks) {
                let rename = renames.first { $0.header == name }
                print("  \(name): \(empty) empty" + (rename.map { "  → read as \($0.canonical) (\($0.origin))" } ?? ""))
            }
            if renames.isEmpty { print("Column mapping: none needed (no --columns, no recognised BRP headers).") }
            if !formulas.isEmpty {
                print("Spreadsheet safety: \(formulas.count) value\(formulas.count == 1 ? " starts" : "s start") with = + - or @, which a spreadsheet may run as a formula"
                      + " (open the file as text; see docs/input-files.md):")
                for cell in formulas.prefix(20) { print("  line \(cell.line), column '\(cell.column)': \(cell.value)") }
                if formulas.count > 20 { print("  … and \(formulas.count - 20) more") }
            }
        }
    }
}
