/// A census of a population register, as an organiser checks it before the invitation lottery: how many residents,
/// how many may be invited by age, at how many addresses, and how many per district.
///
/// It is the invitation lottery's own first pass (`RegisterCensus`), so the numbers are exactly those the lottery
/// will use: the register is streamed, never held whole in memory.
public struct RegisterSummary: Sendable, Equatable, Codable {
    /// Residents (data rows) in the register.
    public var residents: Int
    /// Residents who may get a letter (within the age limits, not excluded).
    public var eligible: Int
    /// Below the minimum age / above the maximum age on the reference date.
    public var tooYoung: Int
    public var tooOld: Int
    /// Left out for a partly unknown birth date (policy `exclude`).
    public var unknownBirthDates: Int
    /// Distinct addresses with at least one eligible resident (nil when no address columns are given).
    public var addresses: Int?
    /// Eligible residents per value of the breakdown column (e.g. the district), in the register's order of values.
    public var breakdown: [Group]
    /// The breakdown column as named in the register, if any.
    public var breakdownColumn: String?

    /// One value of the breakdown column and its eligible residents.
    public struct Group: Sendable, Equatable, Codable {
        public var value: String
        public var residents: Int
    }

    /// Reads the register at `path` once.
    /// - Parameters:
    ///   - settings: age limits, reference date, address columns, birth-date column and unknown-date policy, in the
    ///     register's own column names (as for the invitation lottery). `count` and the strata are ignored.
    ///   - breakdownColumn: a register column to count per value (e.g. `wijk`), or nil.
    public static func read(register path: String, settings: InvitationSettings, breakdownColumn: String?) throws -> RegisterSummary {
        var census = settings
        census.strataColumns = breakdownColumn.map { [$0] } ?? []
        census.responseRates = nil
        census.oversampling = nil
        let result = try RegisterCensus(register: RegisterRows(path: path), settings: census)
        let groups = zip(result.strata, result.population).map { Group(value: $0.first ?? "", residents: $1) }
        return RegisterSummary(residents: result.rows, eligible: result.eligible, tooYoung: result.tooYoung,
                               tooOld: result.tooOld, unknownBirthDates: result.unknownBirthDates,
                               addresses: settings.addressColumns.isEmpty ? nil : result.addressCount,
                               breakdown: breakdownColumn == nil ? [] : groups, breakdownColumn: breakdownColumn)
    }
}
