/// The min/max seats for one value of one feature, e.g. `age, 16-24, 10, 14`.
public struct Quota: Sendable, Equatable {
    /// The feature (category), e.g. `age`.
    public var feature: String
    /// The value (name), e.g. `16-24`.
    public var value: String
    /// The fewest seats this value must get.
    public var min: Int
    /// The most seats this value may get.
    public var max: Int
    /// The share of the population with this value (0…1), when known; used by the report.
    public var populationShare: Double?
    /// The line in the quotas file, for error messages.
    public var line: Int?
    /// Where the population share came from, as `quotas` writes it (`register:FILE`, `shares_file:FILE`,
    /// `template:NAME`); the report says it per feature.
    public var shareSource: String?
    /// The feature's name for readers per language (`nl`, `en`, `de`), from a template's `label:`, as `quotas`
    /// writes it in the column `feature_label` (`nl=Leeftijd|en=Age|de=Alter`).
    public var featureLabels: [String: String] = [:]
    /// The value's name for readers per language, from a template's `value_labels:`, as `quotas` writes it in the
    /// column `value_label` (`nl=hoog|en=high|de=hoch`); empty when the value reads as written.
    public var valueLabels: [String: String] = [:]

    public init(feature: String, value: String, min: Int, max: Int, populationShare: Double? = nil, line: Int? = nil) {
        self.feature = feature
        self.value = value
        self.min = min
        self.max = max
        self.populationShare = populationShare
        self.line = line
    }
}

extension Quota {
    /// `nl=Leeftijd|en=Age|de=Alter` → `[nl: Leeftijd, en: Age, de: Alter]`; anything else is ignored.
    public static func parseLabels(_ text: String) -> [String: String] {
        var labels: [String: String] = [:]
        for part in text.split(separator: "|") {
            let kv = part.split(separator: "=", maxSplits: 1).map { String($0).trimmingSpaces() }
            if kv.count == 2, !kv[0].isEmpty, !kv[1].isEmpty { labels[kv[0].lowercased()] = kv[1] }
        }
        return labels
    }

    /// The labels in the form `parseLabels` reads, languages sorted.
    public static func formatLabels(_ labels: [String: String]) -> String {
        labels.keys.sorted().map { "\($0)=\(labels[$0]!)" }.joined(separator: "|")
    }
}

/// The quotas of a draw, grouped by feature in file order.
///
/// Loads Kleroterion's `feature,value,min,max[,population_share]` files and the Sortition Foundation's
/// categories files (`feature,value,min,max` or the older `category,name,min,max`) unchanged.
/// Values are matched after trimming, case-insensitively.
///
/// A row may constrain a combination of features: the features joined by `&` and their values joined by `&`
/// in the same order, e.g. `gender&age_band,vrouw&16-24,8,12` (at least 8 and at most 12 young women).
/// A feature whose name is itself a pool column is never split, so older files with `&` in a name stay valid.
public struct QuotaSet: Sendable {
    /// The file the quotas came from.
    public var source: String
    /// Feature names in the order they first appear.
    public var features: [String]
    /// All quotas in file order.
    public var quotas: [Quota]

    public init(source: String, quotas: [Quota]) {
        self.source = source
        self.quotas = quotas
        var seen = Set<String>()
        self.features = quotas.compactMap { seen.insert($0.feature.lowercased()).inserted ? $0.feature : nil }
    }

    /// The quotas of one feature, in file order.
    public func quotas(for feature: String) -> [Quota] {
        quotas.filter { $0.feature.lowercased() == feature.lowercased() }
    }

    /// The largest number of seats a quota may name: far above any assembly, small enough that no sum of
    /// quotas can overflow (issue #12).
    public static let largestSeatCount = 1_000_000

    /// The parts of a combination's feature or value, `gender&age_band` → `[gender, age_band]` (trimmed);
    /// one part for a plain feature.
    public static func combinationParts(_ text: String) -> [String] {
        text.split(separator: "&", omittingEmptySubsequences: false).map { String($0).trimmingSpaces() }
    }

    /// The key values are matched by: trimmed and lower-cased.
    public static func matchKey(_ value: String) -> String { value.trimmingSpaces().lowercased() }

