/// How many letters each stratum gets.
///
/// Each stratum's weight is `eligible residents × oversampling factor ÷ expected response rate` (factor and
/// rate are 1 when not given). Its exact share of the letters is `count × weight ÷ total weight`; every
/// stratum gets the whole part of its share, and the letters left over go one each to the strata with the
/// largest fractional parts (largest-remainder or Hamilton rounding). So the letters add up exactly to `count`,
/// and no stratum is more than one letter away from its exact share.
public enum LetterAllocation {
    /// Largest-remainder rounding of `total` in proportion to `weights`.
    ///
    /// Ties between equal fractional parts go to the larger weight, then to the stratum that comes first
    /// (the lower index), so the result never depends on anything but the inputs.
    public static func largestRemainder(total: Int, weights: [Double]) -> [Int] {
        precondition(total >= 0 && weights.allSatisfy { $0 >= 0 && $0.isFinite })
        let sum = weights.reduce(0, +)
        guard sum > 0 else { return weights.map { _ in 0 } }
        let exact = weights.map { Double(total) * $0 / sum }
        var letters = exact.map { Int($0.rounded(.down)) }
        var left = total - letters.reduce(0, +)
        let order = weights.indices.sorted { a, b in
            let ra = exact[a] - exact[a].rounded(.down), rb = exact[b] - exact[b].rounded(.down)
            if ra != rb { return ra > rb }
            if weights[a] != weights[b] { return weights[a] > weights[b] }
            return a < b
        }
        // Floating-point sums can leave `left` one off the true count of remainders; cycling keeps the total exact.
        var k = 0
        while left > 0 {
            letters[order[k % order.count]] += 1
            left -= 1
            k += 1
        }
        return letters
    }

    /// Each stratum's weight, after checking the rates and factors against the strata found in the register.
    static func weights(census: RegisterCensus, settings: InvitationSettings) throws -> (weights: [Double], rates: [Double?], factors: [Double]) {
        let count = census.strata.count
        /// A stratum's key in a table: its values on the table's columns.
        func key(_ s: Int, _ table: StratumTable) -> String {
            StratumKey.normalise(table.columns.map { $0.map { census.strata[s][$0] } } ?? census.strata[s])
        }
        var rates = [Double?](repeating: nil, count: count)
        var factors = [Double](repeating: 1, count: count)
        for table in [settings.responseRates, settings.oversampling].compactMap({ $0 }) where table.strict {
            let known = Set(census.strata.indices.map { key($0, table) })
            for (k, entry) in table.values.sorted(by: { ($0.value.line ?? 0, $0.key) < ($1.value.line ?? 0, $1.key) }) where !known.contains(k) {
                let values = table.written[k] ?? k.split(separator: StratumKey.separator, omittingEmptySubsequences: false).map(String.init)
                let names = table.columns == nil ? census.strataColumns : table.columnNames
                throw KleroterionError(file: table.source, line: entry.line, column: table.valueColumn,
                                       "the stratum \(StratumKey.label(columns: names, values: values)) has a \(table.valueColumn) but nobody in the register who may get a letter is in it",
                                       fix: "check the spelling of the values against the register, or remove the line (after the age limits and exclusions the stratum is empty)")
            }
        }
        if let table = settings.responseRates {
            var missing: [String] = []
            for s in 0..<count {
                if let entry = table.values[key(s, table)] { rates[s] = entry.value } else if let fallback = table.fallback { rates[s] = fallback } else {
                    missing.append(StratumKey.label(columns: census.strataColumns, values: census.strata[s]))
                }
            }
            if !missing.isEmpty {
                let names = table.columns == nil ? census.strataColumns : table.columnNames
                throw KleroterionError(file: table.source, "there is no response rate for \(missing.count) stratum/strata: \(missing.prefix(5).joined(separator: "; "))\(missing.count > 5 ? "; …" : "")",
                                       fix: "add a line for every combination of \(names.joined(separator: ", ")) that occurs in the register")
            }
        }
        if let table = settings.oversampling {
            for s in 0..<count { if let entry = table.values[key(s, table)] { factors[s] = entry.value } }
        }
        let weights = (0..<count).map { s in Double(census.population[s]) * factors[s] / (rates[s] ?? 1) }
        return (weights, rates, factors)
    }
}
