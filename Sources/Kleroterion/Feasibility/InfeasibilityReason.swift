/// One reason why no panel can meet the quotas, with the quota bounds involved.
///
/// The reason is kept as its kind and figures, not as a sentence, so that it can be said in the organiser's
/// language (`relaxation.md`, `replacement.md`) with the template's names for features and values; `text` is the
/// English sentence with the column names, as the console and error messages show it.
public struct InfeasibilityReason: Sendable, Equatable {
    /// A value of a feature (or of a combination: `gender&age_band`, `vrouw&16-24`) as the quotas name it.
    public struct Value: Sendable, Equatable {
        public var feature: String
        public var value: String
        public init(feature: String, value: String) { self.feature = feature; self.value = value }
    }

    /// What one value of a feature can contribute to the seats: its maximum, or all the people there are.
    public struct Capacity: Sendable, Equatable {
        public var value: String
        public var seats: Int
        public var isMaximum: Bool
    }

    /// A quota bound with its number of seats, e.g. "age 16-24 at least 14".
    public struct Bound: Sendable, Equatable {
        public var value: Value
        public var side: QuotaBound.Side
        public var seats: Int
    }

    /// The counting argument (or conflict) behind the reason, with its figures.
    public enum Kind: Sendable, Equatable {
        /// Confirmed members plus one per remaining address cannot fill the seats.
        case tooFewAddressesAfterConfirmed(confirmed: Int, addresses: Int, respondents: Int, seats: Int)
        /// One per address cannot fill the seats.
        case tooFewAddresses(respondents: Int, addresses: Int, seats: Int)
        /// The confirmed members alone exceed a maximum.
        case confirmedAboveMaximum(Value, confirmed: Int, maximum: Int)
        /// Too few people (or addresses) with a value for its minimum; `others` when confirmed members count apart.
        case shortage(Value, confirmed: Int, others: Bool, people: Int, addresses: Int, minimum: Int)
        case minimaAboveSeats(feature: String, sum: Int, seats: Int)
        case maximaBelowSeats(feature: String, sum: Int, seats: Int)
        /// Each value's maximum or supply, added up, falls short of the seats.
        case capacityBelowSeats(feature: String, capacity: Int, seats: Int, parts: [Capacity])
        /// min(a) with max(b): the people with a but not b, plus b's maximum, fall short of a's minimum.
        case minimumWithMaximum(a: Value, b: Value, minimum: Int, maximum: Int, supply: Int)
        /// max(a) with max(b): both maxima plus the people with neither fall short of the seats.
        case maximumWithMaximum(a: Value, b: Value, maximumA: Int, maximumB: Int, neither: Int, seats: Int)
        /// min(a) with min(b): the two minima, less the people with both, exceed the seats.
        case minimumWithMinimum(a: Value, b: Value, minimumA: Int, minimumB: Int, both: Int, seats: Int)
        /// Some minima of one feature alone exceed the seats.
        case minimaOfValues(feature: String, values: [String], sum: Int, seats: Int)
        /// A conflict no counting argument explains.
        case combined([Bound])
        /// Infeasible with every quota removed.
        case poolCannotFill(seats: Int)
    }

    public var kind: Kind
    /// The bounds this reason is about (empty when no quota is to blame, e.g. too few addresses).
    public var bounds: [QuotaBound]

    public init(_ kind: Kind, bounds: [QuotaBound]) {
        self.kind = kind
        self.bounds = bounds
    }

    /// E.g. "only 9 respondents have age 16-24, but the quotas ask for at least 14": English, column names.
    public var text: String { text(.en, labels: .raw) }

