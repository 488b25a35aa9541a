import Foundation

/// Each respondent's chance of dropping out between the draw and the end of the assembly.
///
/// Read from `--dropout-rates FILE` in one of two shapes:
/// - `feature,value,dropout_rate`: a rate per feature value (e.g. `age,16-24,0.2`); an optional row `*,*,0.12`
///   sets the base rate (otherwise 10 %);
/// - `id,dropout_rate`: a rate per respondent; respondents not listed get the base rate (10 %).
///
/// **How per-feature rates combine** (documented in `docs/alternates.md`): each listed value multiplies the base
/// rate by its *relative risk* `rate / base`, values not listed count as 1, and the result is capped at 99 %:
/// `rate(i) = base × Π_f rate(f, v_i(f)) / base`. This is the log-linear (relative-risk) model without interaction
/// terms. It is chosen because (1) with one feature listed it gives back exactly the rates in the file, (2) the
/// estimates `dropout-rates` produces are marginal rates per value, and a product of relative risks is the usual
/// way to combine marginal risks when the joint cells are too small to estimate (a panel of 150 with 10 %
/// drop-out has about 15 drop-outs, far too few for cells), and (3) it lets two risk factors compound (a young,
/// low-educated member drops out more often than either group alone), which taking the maximum would hide.
public struct DropoutModel: Sendable, Equatable {
    /// The drop-out rate used for everybody a file does not describe.
    public static let defaultRate = 0.10
    /// Rates are capped here, so that nobody is certain to drop out (which would make alternates for them moot).
    public static let cap = 0.99

    /// Each person's drop-out probability, in pool order.
    public var rates: [Double]
    /// Where the rates came from, with the figures and file name (said per language by `DropoutSource.text(_:)`).
    public var source: DropoutSource
    /// Where the rates came from, in one English line (the manifest's `rates_source`).
    public var summary: String { source.text(.en) }

    public init(rates: [Double], source: DropoutSource) {
        self.rates = rates
        self.source = source
    }

    /// Rates whose source is a sentence, shown as written.
    public init(rates: [Double], summary: String) { self.init(rates: rates, source: .text(summary)) }

    /// The same rate for everybody (10 % unless given).
    public static func uniform(count: Int, rate: Double = defaultRate) -> DropoutModel {
        DropoutModel(rates: [Double](repeating: rate, count: count), source: .uniform(rate: rate))
    }

    /// Combines a base rate with per-feature rates, as documented on the type. `rates[f]` maps a match key
    /// (`QuotaSet.matchKey`) of a value of column `columns[f]` to its rate.
    public static func combined(table: Table, base: Double, columns: [Int], rates: [[String: Double]]) -> [Double] {
        table.rows.map { row in
            var r = base
            for (f, c) in columns.enumerated() {
                guard let rate = rates[f][QuotaSet.matchKey(row[c])] else { continue }
                r = base > 0 ? r * rate / base : Swift.max(r, rate)
            }
            return Swift.min(cap, Swift.max(0, r))
        }
    }

    /// Loads a rates file for the given pool.
    public static func load(path: String, pool: Pool) throws -> DropoutModel {
        let table = try CSVReader.read(path: path)
        guard let rateColumn = table.columnIndex("dropout_rate") else {
            throw KleroterionError(file: path, line: 1, "the drop-out rates file has no column 'dropout_rate' (its columns: \(table.header.joined(separator: ", ")))",
                                   fix: "use the columns feature,value,dropout_rate or id,dropout_rate")
        }
        func rate(_ row: [String], _ line: Int) throws -> Double {
            guard let r = PopulationShares.parseShare(row[rateColumn]) else {
                throw KleroterionError(file: path, line: line, column: "dropout_rate", "'\(row[rateColumn])' is not a drop-out rate between 0 and 1",
                                       fix: "write a fraction such as 0.12 or a percentage such as 12%")
            }
            return r
        }
        let idName = pool.table.header[pool.idColumn]
        if let f = table.columnIndex("feature"), let v = table.columnIndex("value") {
            var base = defaultRate
            var columns: [Int] = []
            var rates: [[String: Double]] = []
            var seen: [String: Int] = [:]
            for (row, line) in zip(table.rows, table.lineNumbers) {
                let feature = row[f].trimmingSpaces(), value = row[v].trimmingSpaces()
                let r = try rate(row, line)
                if feature == "*" { base = r; continue }
                guard let c = pool.table.columnIndex(feature) else {
                    throw KleroterionError(file: path, line: line, column: "feature",
                                           "the feature '\(feature)' is not a column of the pool file \(pool.table.source) (its columns: \(pool.table.header.joined(separator: ", ")))",
                                           fix: "rename the feature to match a pool column, or delete the row")
                }
                let key = QuotaSet.matchKey(feature) + "\u{1F}" + QuotaSet.matchKey(value)
                if let first = seen.updateValue(line, forKey: key) {
                    throw KleroterionError(file: path, line: line, "the rate for \(feature) = \(value) is also on line \(first)", fix: "keep one row per feature and value")
                }
                if let k = columns.firstIndex(of: c) { rates[k][QuotaSet.matchKey(value)] = r } else {
                    columns.append(c); rates.append([QuotaSet.matchKey(value): r])
                }
            }
            let combined = combined(table: pool.table, base: base, columns: columns, rates: rates)
            let names = columns.map { pool.table.header[$0] }
            return DropoutModel(rates: combined, source: .perFeature(base: base, features: names, file: (path as NSString).lastPathComponent))
        }
        guard let idc = table.columnIndex(idName) ?? table.columnIndex("id") else {
            throw KleroterionError(file: path, line: 1, "the drop-out rates file has neither feature,value columns nor an id column (its columns: \(table.header.joined(separator: ", ")))",
                                   fix: "use the columns feature,value,dropout_rate or \(idName),dropout_rate")
        }
        var index: [String: Int] = [:]
        for (i, id) in pool.ids.enumerated() { index[id] = i }
        var rates = [Double](repeating: defaultRate, count: pool.count)
        var seen = Set<String>()
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let id = row[idc].trimmingSpaces()
            guard let i = index[id] else {
                throw KleroterionError(file: path, line: line, column: table.header[idc], "the respondent '\(id)' is not in the pool \(pool.table.source)",
                                       fix: "list only ids from the pool file, or delete the row")
            }
            guard seen.insert(id).inserted else {
                throw KleroterionError(file: path, line: line, column: table.header[idc], "the respondent '\(id)' is listed twice", fix: "keep one row per respondent")
            }
            rates[i] = Swift.min(cap, try rate(row, line))
        }
        return DropoutModel(rates: rates, source: .perRespondent(file: (path as NSString).lastPathComponent, listed: seen.count, others: defaultRate))
    }

    static func percent(_ x: Double) -> String {
        let p = (x * 1000).rounded() / 10
        return p == p.rounded() ? "\(Int(p)) %" : "\(p) %"
    }
}
