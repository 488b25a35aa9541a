/// A pool, its quotas and the panel size, reduced to numbers that the selection algorithms work on.
///
/// Person `i` has value `category[i][f]` (an index into `features[f].values`) for feature `f`.
/// Two people with the same `household[i]` may not both sit on the panel.
public struct SelectionProblem: Sendable {
    /// One feature with its values and their seat bounds.
    public struct Feature: Sendable {
        public var name: String
        public var values: [String]
        public var min: [Int]
        public var max: [Int]
        public init(name: String, values: [String], min: [Int], max: [Int]) {
            self.name = name; self.values = values; self.min = min; self.max = max
        }
    }

    public var panelSize: Int
    public var features: [Feature]
    /// `category[person][feature]`: the index of the person's value.
    public var category: [[Int]]
    /// Household number per person; people who share one may not both be selected.
    public var household: [Int]
    /// The respondents' ids, for output and messages.
    public var ids: [String]

    public init(panelSize: Int, features: [Feature], category: [[Int]], household: [Int], ids: [String]) {
        self.panelSize = panelSize
        self.features = features
        self.category = category
        self.household = household
        self.ids = ids
    }

    /// Number of respondents.
    public var count: Int { ids.count }

    /// True when some household has two or more respondents.
    public var hasSharedHouseholds: Bool { Set(household).count < household.count }

    /// Builds the problem from a pool file and a quotas file.
    ///
    /// Every feature in the quotas must be a column of the pool, and every respondent's value must have a
    /// quota row (matched trimmed and case-insensitively).
    public init(pool: Pool, quotas: QuotaSet, panelSize: Int, householdColumns: [String] = []) throws {
        let table = pool.table
        guard panelSize > 0 else {
            throw KleroterionError("the panel size is \(panelSize)", fix: "give a panel size of at least 1 with --panel-size")
        }
        guard panelSize <= pool.count else {
            throw KleroterionError(file: table.source, "the panel size \(panelSize) is larger than the pool of \(pool.count) respondents",
                                   fix: "lower --panel-size, or invite more people")
        }
        guard !quotas.quotas.isEmpty else {
            throw KleroterionError(file: quotas.source, "the quotas file has no quotas", fix: "add rows feature,value,min,max")
        }
        var features: [Feature] = []
        var columns: [Int] = []
        var lookup: [[String: Int]] = []
        for name in quotas.features {
            guard let c = table.columnIndex(name) else {
                let q = quotas.quotas(for: name)[0]
                throw KleroterionError(file: quotas.source, line: q.line, column: "feature",
                                       "the feature '\(name)' is not a column of the pool file \(table.source) (its columns: \(table.header.joined(separator: ", ")))",
                                       fix: "rename the feature to match a pool column, or add the column to the pool")
            }
            let qs = quotas.quotas(for: name)
            features.append(Feature(name: name, values: qs.map(\.value), min: qs.map(\.min), max: qs.map(\.max)))
            columns.append(c)
            lookup.append(Dictionary(uniqueKeysWithValues: qs.enumerated().map { (QuotaSet.matchKey($1.value), $0) }))
        }
        var category: [[Int]] = []
        category.reserveCapacity(pool.count)
        for (row, line) in zip(table.rows, table.lineNumbers) {
            var person: [Int] = []
            person.reserveCapacity(features.count)
            for (f, c) in columns.enumerated() {
                if row[c].trimmingSpaces().isEmpty {
                    throw KleroterionError(file: table.source, line: line, column: table.header[c], "the \(features[f].name) is empty",
                                           fix: "fill in one of: \(features[f].values.joined(separator: ", ")) (the values in \(quotas.source))")
                }
                guard let v = lookup[f][QuotaSet.matchKey(row[c])] else {
                    throw KleroterionError(file: table.source, line: line, column: table.header[c],
                                           "the value '\(row[c])' has no quota row for \(features[f].name) in \(quotas.source) (known values: \(features[f].values.joined(separator: ", ")))",
                                           fix: "correct the value, or add a row '\(features[f].name),\(row[c].trimmingSpaces()),0,<max>' to the quotas")
                }
                person.append(v)
            }
            category.append(person)
        }
        let household = try SelectionProblem.households(table: table, columns: householdColumns)
        self.init(panelSize: panelSize, features: features, category: category, household: household, ids: pool.ids)
    }

    /// Household numbers from the address columns. A row whose address columns are all empty
    /// is its own household (we cannot tell who it lives with).
    static func households(table: Table, columns names: [String]) throws -> [Int] {
        let columns = try names.map { try table.requireColumn($0, purpose: "named by --household-columns") }
        guard !columns.isEmpty else { return Array(0..<table.rows.count) }
        var numbers: [String: Int] = [:]
        var result: [Int] = []
        result.reserveCapacity(table.rows.count)
        for (i, row) in table.rows.enumerated() {
            let parts = columns.map { QuotaSet.matchKey(row[$0]).split(whereSeparator: { $0 == " " }).joined(separator: " ") }
            if parts.allSatisfy(\.isEmpty) { result.append(table.rows.count + i); continue }
            let key = parts.joined(separator: "\u{1F}")
            if let n = numbers[key] { result.append(n) } else { numbers[key] = i; result.append(i) }
        }
        return result
    }
}
