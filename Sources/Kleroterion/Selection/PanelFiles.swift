/// The CSV files a draw writes: `panel.csv`, `remaining.csv`, `probabilities.csv`, `distribution.csv`.
///
/// `panel.csv` and `remaining.csv` keep every input column and the input's row order, so together they are
/// exactly the pool: nobody lost, nobody twice.
public enum PanelFiles {
    /// The selected rows, all input columns kept, in pool order.
    public static func panel(_ pool: Pool, members: [Int]) -> String {
        let selected = Set(members)
        return rows(pool) { selected.contains($0) }
    }

    /// Everybody not selected, all input columns kept, in pool order.
    public static func remaining(_ pool: Pool, members: [Int]) -> String {
        let selected = Set(members)
        return rows(pool) { !selected.contains($0) }
    }

    /// `id,probability`: each respondent's chance, in pool order. Estimates add a `standard_error` column.
    public static func probabilities(_ ids: [String], _ chances: SelectionProbabilities) -> String {
        var out = chances.isEstimate ? "id,probability,standard_error\n" : "id,probability\n"
        for (i, id) in ids.enumerated() {
            var fields = [id, format(chances.values[i])]
            if chances.isEstimate, let se = chances.standardErrors { fields.append(format(se[i])) }
            out += CSVWriter.line(fields)
        }
        return out
    }

    /// `probability,member_ids`: every panel with positive probability, member ids joined by single spaces.
    public static func distribution(_ ids: [String], _ distribution: PanelDistribution) -> String {
        var out = "probability,member_ids\n"
        for (panel, p) in zip(distribution.panels, distribution.probabilities) where p > 0 {
            out += CSVWriter.line([format(p), panel.map { ids[$0] }.joined(separator: " ")])
        }
        return out
    }

    /// Probabilities are written with 17 significant digits so that sums can be checked exactly.
    public static func format(_ x: Double) -> String {
        if x == 0 { return "0" }
        return String(describing: x)
    }

    private static func rows(_ pool: Pool, where keep: (Int) -> Bool) -> String {
        let d = Character(UnicodeScalar(pool.table.delimiter))
        var out = CSVWriter.line(pool.table.header, delimiter: d)
        for (i, row) in pool.table.rows.enumerated() where keep(i) { out += CSVWriter.line(row, delimiter: d) }
        return out
    }
}
