import Foundation

/// `inspect`: check that a CSV file can be read, before a draw depends on it. It streams the file with the reader
/// `select` and `invite` use (registers of any size) and summarises its columns; it writes nothing, so it takes no
/// `OutputFiles`. The census screen of a web app shows the same figures.
public enum InspectWorkflow {
    /// Which file, and how its columns would be read.
    public struct Request: Sendable {
        public var file: String
        /// The file's column names (`--columns`), and a template whose `columns:` block applies as well (a name in
        /// strata-templates/ or a file).
        public var mapping: ColumnMapping = ColumnMapping()
        public var template: String?
        public var templateDirectories: [String] = QuotasWorkflow.templateDirectories()

        public init(file: String) { self.file = file }
    }

    /// One column: its name, how many values are empty, and the name the other commands read it as.
    public struct Column: Sendable, Equatable {
        public var name: String
        public var empty: Int
        public var rename: ColumnMapping.Rename?
    }

    /// The file's shape.
    public struct Result: Sendable {
        /// The lines the CLI prints.
        public var lines: [String]
        public var rows: Int
        public var bytes: Int
        /// `,` or `;`.
        public var delimiter: Character
        public var columns: [Column]
        /// Values a spreadsheet would run as formulas (line, column, value).
        public var formulas: [SpreadsheetSafety.Cell]
        public var seconds: Double
    }

    /// Reads the file once and summarises it.
    public static func run(_ request: Request, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        let started = Date()
        let csv = try CSVStream(path: r.file)
        var blanks = [Int](repeating: 0, count: csv.header.count)
        var formulas: [SpreadsheetSafety.Cell] = []
        var rows = 0
        try csv.forEachRow(allowNoRows: true) { row in
            rows += 1
            if rows % 100_000 == 0 { try events.checkCancelled() }
            for c in 0..<row.count {
                if row.isBlank(c) { blanks[c] += 1; continue }
                if row.withBytes(c, { b in b.first.map { "=+-@\t\r".utf8.contains($0) } ?? false }), SpreadsheetSafety.looksLikeFormula(row[c]) {
                    formulas.append(.init(line: row.line, column: csv.header[c], value: row[c]))
                }
            }
        }
        let seconds = Date().timeIntervalSince(started)
        let semicolon = csv.delimiter == UInt8(ascii: ";")
        var lines = ["\(r.file): \(csv.rowCount) rows, \(csv.header.count) columns, delimiter \(semicolon ? "';'" : "','"), \(csv.byteCount) bytes, read in \(String(format: "%.3f", seconds)) s"]
        // The names the other commands will use for these columns (the mapping, the template, BRP headers).
        let strata = try r.template.map { try StrataTemplate.load(path: StrataTemplate.locate($0, in: r.templateDirectories)) }
        let renames = try r.mapping.adding(strata?.columnPairs ?? []).renames(for: csv.header)
        var columns: [Column] = []
        for (name, empty) in zip(csv.header, blanks) {
            let rename = renames.first { $0.header == name }
            columns.append(Column(name: name, empty: empty, rename: rename))
            lines.append("  \(name): \(empty) empty" + (rename.map { "  → read as \($0.canonical) (\($0.origin))" } ?? ""))
        }
        if renames.isEmpty { lines.append("Column mapping: none needed (no --columns, no recognised BRP headers).") }
        if !formulas.isEmpty {
            lines.append("Spreadsheet safety: \(formulas.count) value\(formulas.count == 1 ? " starts" : "s start") with = + - or @, which a spreadsheet may run as a formula"
                         + " (open the file as text; see docs/input-files.md):")
            for cell in formulas.prefix(20) { lines.append("  line \(cell.line), column '\(cell.column)': \(cell.value)") }
            if formulas.count > 20 { lines.append("  … and \(formulas.count - 20) more") }
        }
        return Result(lines: lines, rows: csv.rowCount, bytes: csv.byteCount, delimiter: semicolon ? ";" : ",",
                      columns: columns, formulas: formulas, seconds: seconds)
    }
}
