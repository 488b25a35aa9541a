/// Everything that decides an invitation lottery except the register itself and the seed.
///
/// The settings are written into the report, so that an auditor can repeat the draw.
public struct InvitationSettings: Sendable {
    /// How many letters to send.
    public var count: Int
    /// Register columns whose value combinations form the strata; may include the derived `age_band`.
    /// Empty means one stratum: everybody.
    public var strataColumns: [String] = []
    /// Columns that together form an address; when set, at most one letter goes to each address.
    public var addressColumns: [String] = []
    /// The column holding each resident's id (needed for exclusions and a previous round).
    public var idColumn: String = "id"
    /// The column holding the birth date (needed for age limits and `age_band`).
    public var birthDateColumn: String = "birth_date"
    /// What to do with partly unknown birth dates (`19700000`): refuse, exclude (no letter, counted) or impute.
    public var unknownBirthDates: UnknownBirthDatePolicy = .refuse
    /// Youngest age (completed years at `referenceDate`) that may get a letter.
    public var minAge: Int?
    /// Oldest age that may get a letter.
    public var maxAge: Int?
    /// The date at which ages are counted. Required when ages are used, so that the draw does not
    /// depend on the day it is run.
    public var referenceDate: CalendarDate?
    /// Ids that never get a letter (earlier participants, officials), and the file they came from.
    public var excludedIDs: Set<String> = []
    public var exclusionSource: String?
    /// Expected response rate per stratum, if letters are to be weighted.
    public var responseRates: StratumTable?
    /// Explicit oversampling factor per stratum (1 = none).
    public var oversampling: StratumTable?

    public init(count: Int) { self.count = count }

    /// True when the birth date must be read.
    var usesAge: Bool { minAge != nil || maxAge != nil || strataColumns.contains { $0.lowercased() == AgeBand.column } }
}

/// One number per stratum, read from a file whose columns are the strata columns plus one value column
/// (`response_rate`, or `factor` for oversampling).
public struct StratumTable: Sendable {
    /// Where the numbers came from: a file name, or a description such as "estimated from round 1".
    public var source: String
    /// Stratum key (normalised values, see `StratumKey.normalise`) → (value, line in the file, or nil when computed).
    public var values: [String: (value: Double, line: Int?)]
    /// The value column's name, for messages.
    public var valueColumn: String
    /// The value for strata the table does not list (nil: every stratum must be listed).
    public var fallback: Double?
    /// True when every listed stratum must exist in the register (a typed file); false for estimates,
    /// where a stratum of the previous round may have no one left.
    public var strict: Bool
    /// How each estimated value came about, per stratum key (for the report).
    public var notes: [String: String] = [:]
    /// The values as written in the file, per stratum key (for messages).
    public var written: [String: [String]] = [:]
    /// Which strata columns the file uses (indices into the strata columns, in the file's key order); nil means all.
    /// A file may use fewer columns than the strata: rates by age band apply to every district's age bands.
    public var columns: [Int]?
    /// The names of those columns, for messages.
    public var columnNames: [String] = []

    public init(source: String, valueColumn: String, values: [String: (value: Double, line: Int?)],
                fallback: Double? = nil, strict: Bool = true) {
        self.source = source
        self.valueColumn = valueColumn
        self.values = values
        self.fallback = fallback
        self.strict = strict
    }
}

/// A stratum is named by its values, one per strata column, in the order of the columns.
public enum StratumKey {
    static let separator: Character = "\u{1F}"

    /// The lookup key: trimmed, lower-cased values joined by the unit separator (values match case-insensitively).
    public static func normalise(_ values: [String]) -> String {
        values.map { $0.trimmingSpaces().lowercased() }.joined(separator: String(separator))
    }

    /// A readable label such as `district=Centrum, age_band=16-24`.
    public static func label(columns: [String], values: [String]) -> String {
        if columns.isEmpty { return "everyone" }
        return zip(columns, values).map { "\($0)=\($1.isEmpty ? "(empty)" : $1)" }.joined(separator: ", ")
    }
}