    /// The reason in `language`, features and values named by `labels`.
    public func text(_ language: ReportLanguage, labels: FeatureLabels) -> String {
        let w = TextTable<ReasonKey>(language)
        let n = w.format.count
        func name(_ v: Value) -> String { labels.quotaValue(v.value, of: v.feature, language) }
        switch kind {
        case let .tooFewAddressesAfterConfirmed(confirmed, addresses, respondents, seats):
            return w(.addressesAfterConfirmed, n(confirmed), n(addresses), n(respondents), n(seats))
        case let .tooFewAddresses(respondents, addresses, seats):
            return w(.addresses, n(respondents), n(addresses), n(seats))
        case let .confirmedAboveMaximum(value, confirmed, maximum):
            return w(.confirmedAboveMaximum, n(confirmed), name(value), n(maximum))
        case let .shortage(value, confirmed, others, people, addresses, minimum):
            let sitting = confirmed > 0 ? w(.shortageSitting, n(confirmed), name(value)) : ""
            if people != addresses {
                return sitting + w(others ? .shortageAddressesOther : .shortageAddresses, n(people), name(value), n(addresses), n(minimum))
            }
            switch people {
            case 0: return sitting + w(others ? .shortageNoneOther : .shortageNone, name(value), n(minimum))
            case 1: return sitting + w(others ? .shortageOneOther : .shortageOne, name(value), n(minimum))
            default: return sitting + w(others ? .shortageManyOther : .shortageMany, n(people), name(value), n(minimum))
            }
        case let .minimaAboveSeats(feature, sum, seats):
            return w(.minimaAboveSeats, labels.feature(feature, language), n(sum), n(seats))
        case let .maximaBelowSeats(feature, sum, seats):
            return w(.maximaBelowSeats, labels.feature(feature, language), n(sum), n(seats))
        case let .capacityBelowSeats(feature, capacity, seats, parts):
            let list = parts.map { p in
                w(p.isMaximum ? .capacityMaximum : .capacityAll, labels.value(p.value, of: feature, language), n(p.seats))
            }
            return w(.capacityBelowSeats, labels.feature(feature, language), n(capacity), n(seats), list.joined(separator: ", "))
        case let .minimumWithMaximum(a, b, minimum, maximum, supply):
            return w(.minimumWithMaximum, n(minimum), name(a), n(supply), name(b), n(maximum), n([supply, maximum].saturatingSum))
        case let .maximumWithMaximum(a, b, maximumA, maximumB, neither, seats):
            return w(.maximumWithMaximum, n(maximumA), name(a), n(maximumB), name(b), n(neither),
                     n([maximumA, maximumB, neither].saturatingSum), n(seats))
        case let .minimumWithMinimum(a, b, minimumA, minimumB, both, seats):
            return w(.minimumWithMinimum, n(minimumA), name(a), n(minimumB), name(b), n(both),
                     n([minimumA, minimumB].saturatingSum - both), n(seats))
        case let .minimaOfValues(feature, values, sum, seats):
            let shown = values.map { labels.value($0, of: feature, language) }
            let list = shown.count <= 1 ? shown.joined() : shown.dropLast().joined(separator: ", ") + w(.and) + shown.last!
            return w(.minimaOfValues, labels.feature(feature, language), list, n(sum), n(seats))
        case let .combined(bounds):
            return w(.combined, bounds.map { Self.describe($0, language, labels: labels) }.joined(separator: "; "))
        case let .poolCannotFill(seats):
            return w(.poolCannotFill, n(seats))
        }
    }

    /// "age 16-24 at least 14" / "Leeftijd 16-24 minstens 14".
    public static func describe(_ bound: Bound, _ language: ReportLanguage, labels: FeatureLabels) -> String {
        let w = TextTable<ReasonKey>(language)
        return w(bound.side == .min ? .atLeast : .atMost, labels.quotaValue(bound.value.value, of: bound.value.feature, language),
                 w.format.count(bound.seats))
    }
}

extension SelectionProblem {
    /// The quota value of feature `f`, value `v`, as a reason names it.
    func reasonValue(_ f: Int, _ v: Int) -> InfeasibilityReason.Value {
        InfeasibilityReason.Value(feature: features[f].name, value: features[f].values[v])
    }

    /// A bound with its seats, as a reason names it.
    func reasonBound(_ b: QuotaBound) -> InfeasibilityReason.Bound {
        let f = features[b.feature]
        return InfeasibilityReason.Bound(value: reasonValue(b.feature, b.value), side: b.side, seats: b.side == .min ? f.min[b.value] : f.max[b.value])
    }
}
