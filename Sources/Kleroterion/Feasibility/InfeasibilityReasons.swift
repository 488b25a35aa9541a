/// Counting arguments that show at a glance why quotas cannot be met.
///
/// These are necessary conditions only (each one, when it fires, proves infeasibility); the exact answer
/// comes from the MIP. They exist because "the MIP says no" helps nobody, while "only 9 respondents are
/// 16–24, but the quotas ask for at least 14" tells the organiser what to change.
public struct SeatCounts: Sendable {
    let constraints: PanelConstraints
    /// Confirmed members per feature value.
    public let held: [[Int]]
    /// Drawable people per feature value.
    public let people: [[Int]]
    /// Distinct households among the drawable people per feature value: at most this many more seats.
    public let households: [[Int]]
    /// Distinct households among all drawable people.
    public let totalHouseholds: Int

    public init(_ constraints: PanelConstraints) {
        self.constraints = constraints
        let problem = constraints.problem
        held = constraints.confirmedCounts
        var people = problem.features.map { [Int](repeating: 0, count: $0.values.count) }
        var homes = problem.features.map { [Set<Int>](repeating: [], count: $0.values.count) }
        var all = Set<Int>()
        for i in constraints.drawable {
            all.insert(problem.household[i])
            for (f, v) in problem.category[i].enumerated() {
                people[f][v] += 1
                homes[f][v].insert(problem.household[i])
            }
        }
        self.people = people
        self.households = homes.map { $0.map(\.count) }
        self.totalHouseholds = all.count
    }

    /// The most seats value `v` of feature `f` can possibly get.
    public func reachable(_ f: Int, _ v: Int) -> Int { held[f][v] + households[f][v] }

