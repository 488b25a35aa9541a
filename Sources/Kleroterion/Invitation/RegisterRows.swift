/// Reads the population register row by row, in two passes.
///
/// The invitation lottery never needs the whole register at once: pass 1 (`scan`) looks at a few columns
/// of every row, pass 2 (`copy`) takes out the rows that got a letter. Everything that reads the file
/// goes through this type, so the CSV reader underneath can change without touching the lottery.
struct RegisterRows {
    let path: String

    /// Reads the header, lets `choose` pick the columns it needs, then calls `row` for every data row with
    /// its 0-based row number, its physical line, and the chosen fields (in the order `choose` gave).
    func scan(choose: ([String]) throws -> [Int],
              row: (_ index: Int, _ line: Int, _ fields: [String]) throws -> Void) throws {
        let table = try CSVReader.read(path: path)
        let columns = try choose(table.header)
        var fields = [String](repeating: "", count: columns.count)
        for (index, (values, line)) in zip(table.rows, table.lineNumbers).enumerated() {
            for (k, c) in columns.enumerated() { fields[k] = values[c] }
            try row(index, line, fields)
        }
    }

    /// The header and the rows whose 0-based numbers are in `rows` (ascending), as CSV text with `,`.
    func copy(rows: [Int]) throws -> String {
        let table = try CSVReader.read(path: path)
        var out = CSVWriter.line(table.header)
        for r in rows { out += CSVWriter.line(table.rows[r]) }
        return out
    }
}
