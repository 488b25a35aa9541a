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
        /// The language of the console's lines.
        public var language: ReportLanguage = .nl

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
        let w = TextTable<FileLine>(r.language), n = w.format.count
        var lines = [w(.summary, r.file, n(csv.rowCount), n(csv.header.count), w(semicolon ? .semicolon : .comma), n(csv.byteCount),
                       w.format.decimal(seconds, digits: 3))]
        // The names the other commands will use for these columns (the mapping, the template, BRP headers).
        let strata = try r.template.map { try StrataTemplate.load(path: StrataTemplate.locate($0, in: r.templateDirectories)) }
        let renames = try r.mapping.adding(strata?.columnPairs ?? []).renames(for: csv.header)
        var columns: [Column] = []
        for (name, empty) in zip(csv.header, blanks) {
            let rename = renames.first { $0.header == name }
            columns.append(Column(name: name, empty: empty, rename: rename))
            lines.append(w(.column, name, n(empty)) + (rename.map { w(.readAs, $0.canonical, origin($0.origin, w)) } ?? ""))
        }
        if renames.isEmpty { lines.append(w(.noMapping)) }
        if !formulas.isEmpty {
            lines.append(w(.formulas, w.counted(formulas.count, one: .formulaOne, many: .formulaMany)))
            for cell in formulas.prefix(20) { lines.append(w(.formulaCell, n(cell.line), cell.column, cell.value)) }
            if formulas.count > 20 { lines.append(w(.formulaMore, n(formulas.count - 20))) }
        }
        return Result(lines: lines, rows: csv.rowCount, bytes: csv.byteCount, delimiter: semicolon ? ";" : ",",
                      columns: columns, formulas: formulas, seconds: seconds)
    }

    /// Why a column is renamed, in words: an option's name stays as typed.
    static func origin(_ origin: String, _ w: TextTable<FileLine>) -> String {
        switch origin {
        case ColumnMapping.brpOrigin: return w(.originBRP)
        case StrataTemplate.columnsOrigin: return w(.originTemplate)
        default: return origin
        }
    }
}