    /// Every counting argument that fires, most basic first.
    public func reasons() -> [InfeasibilityReason] {
        let problem = constraints.problem
        let k = problem.panelSize
        let confirmed = constraints.confirmed.count
        var reasons: [InfeasibilityReason] = []
        let drawable = constraints.drawable.count
        if [confirmed, totalHouseholds].saturatingSum < k {
            if confirmed > 0 {
                reasons.append(.init(.tooFewAddressesAfterConfirmed(confirmed: confirmed, addresses: totalHouseholds, respondents: drawable, seats: k), bounds: []))
            } else {
                reasons.append(.init(.tooFewAddresses(respondents: drawable, addresses: totalHouseholds, seats: k), bounds: []))
            }
        }
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices {
                if held[f][v] > feature.max[v] {
                    reasons.append(.init(.confirmedAboveMaximum(problem.reasonValue(f, v), confirmed: held[f][v], maximum: feature.max[v]),
                                         bounds: [QuotaBound(feature: f, value: v, side: .max)]))
                }
                if reachable(f, v) < feature.min[v] {
                    reasons.append(.init(shortage(f, v), bounds: [QuotaBound(feature: f, value: v, side: .min)]))
                }
            }
            let minima = feature.min.saturatingSum, maxima = feature.max.saturatingSum
            if minima > k {
                reasons.append(.init(.minimaAboveSeats(feature: feature.name, sum: minima, seats: k),
                                     bounds: feature.values.indices.filter { feature.min[$0] > 0 }.map { QuotaBound(feature: f, value: $0, side: .min) }))
            }
            if maxima < k {
                reasons.append(.init(.maximaBelowSeats(feature: feature.name, sum: maxima, seats: k),
                                     bounds: feature.values.indices.map { QuotaBound(feature: f, value: $0, side: .max) }))
            } else {
                // Each value can give at most min(max, what the pool holds); together that may fall short.
                let caps = feature.values.indices.map { Swift.min(feature.max[$0], reachable(f, $0)) }
                let capacity = caps.saturatingSum
                if capacity < k {
                    let parts = feature.values.indices.map { v in
                        InfeasibilityReason.Capacity(value: feature.values[v], seats: caps[v], isMaximum: caps[v] == feature.max[v])
                    }
                    reasons.append(.init(.capacityBelowSeats(feature: feature.name, capacity: capacity, seats: k, parts: parts),
                                         bounds: feature.values.indices.filter { feature.max[$0] <= reachable(f, $0) }.map { QuotaBound(feature: f, value: $0, side: .max) }))
                }
            }
        }
        return reasons
    }

    /// "only 9 respondents have age 16-24, but the quotas ask for at least 14", with households and confirmed
    /// members spelled out when they are what limits the count.
    func shortage(_ f: Int, _ v: Int) -> InfeasibilityReason.Kind {
        let problem = constraints.problem
        return .shortage(problem.reasonValue(f, v), confirmed: held[f][v], others: held[f][v] > 0 || !constraints.confirmed.isEmpty,
                         people: people[f][v], addresses: households[f][v], minimum: problem.features[f].min[v])
    }

    /// Explains a conflict between two bounds of different features with the people who have both values,
    /// when counting shows it; `nil` otherwise.
    ///
    /// min(a) with max(b): seats for `a` come from people with `a` but not `b`, or from the at most max(b)
    /// seats of `b`. max(a) with max(b): the seats not given to `a` or `b` must come from people with neither.
    public func explainPair(_ x: QuotaBound, _ y: QuotaBound) -> InfeasibilityReason.Kind? {
        let problem = constraints.problem
        guard x.feature != y.feature else { return nil }
        func has(_ i: Int, _ b: QuotaBound) -> Bool { problem.category[i][b.feature] == b.value }
        func homes(_ keep: (Int) -> Bool) -> (people: Int, homes: Int) {
            let chosen = constraints.drawable.filter(keep)
            return (chosen.count, Set(chosen.map { problem.household[$0] }).count)
        }
        func sitting(_ keep: (Int) -> Bool) -> Int { constraints.confirmed.filter(keep).count }
        func bound(_ b: QuotaBound) -> Int { b.side == .min ? problem.features[b.feature].min[b.value] : problem.features[b.feature].max[b.value] }
        switch (x.side, y.side) {
        case (.max, .min): return explainPair(y, x)
        case (.min, .max):
            let a = problem.reasonValue(x.feature, x.value), b = problem.reasonValue(y.feature, y.value)
            let other = homes { has($0, x) && !has($0, y) }
            let supply = other.homes + sitting { has($0, x) && !has($0, y) }
            guard [supply, bound(y)].saturatingSum < bound(x) else { return nil }
            return .minimumWithMaximum(a: a, b: b, minimum: bound(x), maximum: bound(y), supply: supply)
        case (.max, .max):
            let a = problem.reasonValue(x.feature, x.value), b = problem.reasonValue(y.feature, y.value)
            let neither = homes { !has($0, x) && !has($0, y) }
            let supply = neither.homes + sitting { !has($0, x) && !has($0, y) }
            let k = problem.panelSize
            guard [supply, bound(x), bound(y)].saturatingSum < k else { return nil }
            return .maximumWithMaximum(a: a, b: b, maximumA: bound(x), maximumB: bound(y), neither: supply, seats: k)
        case (.min, .min):
            // Seats for a plus seats for b count the people with both twice; the rest need their own seats.
            let a = problem.reasonValue(x.feature, x.value), b = problem.reasonValue(y.feature, y.value)
            let both = homes { has($0, x) && has($0, y) }.homes + sitting { has($0, x) && has($0, y) }
            let k = problem.panelSize
            guard [bound(x), bound(y)].saturatingSum - both > k else { return nil }
            return .minimumWithMinimum(a: a, b: b, minimumA: bound(x), minimumB: bound(y), both: both, seats: k)
        }
    }

    /// Explains a conflict among bounds of one feature by adding them up; `nil` for other conflicts.
    public func explainSameFeature(_ group: [QuotaBound]) -> InfeasibilityReason.Kind? {
        let problem = constraints.problem
        guard let f = group.first?.feature, group.allSatisfy({ $0.feature == f }) else { return nil }
        let feature = problem.features[f], k = problem.panelSize
        if group.allSatisfy({ $0.side == .min }) {
            let sum = group.map { feature.min[$0.value] }.saturatingSum
            guard sum > k else { return nil }
            return .minimaOfValues(feature: feature.name, values: group.map { feature.values[$0.value] }, sum: sum, seats: k)
        }
        return nil
    }
}

extension Array where Element == Int {
    /// The sum, stopping at `Int.max` instead of trapping: quotas are user numbers and may be absurdly large
    /// (issue #12); any such sum is far above every panel size, which is all the reasons compare it with.
    var saturatingSum: Int {
        var total = 0
        for x in self {
            let (s, overflow) = total.addingReportingOverflow(x)
            if overflow { return x > 0 ? Int.max : Int.min }
            total = s
        }
        return total
    }
}
