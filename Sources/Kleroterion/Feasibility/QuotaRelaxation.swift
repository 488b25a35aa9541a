import Foundation

/// A suggested change to the quotas that makes a panel possible: the fewest seats of change to the min/max
/// bounds, preferring to move a bound towards its target (see `RelaxationSearch`).
public struct QuotaRelaxation: Sendable, Equatable {
    /// One quota before and after (Codable: a report's notes carry the changed rows).
    public struct Row: Codable, Sendable, Equatable {
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

    /// One line per change, e.g. "lower the minimum of age 16-24 from 14 to 9 (target 12.3 seats)": English, with
    /// the column names, as the console, the audit log and error messages show it.
    public var summary: [String] { summary(.en, labels: .raw) }

    /// One line per change in `language`, features and values named by `labels`.
    public func summary(_ language: ReportLanguage, labels: FeatureLabels) -> [String] {
        let w = TextTable<RelaxationKey>(language)
        return changes.map { r in
            let name = labels.quotaValue(r.value, of: r.feature, language)
            var parts: [String] = []
            if r.newMin < r.oldMin { parts.append(w(.lower, name, w.format.count(r.oldMin), w.format.count(r.newMin))) }
            if r.newMax > r.oldMax { parts.append(w(.raise, name, w.format.count(r.oldMax), w.format.count(r.newMax))) }
            return parts.joined(separator: w(.and)) + w(.target, w.format.decimal(r.target, digits: 1))
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

    /// A side-by-side comparison of the quotas before and after, in Markdown (`relaxation.md`), in `language`, with
    /// the reasons why the quotas cannot be met; features and values named by `labels` (the template's, via the
    /// quotas file).
    public func markdown(quotasFile: String, panelSize: Int, reasons: [InfeasibilityReason], language: ReportLanguage,
                         labels: FeatureLabels = .none) -> String {
        let named = labels.escapingMarkdown()
        return markdown(quotasFile: quotasFile, panelSize: panelSize, reasonTexts: reasons.map { $0.text(language, labels: named) },
                        language: language, labels: named)
    }

    /// The English text with the reasons as given (kept for callers that hold only the sentences).
    public func markdown(quotasFile: String, panelSize: Int, reasons: [String] = []) -> String {
        markdown(quotasFile: quotasFile, panelSize: panelSize, reasonTexts: reasons.map(PublishedText.escapeMarkdown), language: .en,
                 labels: FeatureLabels.raw.escapingMarkdown())
    }

    /// `reasonTexts` are inert Markdown already, and `labels` escape every name: the file name comes from the user
    /// too, and is escaped here (PublishedText).
    func markdown(quotasFile: String, panelSize: Int, reasonTexts: [String], language: ReportLanguage, labels: FeatureLabels) -> String {
        let e = PublishedText.escapeMarkdown
        let w = TextTable<RelaxationKey>(language)
        var out = "# \(w(.title, e(quotasFile)))\n\n"
        if !reasonTexts.isEmpty {
            out += w(.cannotMeet, w.format.count(panelSize)) + "\n\n"
            for r in reasonTexts { out += "- \(r)\n" }
            out += "\n"
        }
        out += w(.smallest, w.counted(seats, one: .seatOne, many: .seatMany)) + "\n\n"
        for line in summary(language, labels: labels) { out += "- \(line)\n" }
        out += "\n\(w(.sideBySide))\n\n"
        out += "| \(w(.colFeature)) | \(w(.colValue)) | \(w(.colMinBefore)) | \(w(.colMinAfter)) | \(w(.colMaxBefore)) | \(w(.colMaxAfter)) | \(w(.colTarget)) | |\n"
        out += "|---|---|---:|---:|---:|---:|---:|---|\n"
        for r in rows where r.isQuotaRow {
            let source = r.targetFromPopulation ? "" : " " + w(.fromPool)
            out += "| \(labels.feature(r.feature, language)) | \(labels.value(r.value, of: r.feature, language)) | \(r.oldMin) | \(r.newMin) | \(r.oldMax) | \(r.newMax) | \(w.format.decimal(r.target, digits: 1))\(source) | \(r.seats > 0 ? "◀" : "") |\n"
        }
        out += "\n\(w(.explanation))\n"
        return out
    }

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
