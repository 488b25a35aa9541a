/// A pool, its quotas and the panel size, reduced to numbers that the selection algorithms work on.
///
/// Person `i` has value `category[i][f]` (an index into `features[f].values`) for feature `f`.
/// Two people with the same `household[i]` may not both sit on the panel.
///
/// A quota on a combination (`gender&age_band,vrouw&16-24,8,12`) is one more `Feature` whose values are the
/// combinations the quotas name, plus one unconstrained bucket for everybody else (`otherValue`). Each
/// person has exactly one value of it, so every algorithm, check and verifier that handles a feature handles a
/// combination with no code of its own, and the type compression (which groups people by all their values)
/// stays exact.
public struct SelectionProblem: Sendable {
    /// One feature with its values and their seat bounds: a pool column, or a combination of columns.
    public struct Feature: Sendable {
        public var name: String
        public var values: [String]
        public var min: [Int]
        public var max: [Int]
        /// The pool columns the feature reads: one for a plain feature, two or more for a combination.
        public var parts: [String]
        /// For a combination: the index of the bucket "any other combination" (bounds 0 and the panel size),
        /// which holds everyone whose combination has no quota row; `nil` when there is no such person.
        public var otherValue: Int?
        public init(name: String, values: [String], min: [Int], max: [Int], parts: [String]? = nil, otherValue: Int? = nil) {
            self.name = name; self.values = values; self.min = min; self.max = max
            self.parts = parts ?? [name]; self.otherValue = otherValue
        }
        /// True for a quota on a combination of features.
        public var isCombination: Bool { parts.count > 1 }
        /// True when value `v` is a row of the quotas file (false for the "any other combination" bucket).
        public func isQuotaRow(_ v: Int) -> Bool { v != otherValue }
    }

    /// How the bucket of people whose combination has no quota row is named.
    public static let otherCombination = "any other combination"