    /// Loads a quotas file.
    public static func load(path: String) throws -> QuotaSet {
        try QuotaSet(table: CSVReader.read(path: path))
    }

    /// Builds quotas from a parsed table, checking every row.
    public init(table: Table) throws {
        let src = table.source
        func column(_ names: [String]) -> Int? { names.lazy.compactMap { table.columnIndex($0) }.first }
        guard let f = column(["feature", "category"]), let v = column(["value", "name"]) else {
            throw KleroterionError(file: src, line: 1, "a quotas file needs the columns feature,value,min,max (or category,name,min,max)",
                                   fix: "rename the header to: feature,value,min,max")
        }
        guard let lo = column(["min"]), let hi = column(["max"]) else {
            throw KleroterionError(file: src, line: 1, column: table.columnIndex("min") == nil ? "min" : "max",
                                   "the quotas file has no '\(table.columnIndex("min") == nil ? "min" : "max")' column",
                                   fix: "add min and max columns with the fewest and most seats per value")
        }
        let share = column(["population_share"])
        let shareSource = column(["share_source"])
        let featureLabel = column(["feature_label"])
        let valueLabel = column(["value_label"])
        var quotas: [Quota] = []
        var seen: [String: Int] = [:]
        for (row, line) in zip(table.rows, table.lineNumbers) {
            let feature = row[f].trimmingSpaces(), value = row[v].trimmingSpaces()
            if feature.isEmpty { throw KleroterionError(file: src, line: line, column: table.header[f], "the feature is empty", fix: "fill in the feature name, e.g. 'gender'") }
            if value.isEmpty { throw KleroterionError(file: src, line: line, column: table.header[v], "the value is empty", fix: "fill in the value, e.g. 'female'") }
            func count(_ c: Int) throws -> Int {
                let text = row[c].trimmingSpaces()
                guard let n = Int(text) else {
                    throw KleroterionError(file: src, line: line, column: table.header[c], "'\(text)' is not a whole number", fix: "write a whole number of seats, e.g. 12")
                }
                guard n >= 0 else {
                    throw KleroterionError(file: src, line: line, column: table.header[c], "the number of seats \(n) is negative", fix: "use 0 or more seats")
                }
                guard n <= QuotaSet.largestSeatCount else {
                    throw KleroterionError(file: src, line: line, column: table.header[c], "the number of seats \(n) is larger than any panel",
                                           fix: "write a number of seats up to the panel size (at most \(QuotaSet.largestSeatCount))")
                }
                return n
            }
            let min = try count(lo), max = try count(hi)
            guard min <= max else {
                throw KleroterionError(file: src, line: line, column: table.header[lo], "min \(min) is larger than max \(max) for \(feature) = \(value)",
                                       fix: "make min at most max")
            }
            var populationShare: Double?
            if let share, !row[share].trimmingSpaces().isEmpty {
                let text = row[share].trimmingSpaces().replacingOccurrences(of: ",", with: ".")
                guard let s = Double(text), s >= 0, s <= 1 else {
                    throw KleroterionError(file: src, line: line, column: table.header[share], "'\(row[share])' is not a share between 0 and 1",
                                           fix: "write the population share as a fraction, e.g. 0.27 for 27%")
                }
                populationShare = s
            }
            let key = QuotaSet.matchKey(feature) + "\u{1F}" + QuotaSet.matchKey(value)
            if let first = seen[key] {
                throw KleroterionError(file: src, line: line, column: table.header[v], "\(feature) = \(value) appears twice (first on line \(first))",
                                       fix: "keep one row per feature and value")
            }
            seen[key] = line
            var quota = Quota(feature: feature, value: value, min: min, max: max, populationShare: populationShare, line: line)
            if let shareSource, !row[shareSource].trimmingSpaces().isEmpty { quota.shareSource = row[shareSource].trimmingSpaces() }
            if let featureLabel { quota.featureLabels = Quota.parseLabels(row[featureLabel]) }
            if let valueLabel { quota.valueLabels = Quota.parseLabels(row[valueLabel]) }
            quotas.append(quota)
        }
        self.init(source: src, quotas: quotas)
    }
}
