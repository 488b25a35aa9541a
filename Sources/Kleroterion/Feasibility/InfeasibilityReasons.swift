/// One reason why no panel can meet the quotas, in the organiser's words, with the quota bounds involved.
public struct InfeasibilityReason: Sendable, Equatable {
    /// E.g. "only 9 respondents have age 16-24, but the quotas ask for at least 14".
    public var text: String
    /// The bounds this reason is about (empty when no quota is to blame, e.g. too few addresses).
    public var bounds: [QuotaBound]

    public init(_ text: String, bounds: [QuotaBound]) {
        self.text = text
        self.bounds = bounds
    }
}

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
                reasons.append(.init("\(confirmed) members are confirmed and only \(totalHouseholds) more can be drawn (\(drawable) respondents at \(totalHouseholds) addresses, one per address), which cannot fill \(k) seats", bounds: []))
            } else {
                reasons.append(.init("the \(drawable) respondents live at only \(totalHouseholds) addresses and at most one person per address may sit, so \(k) seats cannot be filled", bounds: []))
            }
        }
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices {
                let label = problem.label(f, v)
                if held[f][v] > feature.max[v] {
                    reasons.append(.init("the confirmed members already include \(held[f][v]) with \(label), but the quotas allow at most \(feature.max[v])",
                                         bounds: [QuotaBound(feature: f, value: v, side: .max)]))
                }
                if reachable(f, v) < feature.min[v] {
                    reasons.append(.init(shortage(f, v), bounds: [QuotaBound(feature: f, value: v, side: .min)]))
                }
            }
            let minima = feature.min.saturatingSum, maxima = feature.max.saturatingSum
            if minima > k {
                reasons.append(.init("the minima of \(feature.name) add up to \(minima) > \(k) seats",
                                     bounds: feature.values.indices.filter { feature.min[$0] > 0 }.map { QuotaBound(feature: f, value: $0, side: .min) }))
            }
            if maxima < k {
                reasons.append(.init("the maxima of \(feature.name) add up to \(maxima) < \(k) seats",
                                     bounds: feature.values.indices.map { QuotaBound(feature: f, value: $0, side: .max) }))
            } else {
                // Each value can give at most min(max, what the pool holds); together that may fall short.
                let caps = feature.values.indices.map { Swift.min(feature.max[$0], reachable(f, $0)) }
                let capacity = caps.saturatingSum
                if capacity < k {
                    let parts = feature.values.indices.map { v in
                        caps[v] == feature.max[v] ? "\(feature.values[v]) at most \(caps[v]) (its maximum)" : "\(feature.values[v]) \(caps[v]) (all there are)"
                    }
                    reasons.append(.init("\(feature.name) can fill at most \(capacity) of \(k) seats: \(parts.joined(separator: ", "))",
                                         bounds: feature.values.indices.filter { feature.max[$0] <= reachable(f, $0) }.map { QuotaBound(feature: f, value: $0, side: .max) }))
                }
            }
        }
        return reasons
    }

    /// "only 9 respondents have age 16-24, but the quotas ask for at least 14", with households and confirmed
    /// members spelled out when they are what limits the count.
    func shortage(_ f: Int, _ v: Int) -> String {
        let problem = constraints.problem
        let label = problem.label(f, v), min = problem.features[f].min[v]
        let ask = "but the quotas ask for at least \(min)"
        let sitting = held[f][v] > 0 ? "the confirmed members include \(held[f][v]) with \(label) and " : ""
        let others = held[f][v] > 0 || !constraints.confirmed.isEmpty ? "other " : ""
        if people[f][v] == households[f][v] {
            let n = people[f][v]
            if n == 0 { return "\(sitting)no \(others)respondent has \(label), \(ask)" }
            return "\(sitting)only \(n) \(others)respondent\(n == 1 ? "" : "s") \(n == 1 ? "has" : "have") \(label), \(ask)"
        }
        return "\(sitting)\(people[f][v]) \(others)respondents have \(label), but they live at only \(households[f][v]) addresses and at most one person per address may sit, while the quotas ask for at least \(min)"
    }

    /// Explains a conflict between two bounds of different features with the people who have both values,
    /// when counting shows it; `nil` otherwise.
    ///
    /// min(a) with max(b): seats for `a` come from people with `a` but not `b`, or from the at most max(b)
    /// seats of `b`. max(a) with max(b): the seats not given to `a` or `b` must come from people with neither.
    public func explainPair(_ x: QuotaBound, _ y: QuotaBound) -> String? {
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
            let a = problem.label(x.feature, x.value), b = problem.label(y.feature, y.value)
            let other = homes { has($0, x) && !has($0, y) }
            let supply = other.homes + sitting { has($0, x) && !has($0, y) }
            guard [supply, bound(y)].saturatingSum < bound(x) else { return nil }
            return "the quotas ask for at least \(bound(x)) seats for \(a), but only \(supply) of the people with \(a) do not have \(b), and \(b) may have at most \(bound(y)) seats: \(supply) + \(bound(y)) = \([supply, bound(y)].saturatingSum) < \(bound(x))"
        case (.max, .max):
            let a = problem.label(x.feature, x.value), b = problem.label(y.feature, y.value)
            let neither = homes { !has($0, x) && !has($0, y) }
            let supply = neither.homes + sitting { !has($0, x) && !has($0, y) }
            let k = problem.panelSize
            guard [supply, bound(x), bound(y)].saturatingSum < k else { return nil }
            return "at most \(bound(x)) seats may go to \(a) and at most \(bound(y)) to \(b), and only \(supply) people have neither: \(bound(x)) + \(bound(y)) + \(supply) = \([bound(x), bound(y), supply].saturatingSum) < \(k) seats"
        case (.min, .min):
            // Seats for a plus seats for b count the people with both twice; the rest need their own seats.
            let a = problem.label(x.feature, x.value), b = problem.label(y.feature, y.value)
            let both = homes { has($0, x) && has($0, y) }.homes + sitting { has($0, x) && has($0, y) }
            let k = problem.panelSize
            guard [bound(x), bound(y)].saturatingSum - both > k else { return nil }
            return "the quotas ask for at least \(bound(x)) seats for \(a) and at least \(bound(y)) for \(b), but only \(both) people have both, so that needs at least \(bound(x)) + \(bound(y)) − \(both) = \([bound(x), bound(y)].saturatingSum - both) > \(k) seats"
        }
    }

    /// Explains a conflict among bounds of one feature by adding them up; `nil` for other conflicts.
    public func explainSameFeature(_ group: [QuotaBound]) -> String? {
        let problem = constraints.problem
        guard let f = group.first?.feature, group.allSatisfy({ $0.feature == f }) else { return nil }
        let feature = problem.features[f], k = problem.panelSize
        let values = group.map { feature.values[$0.value] }
        let list = values.count <= 1 ? values.joined() : values.dropLast().joined(separator: ", ") + " and " + values.last!
        if group.allSatisfy({ $0.side == .min }) {
            let sum = group.map { feature.min[$0.value] }.saturatingSum
            guard sum > k else { return nil }
            return "the minima of \(feature.name) \(list) alone add up to \(sum) > \(k) seats"
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
