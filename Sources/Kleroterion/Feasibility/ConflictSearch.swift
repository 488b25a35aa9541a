/// Finds a smallest set of quota bounds that cannot all be met together.
///
/// A deletion filter: start from every active bound (the problem is infeasible with all of them) and try to
/// drop each bound in turn; keep it out if the rest is still infeasible. What remains is *irreducible*: drop
/// any one of its bounds and the others can be met. The oracle is the exact MIP, so this needs one solve per
/// active bound — a few dozen on real quotas.
///
/// Bounds named by a counting reason are tried last, so the set found is the one the reasons explain.
public enum ConflictSearch {
    /// The irreducible conflicting set, sorted; empty when the problem is infeasible even without quotas
    /// (e.g. too few addresses), and `nil` when it is feasible with every bound.
    public static func irreducibleConflict(_ constraints: PanelConstraints, preferring preferred: [QuotaBound] = [],
                                           isFeasible: (PanelConstraints) throws -> Bool) throws -> [QuotaBound]? {
        try irreducibleConflict(constraints, among: constraints.problem.activeBounds, preferring: preferred, isFeasible: isFeasible)
    }

    /// Several conflicts that do not share a bound: after each one is found, its bounds are set aside and the
    /// search repeats while the rest is still infeasible (at most `limit` conflicts). Smallest first.
    /// Empty when feasible; `[[]]` when infeasible even without quotas.
    public static func disjointConflicts(_ constraints: PanelConstraints, preferring preferred: [QuotaBound] = [], limit: Int = 5,
                                         isFeasible: (PanelConstraints) throws -> Bool) throws -> [[QuotaBound]] {
        var rest = constraints.problem.activeBounds
        var found: [[QuotaBound]] = []
        while found.count < limit, let conflict = try irreducibleConflict(constraints, among: rest, preferring: preferred, isFeasible: isFeasible) {
            found.append(conflict)
            if conflict.isEmpty { break }
            rest.removeAll { conflict.contains($0) }
        }
        return found.enumerated().sorted { ($0.element.count, $0.offset) < ($1.element.count, $1.offset) }.map(\.element)
    }

    /// The deletion filter over the bounds `among` (all other bounds dropped).
    static func irreducibleConflict(_ constraints: PanelConstraints, among bounds: [QuotaBound], preferring preferred: [QuotaBound],
                                    isFeasible: (PanelConstraints) throws -> Bool) throws -> [QuotaBound]? {
        let problem = constraints.problem
        var kept = bounds
        func feasible(_ bounds: [QuotaBound]) throws -> Bool {
            try isFeasible(constraints.with(features: problem.keeping(only: Set(bounds)).features))
        }
        if try feasible(kept) { return nil }
        if try !feasible([]) { return [] }
        // Try the bounds with the most room first: they are the least likely to matter.
        let favoured = Set(preferred)
        let counts = SeatCounts(constraints)
        func room(_ b: QuotaBound) -> Int {
            let f = problem.features[b.feature]
            return b.side == .min ? counts.reachable(b.feature, b.value) - f.min[b.value] : f.max[b.value] - counts.held[b.feature][b.value]
        }
        let order = kept.sorted { (favoured.contains($0) ? 1 : 0, -room($0), $0) < (favoured.contains($1) ? 1 : 0, -room($1), $1) }
        for bound in order {
            let without = kept.filter { $0 != bound }
            if try !feasible(without) { kept = without }
        }
        return kept.sorted()
    }
}
