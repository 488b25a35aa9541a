/// One side of one quota: the minimum or the maximum of one feature value, e.g. "age 16-24 at least 14".
///
/// Conflicts and relaxations are stated in terms of these, because an organiser edits one number at a time.
public struct QuotaBound: Hashable, Sendable, Comparable {
    public enum Side: Int, Sendable { case min = 0, max = 1 }
    /// Index into `SelectionProblem.features`.
    public var feature: Int
    /// Index into that feature's values.
    public var value: Int
    public var side: Side

    public init(feature: Int, value: Int, side: Side) {
        self.feature = feature
        self.value = value
        self.side = side
    }

    public static func < (a: QuotaBound, b: QuotaBound) -> Bool {
        (a.feature, a.value, a.side.rawValue) < (b.feature, b.value, b.side.rawValue)
    }
}

extension SelectionProblem {
    /// "age 16-24": how the organiser names one feature value; a combination reads
    /// "(gender vrouw & age_band 16-24)".
    public func label(_ feature: Int, _ value: Int) -> String {
        let f = features[feature]
        guard f.isCombination else { return "\(f.name) \(f.values[value])" }
        guard f.isQuotaRow(value) else { return "(\(f.parts.joined(separator: " & ")): \(f.values[value]))" }
        let values = QuotaSet.combinationParts(f.values[value])
        return "(" + zip(f.parts, values).map { "\($0) \($1)" }.joined(separator: " & ") + ")"
    }

    /// "age 16-24 at least 14" / "education high at most 40".
    public func describe(_ bound: QuotaBound) -> String {
        let f = features[bound.feature]
        switch bound.side {
        case .min: return "\(label(bound.feature, bound.value)) at least \(f.min[bound.value])"
        case .max: return "\(label(bound.feature, bound.value)) at most \(f.max[bound.value])"
        }
    }

    /// Every bound that actually restricts a panel: minima above 0 and maxima below the panel size.
    /// The others can be dropped without changing anything, so conflict searches skip them.
    public var activeBounds: [QuotaBound] {
        var bounds: [QuotaBound] = []
        for (f, feature) in features.enumerated() {
            for v in feature.values.indices {
                if feature.min[v] > 0 { bounds.append(QuotaBound(feature: f, value: v, side: .min)) }
                if feature.max[v] < panelSize { bounds.append(QuotaBound(feature: f, value: v, side: .max)) }
            }
        }
        return bounds
    }

    /// The same problem with only the given bounds in force: every other minimum becomes 0 and every other
    /// maximum the panel size.
    public func keeping(only bounds: Set<QuotaBound>) -> SelectionProblem {
        var copy = self
        for f in copy.features.indices {
            for v in copy.features[f].values.indices {
                if !bounds.contains(QuotaBound(feature: f, value: v, side: .min)) { copy.features[f].min[v] = 0 }
                if !bounds.contains(QuotaBound(feature: f, value: v, side: .max)) { copy.features[f].max[v] = max(copy.features[f].max[v], panelSize) }
            }
        }
        return copy
    }
}
