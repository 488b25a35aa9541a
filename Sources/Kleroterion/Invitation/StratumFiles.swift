/// Reads per-stratum numbers: response rates, oversampling factors, and rates estimated from a previous round.
public enum StratumFiles {
    /// Reads a file with the strata columns (all, or some: then a rate applies to every stratum with those values)
    /// plus `response_rate` (a share in (0, 1], such as `0.12`, `0,12` or `12%`).
    public static func responseRates(path: String, strataColumns: [String]) throws -> StratumTable {
        try read(path: path, strataColumns: strataColumns, valueColumns: ["response_rate"], what: "response rate") { value, place in
            guard value > 0 && value <= 1 else {
                throw KleroterionError(file: place.file, line: place.line, column: place.column,
                                       value <= 0 ? "a response rate of \(place.text) means nobody would answer, so no number of letters can fill this stratum"
                                                  : "a response rate of \(place.text) is above 1 (100%)",
                                       fix: value <= 0 ? "give the share that is expected to respond, above 0 and at most 1, such as 0.12 for 12%"
                                                       : "write the rate as a share (0.12) or with a percent sign (12%)")
            }
        }
    }

    /// Reads a file with the strata columns (all or some) plus `factor` (oversampling: 2 = twice the letters per resident).
    public static func oversampling(path: String, strataColumns: [String]) throws -> StratumTable {
        try read(path: path, strataColumns: strataColumns, valueColumns: ["factor", "oversampling_factor", "oversampling"], what: "oversampling factor") { value, place in
            guard value > 0 && value.isFinite else {
                throw KleroterionError(file: place.file, line: place.line, column: place.column,
                                       "an oversampling factor must be above 0 (it is \(place.text))",
                                       fix: "give 1 for no oversampling, 2 for twice the letters per resident; leave the stratum out for 1")
            }
        }
    }

    /// How many letters a stratum's rate counts for when it is estimated from a previous round: the estimate
    /// is (respondents + K × overall rate) ÷ (letters + K) with K = 30. A stratum with few letters last time
    /// thus gets a rate near the overall one instead of 0 % or 100 % from a handful of letters; a stratum with
    /// hundreds of letters keeps close to its own rate. A stratum that got no letters gets the overall rate.
    public static let priorLetters = 30.0

    /// Estimates response rates per stratum from a previous round: the invitations it sent (a register extract
    /// with the strata columns, or the birth date for `age_band`) and the ids of those who responded.
    /// `age_band` is counted at `referenceDate`, which should be the previous round's own reference date (an
    /// invitee aged 24 then answered as a 16-24, even if she is 25 now).
    public static func estimatedRates(invitations: String, respondents: String, strataColumns: [String],
                                      idColumn: String, birthDateColumn: String, referenceDate: CalendarDate?) throws -> StratumTable {
        let letters = try CSVReader.read(path: invitations)
        let answers = try CSVReader.read(path: respondents)
        let lid = try letters.requireColumn(idColumn, purpose: "the ids of the previous round's invitees; choose another with --id-column")
        let aid = try answers.requireColumn(idColumn, purpose: "the ids of the previous round's respondents; choose another with --id-column")
        var columns: [Int?] = []
        var birth: Int?
        for name in strataColumns {
            if let c = letters.columnIndex(name) { columns.append(c); continue }
            guard name.lowercased() == AgeBand.column else {
                _ = try letters.requireColumn(name, purpose: "a strata column, needed to estimate response rates per stratum")
                continue
            }
            guard let referenceDate else {
                throw KleroterionError("age_band is a stratum but no reference date is given", fix: "add --reference-date YYYY-MM-DD")
            }
            _ = referenceDate
            birth = try letters.requireColumn(birthDateColumn, purpose: "the birth dates, needed for age_band")
            columns.append(nil)
        }
        let responded = Set(answers.rows.map { $0[aid].trimmingSpaces() })
        var sent: [String: (letters: Int, answers: Int)] = [:]
        var seen = Set<String>()
        var totalLetters = 0, totalAnswers = 0
        for (row, line) in zip(letters.rows, letters.lineNumbers) {
            let id = row[lid].trimmingSpaces()
            guard seen.insert(id).inserted else {
                throw KleroterionError(file: letters.source, line: line, column: letters.header[lid], "the id '\(id)' appears twice",
                                       fix: "each invitee should be listed once")
            }
            var values: [String] = []
            for c in columns {
                if let c { values.append(row[c]); continue }
                guard let born = CalendarDate(parsing: row[birth!]) else {
                    throw KleroterionError(file: letters.source, line: line, column: letters.header[birth!], "the birth date '\(row[birth!])' cannot be read",
                                           fix: "write birth dates as YYYY-MM-DD, YYYYMMDD or DD-MM-YYYY")
                }
                values.append(AgeBand.label(forAge: born.age(on: referenceDate!)))
            }
            let key = StratumKey.normalise(values)
            let answered = responded.contains(id)
            sent[key, default: (0, 0)].letters += 1
            if answered { sent[key, default: (0, 0)].answers += 1 }
            totalLetters += 1
            totalAnswers += answered ? 1 : 0
        }
        guard totalAnswers > 0 else {
            throw KleroterionError(file: respondents, "none of the respondents' ids is among the previous round's invitations",
                                   fix: "check that both files come from the same round and use the same id column")
        }
        let overall = Double(totalAnswers) / Double(totalLetters)
        var table = StratumTable(source: "estimated from \(invitations) and \(respondents)", valueColumn: "response_rate",
                                 values: [:], fallback: overall, strict: false)
        for (key, c) in sent {
            let rate = (Double(c.answers) + priorLetters * overall) / (Double(c.letters) + priorLetters)
            table.values[key] = (rate, nil)
            table.notes[key] = "\(c.answers) of \(c.letters) answered"
        }
        return table
    }

