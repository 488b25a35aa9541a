/// `alternates.csv`: the pool's columns plus `rank` (1 = first to be asked), one row per alternate, in rank order.
///
/// Written by `select --alternates` (and by `replace`, with the alternates not yet used), read by `replace --alternates`.
/// With alternates, `remaining.csv` leaves them out, so panel.csv + alternates.csv + remaining.csv are exactly the pool.
public enum AlternateFiles {
    /// The file's text.
    public static func csv(_ pool: Pool, ranked: [Int], ranks: [Int]? = nil) -> String {
        let d = Character(UnicodeScalar(pool.table.delimiter))
        var out = CSVWriter.line(pool.table.header + ["rank"], delimiter: d)
        for (k, i) in ranked.enumerated() {
            out += CSVWriter.line(pool.table.rows[i] + [String(ranks?[k] ?? k + 1)], delimiter: d)
        }
        return out
    }

    /// `id,probability`: each respondent's chance of being drawn as an alternate (with `standard_error` when estimated).
    public static func chances(_ ids: [String], _ chances: SelectionProbabilities) -> String {
        PanelFiles.probabilities(ids, chances)
    }

    /// Reads an alternates file against the pool: person indices in rank order, and their ranks.
    public static func load(path: String, pool: Pool) throws -> (people: [Int], ranks: [Int]) {
        let table = try CSVReader.read(path: path)
        let idName = pool.table.header[pool.idColumn]
        let idc = try table.requireColumn(idName, purpose: "the alternates' ids (the same id column as the pool)")
        let rc = try table.requireColumn("rank", purpose: "the order in which alternates are asked (written by select --alternates)")
        var index: [String: Int] = [:]
        for (i, id) in pool.ids.enumerated() { index[id] = i }
        var rows: [(person: Int, rank: Int)] = []
        var seen: [Int: Int] = [:]
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let id = row[idc].trimmingSpaces()
            guard let i = index[id] else {
                throw KleroterionError(file: path, line: line, column: table.header[idc], "the alternate '\(id)' is not in the pool \(pool.table.source)",
                                       fix: "use the alternates.csv written with this pool")
            }
            guard let rank = Int(row[rc].trimmingSpaces()), rank >= 1 else {
                throw KleroterionError(file: path, line: line, column: "rank", "the rank '\(row[rc])' is not a whole number of at least 1",
                                       fix: "give each alternate a rank 1, 2, 3, … (as select --alternates writes it)")
            }
            if let first = seen.updateValue(line, forKey: i) {
                throw KleroterionError(file: path, line: line, column: table.header[idc], "the alternate '\(id)' is also on line \(first)",
                                       fix: "list each alternate once")
            }
            rows.append((i, rank))
        }
        let sorted = rows.enumerated().sorted { $0.element.rank != $1.element.rank ? $0.element.rank < $1.element.rank : $0.offset < $1.offset }
        return (sorted.map(\.element.person), sorted.map(\.element.rank))
    }
}