    public var panelSize: Int
    public var features: [Feature]
    /// `category[person][feature]`: the index of the person's value.
    public var category: [[Int]]
    /// Household number per person; people who share one may not both be selected.
    public var household: [Int]
    /// The respondents' ids, for output and messages.
    public var ids: [String]
    /// The pool columns the quotas read (each feature's and each combination's parts, once, in quota order),
    /// and per person their trimmed values; empty when the problem was built from numbers.
    public var columns: [String] = []
    public var columnValues: [[String]] = []

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
        // Per feature: the pool columns it reads and the key of each quota row (matchKeys joined by U+1F).
        var columns: [[Int]] = []
        var lookup: [[String: Int]] = []
        for name in quotas.features {
            let qs = quotas.quotas(for: name)
            if let c = table.columnIndex(name) {
                features.append(Feature(name: name, values: qs.map(\.value), min: qs.map(\.min), max: qs.map(\.max)))
                columns.append([c])
                lookup.append(Dictionary(uniqueKeysWithValues: qs.enumerated().map { (QuotaSet.matchKey($1.value), $0) }))
                continue
            }
            let parts = QuotaSet.combinationParts(name)
            guard parts.count > 1 else {
                throw KleroterionError(file: quotas.source, line: qs[0].line, column: "feature",
                                       "the feature '\(name)' is not a column of the pool file \(table.source) (its columns: \(table.header.joined(separator: ", ")))",
                                       fix: "rename the feature to match a pool column, or add the column to the pool")
            }
            let combination = try SelectionProblem.combination(name, parts: parts, quotas: qs, table: table, source: quotas.source)
            features.append(Feature(name: name, values: qs.map(\.value), min: qs.map(\.min), max: qs.map(\.max), parts: parts))
            columns.append(combination.columns)
            lookup.append(combination.lookup)
        }
        var category: [[Int]] = []
        category.reserveCapacity(pool.count)
        for (row, line) in zip(table.rows, table.lineNumbers) {
            var person: [Int] = []
            person.reserveCapacity(features.count)
            for (f, cs) in columns.enumerated() {
                for c in cs where row[c].trimmingSpaces().isEmpty {
                    let known = cs.count == 1 ? "one of: \(features[f].values.joined(separator: ", ")) (the values in \(quotas.source))"
                                              : "a value (the combination \(features[f].name) in \(quotas.source) reads this column)"
                    throw KleroterionError(file: table.source, line: line, column: table.header[c], "the \(table.header[c]) is empty",
                                           fix: "fill in \(known)")
                }
                let key = cs.map { QuotaSet.matchKey(row[$0]) }.joined(separator: "\u{1F}")
                if let v = lookup[f][key] { person.append(v); continue }
                guard cs.count == 1 else { person.append(-1); continue }   // a combination without a quota row
                let c = cs[0]
                throw KleroterionError(file: table.source, line: line, column: table.header[c],
                                       "the value '\(row[c])' has no quota row for \(features[f].name) in \(quotas.source) (known values: \(features[f].values.joined(separator: ", ")))",
                                       fix: "correct the value, or add a row '\(features[f].name),\(row[c].trimmingSpaces()),0,<max>' to the quotas")
            }
            category.append(person)
        }
        // Everybody whose combination has no quota row shares one unconstrained bucket.
        for f in features.indices where features[f].isCombination && category.contains(where: { $0[f] < 0 }) {
            let other = features[f].values.count
            features[f].values.append(SelectionProblem.otherCombination)
            features[f].min.append(0)
            features[f].max.append(panelSize)
            features[f].otherValue = other
            for i in category.indices where category[i][f] < 0 { category[i][f] = other }
        }
        let household = try SelectionProblem.households(table: table, columns: householdColumns)
        self.init(panelSize: panelSize, features: features, category: category, household: household, ids: pool.ids)
        var read: [Int] = []
        for c in columns.joined() where !read.contains(c) { read.append(c) }
        self.columns = read.map { table.header[$0] }
        self.columnValues = table.rows.map { row in read.map { row[$0].trimmingSpaces() } }
    }

    /// The pool columns of a combination and the key of each of its quota rows, checking that every row
    /// names one value per feature.
    static func combination(_ name: String, parts: [String], quotas qs: [Quota], table: Table, source: String) throws -> (columns: [Int], lookup: [String: Int]) {
        var columns: [Int] = []
        for part in parts {
            guard let c = table.columnIndex(part) else {
                throw KleroterionError(file: source, line: qs[0].line, column: "feature",
                                       "the combination '\(name)' names '\(part)', which is not a column of the pool file \(table.source) (its columns: \(table.header.joined(separator: ", ")))",
                                       fix: "join only pool columns with '&', e.g. gender&age_band")
            }
            guard !columns.contains(c) else {
                throw KleroterionError(file: source, line: qs[0].line, column: "feature", "the combination '\(name)' names '\(part)' twice",
                                       fix: "name each feature once, e.g. gender&age_band")
            }
            columns.append(c)
        }
        var lookup: [String: Int] = [:]
        for (v, q) in qs.enumerated() {
            let values = QuotaSet.combinationParts(q.value)
            guard values.count == parts.count, !values.contains(where: \.isEmpty) else {
                throw KleroterionError(file: source, line: q.line, column: "value",
                                       "the combination \(name) has \(parts.count) features but the value '\(q.value)' has \(values.count) part\(values.count == 1 ? "" : "s")",
                                       fix: "give one value per feature, joined by '&' in the same order, e.g. \(parts.map { "<\($0)>" }.joined(separator: "&"))")
            }
            let key = values.map(QuotaSet.matchKey).joined(separator: "\u{1F}")
            if let first = lookup[key] {
                throw KleroterionError(file: source, line: q.line, column: "value", "\(name) = \(q.value) appears twice (first on line \(qs[first].line ?? 0))",
                                       fix: "keep one row per combination")
            }
            lookup[key] = v
        }
        return (columns, lookup)
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

extension SelectionProblem {
    /// The columns a published members table needs to recompute every quota: each plain feature, then the
    /// parts of the combinations that are not plain features themselves.
    public var publishedColumns: [String] {
        var names = features.filter { !$0.isCombination }.map(\.name)
        for f in features where f.isCombination {
            for part in f.parts where !names.contains(where: { QuotaSet.matchKey($0) == QuotaSet.matchKey(part) }) { names.append(part) }
        }
        return names
    }

    /// Person `i`'s values in `publishedColumns`: a plain feature as the quotas spell it, a combination's part
    /// as the pool spells it.
    public func publishedValues(of i: Int) -> [String] {
        let plain = features.indices.filter { !features[$0].isCombination }
        var values = plain.map { features[$0].values[category[i][$0]] }
        for name in publishedColumns.dropFirst(plain.count) {
            let c = columns.firstIndex { QuotaSet.matchKey($0) == QuotaSet.matchKey(name) }
            values.append(c.map { columnValues[i][$0] } ?? "")
        }
        return values
    }
}
