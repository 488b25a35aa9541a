/// The respondents who registered for the panel, as read from the pool file.
///
/// All input columns are kept, so that `panel.csv` and `remaining.csv` can carry them through unchanged.
public struct Pool: Sendable {
    /// The pool file as read.
    public let table: Table
    /// The index of the id column.
    public let idColumn: Int
    /// Each respondent's id, in file order.
    public let ids: [String]

    /// Reads the ids and checks that they are present and unique.
    public init(table: Table, idColumn name: String = "id") throws {
        let c = try table.requireColumn(name, purpose: "the respondents' ids; choose another with --id-column")
        var seen: [String: Int] = [:]
        var ids: [String] = []
        ids.reserveCapacity(table.rows.count)
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let id = row[c].trimmingSpaces()
            if id.isEmpty {
                throw KleroterionError(file: table.source, line: line, column: table.header[c], "the id is empty",
                                       fix: "give every respondent a unique id")
            }
            if let first = seen[id] {
                throw KleroterionError(file: table.source, line: line, column: table.header[c], "the id '\(id)' is also on line \(first)",
                                       fix: "give every respondent a unique id (remove the duplicate registration)")
            }
            seen[id] = line
            ids.append(id)
        }
        self.table = table
        self.idColumn = c
        self.ids = ids
    }

    /// How many respondents there are.
    public var count: Int { ids.count }

    /// Loads a pool file.
    public static func load(path: String, idColumn: String = "id") throws -> Pool {
        try Pool(table: CSVReader.read(path: path), idColumn: idColumn)
    }
}
