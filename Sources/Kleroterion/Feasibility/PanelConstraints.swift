/// A selection problem together with who already sits and who may not: the question a feasibility check,
/// a relaxation or a replacement draw answers.
///
/// For an ordinary draw nobody is confirmed and everybody is eligible. For a replacement draw the confirmed
/// members must stay, and the dropouts and the earlier panel are no longer eligible. Housemates of a confirmed
/// member are never eligible (one person per household).
public struct PanelConstraints: Sendable {
    public var problem: SelectionProblem
    /// People who must be on the panel, as indices into the problem.
    public var confirmed: [Int]
    /// Whether each person may be drawn (confirmed members count as eligible).
    public var eligible: [Bool]

    public init(problem: SelectionProblem, confirmed: [Int] = [], eligible: [Bool]? = nil) {
        self.problem = problem
        self.confirmed = confirmed.sorted()
        self.eligible = eligible ?? [Bool](repeating: true, count: problem.count)
        for i in confirmed { self.eligible[i] = true }
    }

    /// The people who may still be drawn: eligible, not confirmed, and not living with a confirmed member.
    public var drawable: [Int] {
        let taken = Set(confirmed.map { problem.household[$0] })
        let sitting = Set(confirmed)
        return problem.category.indices.filter { eligible[$0] && !sitting.contains($0) && !taken.contains(problem.household[$0]) }
    }

    /// Seats still to fill.
    public var openSeats: Int { problem.panelSize - confirmed.count }

    /// `counts[f][v]`: how many confirmed members have value `v` of feature `f`.
    public var confirmedCounts: [[Int]] {
        var counts = problem.features.map { [Int](repeating: 0, count: $0.values.count) }
        for i in confirmed { for (f, v) in problem.category[i].enumerated() { counts[f][v] += 1 } }
        return counts
    }

    /// The same constraints with other quota bounds (same features and values).
    public func with(features: [SelectionProblem.Feature]) -> PanelConstraints {
        var copy = self
        copy.problem.features = features
        return copy
    }

    /// The draw that is left once the confirmed members sit: the drawable people, the open seats, and every
    /// bound shifted by what the confirmed members already hold. `people[j]` is the index in the full problem
    /// of person `j` of the reduced problem.
    ///
    /// Only meaningful when no confirmed count exceeds its maximum (check feasibility first).
    public func remainingDraw() -> (problem: SelectionProblem, people: [Int]) {
        let people = drawable
        let held = confirmedCounts
        let features = problem.features.enumerated().map { f, feature in
            SelectionProblem.Feature(name: feature.name, values: feature.values,
                                     min: feature.values.indices.map { Swift.max(0, feature.min[$0] - held[f][$0]) },
                                     max: feature.values.indices.map { Swift.max(0, feature.max[$0] - held[f][$0]) },
                                     parts: feature.parts, otherValue: feature.otherValue)
        }
        let reduced = SelectionProblem(panelSize: openSeats, features: features,
                                       category: people.map { problem.category[$0] },
                                       household: people.map { problem.household[$0] },
                                       ids: people.map { problem.ids[$0] })
        return (reduced, people)
    }
}
