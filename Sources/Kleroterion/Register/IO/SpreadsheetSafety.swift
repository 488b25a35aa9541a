/// Values a spreadsheet would run as a formula when it opens a CSV file (issue #12: "formula injection").
///
/// Excel, LibreOffice and Google Sheets treat a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage
/// return before one) as a formula; a respondent who registers as `=HYPERLINK(…)` reaches the civil servant who
/// opens `panel.csv`. Kleroterion's policy (docs/input-files.md, "Spreadsheet safety"): ids may not start with these
/// characters (the pool is refused); other values are kept byte for byte, because panel.csv + remaining.csv must be
/// exactly the pool, but `inspect` lists them and every command that reads them warns.
public enum SpreadsheetSafety {
    /// One value that would run as a formula.
    public struct Cell: Sendable, Equatable {
        public var line: Int
        public var column: String
        public var value: String
        public init(line: Int, column: String, value: String) { self.line = line; self.column = column; self.value = value }
    }

    /// True when a spreadsheet would read `value` as a formula. Plain numbers such as `-5` or `+31.5` are not
    /// formulas and are not flagged.
    public static func looksLikeFormula(_ value: String) -> Bool {
        var text = Substring(value)
        while let c = text.first, c == "\t" || c == "\r" { text = text.dropFirst() }
        guard let first = text.first, "=+-@".contains(first) else { return false }
        if first != "=" && first != "@", Double(text.replacingOccurrences(of: ",", with: ".")) != nil { return false }
        return true
    }

    /// Every such value of a table, in file order.
    public static func formulaCells(_ table: Table) -> [Cell] {
        var cells: [Cell] = []
        for (row, line) in zip(table.rows, table.lineNumbers) {
            for (c, value) in row.enumerated() where looksLikeFormula(value) {
                cells.append(Cell(line: line, column: table.header[c], value: value))
            }
        }
        return cells
    }

    /// The warning a command prints for a table with such values, or `nil`.
    public static func warning(_ table: Table, language: ReportLanguage = .en) -> String? {
        let cells = formulaCells(table)
        guard let first = cells.first else { return nil }
        let w = TextTable<ReadingLine>(language)
        return TextTable<CommonLine>(language)(.warning, w(cells.count == 1 ? .formulasOne : .formulasMany, table.source, String(first.line),
                                                          first.column, first.value, w.format.count(cells.count)))
    }
}
