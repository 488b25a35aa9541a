/// How far a panel's composition is from what it should be: the paper's two measures of misrepresentation
/// (Assos, Baharav, Flanigan & Procaccia, "Alternates, Assemble!", EC 2025).
///
/// - `seatsOffQuota`: the total shortfall below the minimums plus the excess above the maximums, in seats;
/// - `distance`: the total distance, in seats, between each value's seats and its target `share × k`
///   (the population share from the quotas file, or else the middle of the quota band).
///
/// Alternates are chosen to minimise `score`: seats off quota first, the distance to the shares as a tie-break
/// worth `distanceWeight` per seat, so that a seat off quota always weighs more than a seat of distance on one value.
public struct Misrepresentation: Sendable, Equatable {
    public var seatsOffQuota: Double
    public var distance: Double

    /// The weight of one seat of distance to the shares, against one seat off quota.
    public static let distanceWeight = 0.01

    public init(seatsOffQuota: Double = 0, distance: Double = 0) {
        self.seatsOffQuota = seatsOffQuota
        self.distance = distance
    }

    /// The single number that is minimised.
    public var score: Double { seatsOffQuota + Self.distanceWeight * distance }

    /// The measures of a panel with these seats per feature value (`counts[f][v]`).
    public static func of(counts: [[Int]], problem: SelectionProblem, targets: [[Double]]) -> Misrepresentation {
        var m = Misrepresentation()
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices {
                let n = counts[f][v]
                m.seatsOffQuota += Double(Swift.max(0, feature.min[v] - n) + Swift.max(0, n - feature.max[v]))
                m.distance += abs(Double(n) - targets[f][v])
            }
        }
        return m
    }

    /// Seats per feature value of a set of people.
    public static func counts(_ people: [Int], problem: SelectionProblem) -> [[Int]] {
        var counts = problem.features.map { [Int](repeating: 0, count: $0.values.count) }
        for i in people { for (f, v) in problem.category[i].enumerated() { counts[f][v] += 1 } }
        return counts
    }

    /// The target seats per feature value: `share × k` where the quotas give a population share, else the middle
    /// of the band.
    public static func targets(_ problem: SelectionProblem, shares: [[Double?]]) -> [[Double]] {
        problem.features.enumerated().map { f, feature in
            feature.values.indices.map { v in
                if let s = shares[safe: f]?[safe: v] ?? nil { return s * Double(problem.panelSize) }
                return Double(feature.min[v] + feature.max[v]) / 2
            }
        }
    }
}

extension Misrepresentation {
    static func + (a: Misrepresentation, b: Misrepresentation) -> Misrepresentation {
        Misrepresentation(seatsOffQuota: a.seatsOffQuota + b.seatsOffQuota, distance: a.distance + b.distance)
    }
    static func * (w: Double, a: Misrepresentation) -> Misrepresentation {
        Misrepresentation(seatsOffQuota: w * a.seatsOffQuota, distance: w * a.distance)
    }
}

/// A drop-out pattern: who of the panel dropped out, and its weight (its probability, or 1/runs when sampled).
public struct DropoutPattern: Sendable {
    public var weight: Double
    /// Person indices (into the problem) of the members who dropped out.
    public var dropouts: [Int]
}

extension DropoutPattern {
    /// Every drop-out pattern of the panel with its exact probability (members drop out independently).
    /// Only for small panels: 2^(members with a rate strictly between 0 and 1) patterns.
    public static func all(panel: [Int], rates: [Double]) -> [DropoutPattern] {
        var patterns = [DropoutPattern(weight: 1, dropouts: [])]
        for i in panel {
            let q = rates[i]
            if q <= 0 { continue }
            if q >= 1 { patterns = patterns.map { DropoutPattern(weight: $0.weight, dropouts: $0.dropouts + [i]) }; continue }
            patterns = patterns.flatMap { p in
                [DropoutPattern(weight: p.weight * (1 - q), dropouts: p.dropouts),
                 DropoutPattern(weight: p.weight * q, dropouts: p.dropouts + [i])]
            }
        }
        return patterns
    }

    /// `runs` patterns drawn from the model (each member drops out with their rate, independently), weight 1/runs.
    public static func sample(panel: [Int], rates: [Double], runs: Int, random: SeededRandom) -> [DropoutPattern] {
        (0..<runs).map { _ in
            DropoutPattern(weight: 1 / Double(runs), dropouts: panel.filter { random.uniform() < rates[$0] })
        }
    }
}

fileprivate extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}
