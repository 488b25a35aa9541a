/// What to do with a birth date the BRP records as partly unknown: `19700000` (only the year known) or `19700100`
/// (year and month known). The BRP writes such dates for people whose papers gave no exact date.
public enum UnknownBirthDatePolicy: String, CaseIterable, Sendable {
    /// Stop with a message that names this file, the line and the two options below (the default: a person's
    /// chance should not change without the organiser choosing how).
    case refuse
    /// Leave such residents or respondents out, and count them (the count is printed and, for a register, the
    /// quotas are derived without them).
    case exclude
    /// Use the middle of the unknown period: day 15 when only the day is unknown, 1 July when the month is unknown too.
    /// The CBS's own rule for these dates was not found in the project's sources (docs/findings.md); this is ours.
    case impute
}

/// A birth date as read with a policy for partly unknown dates.
public enum BirthDateReading: Equatable, Sendable {
    case date(CalendarDate)
    /// Partly unknown, and the policy says to leave the person out.
    case excluded
    /// Partly unknown, and the policy is `refuse`.
    case partlyUnknown
    /// Not a date at all.
    case invalid
}

extension CalendarDate {
    /// A birth date cell of a table (a register or a pool) read with `policy`: nil when the policy leaves the person
    /// out, `imputed` when a partly unknown date was filled in. A partly unknown date under `refuse`, and a cell that
    /// is no date, are errors naming the file, the line, the column and the way on.
    static func readBirthDate(_ text: String, policy: UnknownBirthDatePolicy, file: String, line: Int, column: String)
        throws -> (date: CalendarDate, imputed: Bool)? {
        switch birthDate(text, policy: policy) {
        case .date(let d):
            return (d, CalendarDate(parsing: text) == nil)
        case .excluded:
            return nil
        case .partlyUnknown:
            throw KleroterionError(file: file, line: line, column: column, "the birth date '\(text.trimmingSpaces())' is partly unknown (the BRP writes 00 for an unknown month or day)",
                                   fix: "choose what to do with such dates: --unknown-birth-dates exclude (leave them out, counted) or impute (the middle of the unknown period)")
        case .invalid:
            throw KleroterionError(file: file, line: line, column: column, "'\(text.trimmingSpaces())' is not a date",
                                   fix: "write birth dates as YYYY-MM-DD, YYYYMMDD (JJJJMMDD) or DD-MM-YYYY")
        }
    }

    /// Reads a birth date in any form `init(parsing:)` accepts, and the BRP's partly unknown forms (`YYYY0000`,
    /// `YYYYMM00`, `00-00-YYYY`, `00-MM-YYYY`) by `policy`.
    public static func birthDate(_ text: String, policy: UnknownBirthDatePolicy) -> BirthDateReading {
        if let date = CalendarDate(parsing: text) { return .date(date) }
        let t = text.trimmingSpaces()
        var year = 0, month = 0, day = 0
        let parts = t.split(whereSeparator: { $0 == "-" || $0 == "/" || $0 == "." }).map(String.init)
        if parts.count == 1, t.count == 8, let n = Int(t), t.allSatisfy(\.isASCII) {
            (year, month, day) = (n / 10000, (n / 100) % 100, n % 100)
        } else if parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) && $0.allSatisfy(\.isASCII) }) {
            let n = parts.map { Int($0)! }
            if parts[0].count == 4 { (year, month, day) = (n[0], n[1], n[2]) } else if parts[2].count == 4 { (year, month, day) = (n[2], n[1], n[0]) } else { return .invalid }
        } else {
            return .invalid
        }
        // Only zeros for "unknown": a month 13 or a day 32 is a typing error, not an unknown date.
        guard (1...9999).contains(year), month == 0 || day == 0, (0...12).contains(month) else { return .invalid }
        if month > 0, day > CalendarDate.daysIn(month: month, year: year) { return .invalid }
        switch policy {
        case .refuse: return .partlyUnknown
        case .exclude: return .excluded
        case .impute:
            let date = month == 0 ? CalendarDate(year: year, month: 7, day: 1) : CalendarDate(year: year, month: month, day: 15)
            return date.map { .date($0) } ?? .invalid
        }
    }
}

/// Derives an `age_band` column (or another age feature of the quotas) from a birth date on a reference date, for a
/// pool that has birth dates but no age bands. The bands come from the quota values themselves when they read as
/// ranges (`16-24`, `25-34`, `75+`), in the quotas' own spelling.
public enum AgeBandColumn {
    /// The quota feature that is missing from the table and whose values all read as age bands, if any.
    public static func missingAgeFeature(quotas: QuotaSet, table: Table) -> (feature: String, bands: AgeBands)? {
        for feature in quotas.features where table.columnIndex(feature) == nil {
            let values = quotas.quotas(for: feature).map(\.value)
            guard let parsed = try? values.map({ try AgeBands.parse($0.trimmingSpaces()) }) else { continue }
            let ordered = zip(values, parsed).sorted { $0.1.lower < $1.1.lower }.map(\.0)
            if let bands = try? AgeBands(labels: ordered) { return (feature, bands) }
        }
        return nil
    }

    /// The result of adding the column.
    public struct Result: Sendable {
        public var table: Table
        /// Rows left out for a partly unknown birth date (policy `exclude`).
        public var excluded: Int
        /// Rows whose birth date was partly unknown and imputed (policy `impute`).
        public var imputed: Int
        /// One line for the console per thing done.
        public var notes: [String]
    }

    /// Adds column `feature` with each row's band at `reference`, read from `birthColumn`.
    public static func add(to table: Table, feature: String, bands: AgeBands, birthColumn: String, reference: CalendarDate,
                           policy: UnknownBirthDatePolicy, language: ReportLanguage = .en) throws -> Result {
        let c = try table.requireColumn(birthColumn, purpose: "the birth dates, to derive \(feature); choose another with --birth-date-column or --columns birth_date=…")
        var out = table
        out.header.append(feature)
        out.rows = []
        out.lineNumbers = []
        var excluded = 0, imputed = 0
        for (row, line) in zip(table.rows, table.lineNumbers) {
            guard let (born, wasImputed) = try CalendarDate.readBirthDate(row[c], policy: policy, file: table.source, line: line,
                                                                          column: table.header[c]) else {
                excluded += 1
                continue
            }
            if wasImputed { imputed += 1 }
            let age = born.age(on: reference)
            guard let label = bands.label(forAge: age) else {
                throw KleroterionError(file: table.source, line: line, column: table.header[c],
                                       "age \(age) on \(reference) is in none of the age bands of the quotas (\(bands.labels.joined(separator: ", ")))",
                                       fix: "check --reference-date, remove this person from the file, or add a band for this age to the quotas")
            }
            out.rows.append(row + [label])
            out.lineNumbers.append(line)
        }
        let w = TextTable<ReadingLine>(language)
        var notes = [w(.ageDerived, table.source, feature, table.header[c], "\(reference)", bands.labels.joined(separator: ", "))]
        if excluded > 0 { notes.append(w(.ageExcluded, table.source, w.format.count(excluded))) }
        if imputed > 0 { notes.append(w(.ageImputed, table.source, w.format.count(imputed))) }
        return Result(table: out, excluded: excluded, imputed: imputed, notes: notes)
    }
}
