/// How to read a municipality's own register or pool file: its column names (BRP headers, Dutch spellings) and what
/// to do with partly unknown birth dates. The CLI builds it from `--columns` and `--unknown-birth-dates`; the web
/// app from its column-mapping screen.
public struct RegisterColumns: Sendable, Equatable {
    /// The file's column names (`--columns`); common BRP headers are recognised without it.
    public var mapping: ColumnMapping
    /// `refuse`, `exclude` or `impute`, as typed: checked only when a birth date is read, so that a command that
    /// reads none is not refused for it.
    public var unknownBirthDates: String
    /// The language of the remarks on how the file was read (a workflow sets its request's; English otherwise).
    public var language: ReportLanguage = .en

    public init(mapping: ColumnMapping = ColumnMapping(), unknownBirthDates: String = "refuse") {
        self.mapping = mapping
        self.unknownBirthDates = unknownBirthDates
    }

    /// The same reading, with its remarks in `language`.
    public func remarking(in language: ReportLanguage) -> RegisterColumns {
        var copy = self
        copy.language = language
        return copy
    }

    /// The mapping, followed by a template's `columns:` block.
    public func mapping(template: StrataTemplate?) -> ColumnMapping {
        mapping.adding(template?.columnPairs ?? [])
    }

    /// The policy for partly unknown birth dates such as 19700000.
    public func policy() throws -> UnknownBirthDatePolicy {
        guard let p = UnknownBirthDatePolicy(rawValue: unknownBirthDates.trimmingSpaces().lowercased()) else {
            throw KleroterionError("--unknown-birth-dates '\(unknownBirthDates)' is not one of refuse, exclude, impute",
                                   fix: "write --unknown-birth-dates exclude (or impute, or refuse)")
        }
        return p
    }

    /// Reads a CSV file and applies the mapping; what was renamed is added to `notes`.
    public func read(_ path: String, template: StrataTemplate? = nil, notes: inout [String]) throws -> Table {
        try apply(to: CSVReader.read(path: path), template: template, notes: &notes)
    }

    /// A register file read row by row with the mapping applied, for counting it without holding it in memory.
    public func rows(_ path: String, template: StrataTemplate? = nil, notes: inout [String]) throws -> RegisterRowSource {
        try RegisterRowSource.stream(path: path, mapping: mapping(template: template), notes: &notes)
    }

    /// Applies the mapping to a table read already; what was renamed is added to `notes`.
    public func apply(to table: Table, template: StrataTemplate? = nil, notes: inout [String]) throws -> Table {
        let (mapped, renames, more) = try mapping(template: template).apply(to: table, language: language)
        if !renames.isEmpty {
            notes.append("\(table.source): " + renames.map { "\($0.header) → \($0.canonical)" }.joined(separator: ", "))
        }
        notes += more
        return mapped
    }
}

/// How to read a pool of respondents (`select`, `check`, `commit`): its columns, and age bands derived from a birth
/// date when the quotas have them and the file has not.
public struct PoolColumns: Sendable, Equatable {
    /// The column names and the birth-date policy.
    public var register: RegisterColumns
    /// The date on which ages are counted (YYYY-MM-DD, as typed), for derived age bands.
    public var referenceDate: String?
    /// The respondents' birth date column (after the mapping).
    public var birthDateColumn: String

    public init(register: RegisterColumns = RegisterColumns(), referenceDate: String? = nil, birthDateColumn: String = "birth_date") {
        self.register = register
        self.referenceDate = referenceDate
        self.birthDateColumn = birthDateColumn
    }

    /// The same reading, with its remarks in `language`.
    public func remarking(in language: ReportLanguage) -> PoolColumns {
        var copy = self
        copy.register.language = language
        return copy
    }

    /// The pool table: columns mapped, and the quotas' age feature (e.g. age_band) derived when it is missing.
    public func table(_ table: Table, quotas: QuotaSet, notes: inout [String]) throws -> Table {
        let mapped = try register.apply(to: table, notes: &notes)
        guard let (feature, bands) = AgeBandColumn.missingAgeFeature(quotas: quotas, table: mapped),
              mapped.columnIndex(birthDateColumn) != nil else { return mapped }
        guard let text = referenceDate else {
            throw KleroterionError(file: table.source, line: 1, column: feature,
                                   "the quotas have age bands (\(feature): \(bands.labels.joined(separator: ", "))) but the respondents have no column '\(feature)', only birth dates",
                                   fix: "add --reference-date YYYY-MM-DD (the date ages are counted, e.g. the date of the letters) to derive \(feature)")
        }
        guard let reference = CalendarDate(parsing: text) else {
            throw KleroterionError("--reference-date '\(text)' is not a date", fix: "write the date as YYYY-MM-DD, e.g. 2026-01-01")
        }
        let result = try AgeBandColumn.add(to: mapped, feature: feature, bands: bands, birthColumn: birthDateColumn,
                                           reference: reference, policy: register.policy(), language: register.language)
        notes += result.notes
        return result.table
    }

    /// Loads the pool file for these quotas.
    public func loadPool(_ path: String, idColumn: String, quotas: QuotaSet, notes: inout [String]) throws -> Pool {
        try Pool(table: table(CSVReader.read(path: path), quotas: quotas, notes: &notes), idColumn: idColumn)
    }
}

extension PoolColumns {
    /// Read as a manifest records it.
    public init(_ reading: Manifest.PoolReading) throws {
        self.init(register: RegisterColumns(mapping: try ColumnMapping(spec: reading.columns.isEmpty ? nil : reading.columns),
                                            unknownBirthDates: reading.unknownBirthDates),
                  referenceDate: reading.referenceDate, birthDateColumn: reading.birthDateColumn)
    }

    /// What a manifest records of this reading, not knowing the file's header; nil when the pool is read as it is
    /// (older manifests stay the same). A commitment records `reading(header:)`, which also names the BRP headers.
    public var reading: Manifest.PoolReading? { reading(recognised: []) }

    /// What a manifest records of this reading of a file with `header`: the given pairs, then the BRP headers that
    /// were recognised in it (`gender=geslacht`), so that the draw renames exactly the columns the commitment did,
    /// also when no option named them; nil when the pool is read as it is.
    public func reading(header: [String]) throws -> Manifest.PoolReading? {
        let recognised = try register.mapping.renames(for: header).filter { $0.origin == ColumnMapping.brpOrigin }
        return reading(recognised: recognised.map { ($0.canonical, $0.header) })
    }

    private func reading(recognised: [(canonical: String, header: String)]) -> Manifest.PoolReading? {
        let pairs = register.mapping.pairs.map { ($0.canonical, $0.header) } + recognised
        let spec = pairs.map { "\($0.0)=\($0.1)" }.joined(separator: ",")
        if spec.isEmpty && referenceDate == nil && birthDateColumn == "birth_date" && register.unknownBirthDates == "refuse" { return nil }
        return Manifest.PoolReading(columns: spec, referenceDate: referenceDate, birthDateColumn: birthDateColumn,
                                    unknownBirthDates: register.unknownBirthDates)
    }
}
