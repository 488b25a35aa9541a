import Foundation

/// A suggested change to the quotas that makes a panel possible: the fewest seats of change to the min/max
/// bounds, preferring to move a bound towards its target (see `RelaxationSearch`).
public struct QuotaRelaxation: Sendable, Equatable {
    /// One quota before and after.
    public struct Row: Sendable, Equatable {
        public var feature: String
        public var value: String
        public var oldMin: Int, oldMax: Int
        public var newMin: Int, newMax: Int
        /// The seats this value "should" get: population share × panel size when the share is known,
        /// otherwise its share of the pool × panel size.
        public var target: Double
        /// True when `target` comes from a population share, false when from the pool.
        public var targetFromPopulation: Bool
        /// The population share, copied into the suggested quotas file.
        public var populationShare: Double?
        /// False for a combination's "any other combination" bucket, which is not a row of the quotas file.
        public var isQuotaRow: Bool = true

        /// Seats of change on this row.
        public var seats: Int { (oldMin - newMin) + (newMax - oldMax) }
    }

    /// Every quota, in the problem's order, changed or not.
    public var rows: [Row]

    /// Total seats of change: the number the relaxation minimises.
    public var seats: Int { rows.reduce(0) { $0 + $1.seats } }

    /// The rows that change.
    public var changes: [Row] { rows.filter { $0.seats > 0 } }

    /// The problem with the relaxed bounds.
    public func apply(to problem: SelectionProblem) -> SelectionProblem {
        var copy = problem
        var i = 0
        for f in copy.features.indices {
            for v in copy.features[f].values.indices {
                copy.features[f].min[v] = rows[i].newMin
                copy.features[f].max[v] = rows[i].newMax
                i += 1
            }
        }
        return copy
    }

    /// One line per change, e.g. "lower the minimum of age 16-24 from 14 to 9 (target 12.3 seats)".
    public var summary: [String] {
        changes.map { r in
            var parts: [String] = []
            if r.newMin < r.oldMin { parts.append("lower the minimum of \(r.feature) \(r.value) from \(r.oldMin) to \(r.newMin)") }
            if r.newMax > r.oldMax { parts.append("raise the maximum of \(r.feature) \(r.value) from \(r.oldMax) to \(r.newMax)") }
            return parts.joined(separator: " and ") + " (target \(Self.seatText(r.target)) seats)"
        }
    }

    /// The suggested quotas file: `feature,value,min,max[,population_share]`, in the original order.
    public func quotasCSV() -> String {
        let withShares = rows.contains { $0.populationShare != nil }
        var out = CSVWriter.line(withShares ? ["feature", "value", "min", "max", "population_share"] : ["feature", "value", "min", "max"])
        for r in rows where r.isQuotaRow {
            var fields = [r.feature, r.value, String(r.newMin), String(r.newMax)]
            if withShares { fields.append(r.populationShare.map { String(describing: $0) } ?? "") }
            out += CSVWriter.line(fields)
        }
        return out
    }

    /// A side-by-side comparison of the quotas before and after, in Markdown.
    public func markdown(quotasFile: String, panelSize: Int, reasons: [String] = []) -> String {
        // Feature names, values and the file name come from input files: inert Markdown only (PublishedText).
        let e = PublishedText.escapeMarkdown
        var out = "# Suggested relaxation of \(e(quotasFile))\n\n"
        if !reasons.isEmpty {
            out += "The quotas cannot all be met for a panel of \(panelSize):\n\n"
            for r in reasons { out += "- \(e(r))\n" }
            out += "\n"
        }
        out += "The smallest change that makes a panel possible moves the bounds by **\(seats) seat\(seats == 1 ? "" : "s")** in total:\n\n"
        for line in summary { out += "- \(e(line))\n" }
        out += "\nSide by side (changed rows marked ◀):\n\n"
        out += "| feature | value | min before | min after | max before | max after | target | |\n"
        out += "|---|---|---:|---:|---:|---:|---:|---|\n"
        for r in rows where r.isQuotaRow {
            let source = r.targetFromPopulation ? "" : " (pool)"
            out += "| \(e(r.feature)) | \(e(r.value)) | \(r.oldMin) | \(r.newMin) | \(r.oldMax) | \(r.newMax) | \(Self.seatText(r.target))\(source) | \(r.seats > 0 ? "◀" : "") |\n"
        }
        out += "\nTarget = population share × panel size where the quotas give a population share; otherwise (marked \"pool\") "
        out += "the value's share of the respondents × panel size. Among the changes of the same size, those that move a bound "
        out += "towards its target are preferred. The suggested file is `quotas-relaxed.csv`.\n"
        return out
    }

    static func seatText(_ x: Double) -> String { String(format: "%.1f", x) }
}

extension QuotaRelaxation {
    /// Each quota's target in seats (see `Row.target`), from the population shares where known.
    ///
    /// `shares[f][v]` is the population share of value `v` of feature `f`, or `nil`.
    public static func targets(_ problem: SelectionProblem, shares: [[Double?]]) -> [[(seats: Double, fromPopulation: Bool)]] {
        let k = Double(problem.panelSize), n = Double(max(problem.count, 1))
        var pool = problem.features.map { [Int](repeating: 0, count: $0.values.count) }
        for person in problem.category { for (f, v) in person.enumerated() { pool[f][v] += 1 } }
        return problem.features.indices.map { f in
            problem.features[f].values.indices.map { v in
                if let s = shares[safe: f]?[safe: v] ?? nil { return (s * k, true) }
                return (Double(pool[f][v]) / n * k, false)
            }
        }
    }

    /// The population shares of a quotas file, aligned with the problem's features and values.
    public static func shares(_ quotas: QuotaSet, for problem: SelectionProblem) -> [[Double?]] {
        var byKey: [String: Double] = [:]
        for q in quotas.quotas {
            if let s = q.populationShare { byKey[QuotaSet.matchKey(q.feature) + "\u{1F}" + QuotaSet.matchKey(q.value)] = s }
        }
        return problem.features.map { f in f.values.map { byKey[QuotaSet.matchKey(f.name) + "\u{1F}" + QuotaSet.matchKey($0)] } }
    }
}

fileprivate extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
