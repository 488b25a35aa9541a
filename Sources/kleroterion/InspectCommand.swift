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
            for (name, empty) in zip(csv.header, blanks) {
                print("  \(name): \(empty) empty")
            }
            if !formulas.isEmpty {
                print("Spreadsheet safety: \(formulas.count) value\(formulas.count == 1 ? " starts" : "s start") with = + - or @, which a spreadsheet may run as a formula"
                      + " (open the file as text; see docs/input-files.md):")
                for cell in formulas.prefix(20) { print("  line \(cell.line), column '\(cell.column)': \(cell.value)") }
                if formulas.count > 20 { print("  … and \(formulas.count - 20) more") }
            }
        }
    }
}
