/// The register as the quota derivation counts it: its header after the column mapping, and its rows one at a time.
///
/// A municipality's register can have 15 million rows; counting residents per value needs a few fields of each row
/// and never the whole file. `stream` reads it through `CSVStream` (memory-mapped; a `String` only for the fields
/// asked for), so memory stays flat whatever the file's size. `table` wraps a table read already (small registers
/// in tests, and callers that hold one anyway).
public struct RegisterRowSource {
    /// The file name as the user gave it, for messages.
    public let source: String
    /// The column names after the mapping (`geslacht` read as `gender`).
    public let header: [String]
    /// Whether a renamed gender column's BRP codes (M / V / O) are still to be spelled out as man / vrouw / overig
    /// once all its values are known (a table read already has them spelled).
    let spellsGenderCodes: Bool
    /// Calls its argument with every data row: a field by column index, and the row's physical line.
    let eachRow: ((_ field: (Int) -> String, _ line: Int) throws -> Void) throws -> Void

    /// The index of a column, or an error that names the columns there are.
    func requireColumn(_ name: String, purpose: String) throws -> Int {
        try Table(source: source, header: header, rows: [], lineNumbers: []).requireColumn(name, purpose: purpose)
    }

    /// A table read already, with its mapping applied.
    public static func table(_ table: Table) -> RegisterRowSource {
        RegisterRowSource(source: table.source, header: table.header, spellsGenderCodes: false) { body in
            for (row, line) in zip(table.rows, table.lineNumbers) { try body({ row[$0] }, line) }
        }
    }

    /// A register file read row by row, its header renamed by `mapping`; what was renamed is added to `notes`.
    public static func stream(path: String, mapping: ColumnMapping, notes: inout [String]) throws -> RegisterRowSource {
        let csv = try CSVStream(path: path)
        let renames: [ColumnMapping.Rename]
        do { renames = try mapping.renames(for: csv.header) } catch var e as KleroterionError { e.file = path; throw e }
        var header = csv.header
        for r in renames {
            if let i = header.firstIndex(where: { $0.lowercased() == r.header.lowercased() }) { header[i] = r.canonical }
        }
        if !renames.isEmpty {
            notes.append("\(path): " + renames.map { "\($0.header) → \($0.canonical)" }.joined(separator: ", "))
        }
        return RegisterRowSource(source: path, header: header,
                                 spellsGenderCodes: renames.contains { $0.canonical.lowercased() == "gender" }) { body in
            try csv.forEachRow { record in try body({ record[$0] }, record.line) }
        }
    }
}