    struct Place { let file: String; let line: Int; let column: String; let text: String }

    private static func read(path: String, strataColumns: [String], valueColumns: [String], what: String,
                             check: (Double, Place) throws -> Void) throws -> StratumTable {
        let table = try CSVReader.read(path: path)
        guard let valueColumn = valueColumns.lazy.compactMap({ table.columnIndex($0) }).first else {
            _ = try table.requireColumn(valueColumns[0], purpose: "the \(what) per stratum")
            fatalError("unreachable")
        }
        // The file may use any of the strata columns (rates by age band while the strata are district × age band);
        // every other column must be the value column, so a misspelt column is not silently ignored.
        var columns: [Int] = [], used: [Int] = []
        for (c, name) in table.header.enumerated() where c != valueColumn {
            guard let k = strataColumns.firstIndex(where: { $0.trimmingSpaces().lowercased() == name.lowercased() }) else {
                throw KleroterionError(file: path, line: 1, column: name,
                                       "'\(name)' is not a strata column; the strata columns are: \(strataColumns.isEmpty ? "none (no --strata)" : strataColumns.joined(separator: ", "))",
                                       fix: "give the file only strata columns (all or some of them) and the column \(table.header[valueColumn]), or add the column to --strata")
            }
            columns.append(c)
            used.append(k)
        }
        var values: [String: (value: Double, line: Int?)] = [:]
        var written: [String: [String]] = [:]
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let text = row[valueColumn].trimmingSpaces()
            let place = Place(file: path, line: line, column: table.header[valueColumn], text: text)
            guard let value = number(text) else {
                throw KleroterionError(file: path, line: line, column: table.header[valueColumn], "'\(text)' is not a number",
                                       fix: "write the \(what) as a number such as 0.12 (or 12%)")
            }
            try check(value, place)
            let key = StratumKey.normalise(columns.map { row[$0] })
            if let earlier = values[key] {
                throw KleroterionError(file: path, line: line, "this stratum is also on line \(earlier.line!)", fix: "keep one line per stratum")
            }
            values[key] = (value, line)
            written[key] = columns.map { row[$0].trimmingSpaces() }
        }
        var result = StratumTable(source: path, valueColumn: table.header[valueColumn], values: values)
        result.written = written
        result.columns = used
        result.columnNames = columns.map { table.header[$0] }
        return result
    }

    /// `0.12`, `0,12` (Dutch decimal comma) or `12%`.
    static func number(_ text: String) -> Double? {
        var t = text.replacingOccurrences(of: ",", with: ".")
        var scale = 1.0
        if t.hasSuffix("%") { t.removeLast(); scale = 0.01 }
        guard let v = Double(t.trimmingSpaces()) else { return nil }
        return v * scale
    }
}
