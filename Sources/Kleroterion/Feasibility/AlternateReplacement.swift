/// The first steps of `replace --alternates`: seat alternates in the drop-outs' places before anybody is drawn from the pool.
///
/// 1. **Like for like**: for each drop-out, in panel order, the best-ranked free alternate with exactly the same values
///    takes the seat. This keeps every count, so a panel that met the quotas still does.
/// 2. **The other seats**: one integer program picks, among the remaining alternates and the pool, the completion that
///    (a) breaks the quotas by the fewest seats, then (b) seats as many alternates as possible, better ranks first.
///    The alternates it picks are seated; the seats it would give to the pool are left open for the fair draw (the
///    program's own choice there is only a witness that such a completion exists).
///
/// With `usePool: false` only alternates are considered (the report's simulation "with alternates"); seats they cannot
/// fill without breaking a quota stay empty and count as shortfall.
public enum AlternateReplacement {
    /// The outcome of the two steps.
    public struct Fill: Sendable {
        /// The constraints with the seated alternates added to the confirmed members.
        public var constraints: PanelConstraints
        /// Alternates seated like for like, and the others seated in step 2.
        public var likeForLike: [Int]
        public var otherAlternates: [Int]
        /// Seats off quota of the best completion (0: the quotas can all still be met).
        public var seatsOffQuota: Int
        /// Seats still open for the pool draw.
        public var openSeats: Int { constraints.openSeats }
        /// All alternates seated.
        public var seated: [Int] { likeForLike + otherAlternates }
    }

    public static func fill(_ constraints: PanelConstraints, dropouts: [Int], alternates ranked: [Int], usePool: Bool = true,
                            solver: any LinearSolver = GLPKSolver()) throws -> Fill {
        var current = constraints
        let problem = constraints.problem
        var drawable = Set(current.drawable)
        var free = ranked.filter { drawable.contains($0) }
        var homes = Set(current.confirmed.map { problem.household[$0] })
        var likeForLike: [Int] = []
        for d in dropouts where current.openSeats > 0 {
            guard let k = free.firstIndex(where: { problem.category[$0] == problem.category[d] && !homes.contains(problem.household[$0]) }) else { continue }
            let a = free.remove(at: k)
            likeForLike.append(a)
            homes.insert(problem.household[a])
            current.confirmed = (current.confirmed + [a]).sorted()
        }
        drawable = Set(current.drawable)
        free = free.filter { drawable.contains($0) }
        guard current.openSeats > 0 else {
            return Fill(constraints: current, likeForLike: likeForLike, otherAlternates: [], seatsOffQuota: offQuota(current.confirmed, problem))
        }
        let freeSet = Set(free)
        let pool = usePool ? current.drawable.filter { !freeSet.contains($0) } : []
        let units = CandidateUnits(problem: problem, candidates: free + pool, individual: freeSet)
        let rank = Dictionary(uniqueKeysWithValues: free.enumerated().map { ($1, $0) })
        // Costs: a seat off quota 100, a seat left empty 3, a pool seat 1, an alternate seat below 1 (better ranks less).
        var model = LinearModel(sense: .minimize)
        let fillBonus = -3.0
        let columns = units.people.indices.map { u -> Int in
            let people = units.people[u]
            let cost = rank[people[0]].map { Double($0 + 1) / Double(free.count + 1) } ?? 1
            return model.addColumn(.init(lower: 0, upper: Double(people.count), objective: cost + fillBonus, isInteger: true))
        }
        // With the pool, every seat is filled (if there are enough people); alternates alone may leave seats empty.
        let all = units.people.reduce(0) { $0 + $1.count }
        let fillAll = usePool && all >= current.openSeats
        model.addRow(.init(columns: columns, coefficients: columns.map { _ in 1 }, lower: fillAll ? Double(current.openSeats) : 0,
                           upper: Double(current.openSeats)))
        for row in units.householdRows {
            model.addRow(.init(columns: row.map { columns[$0] }, coefficients: row.map { _ in 1 }, upper: 1))
        }
        let held = current.confirmedCounts
        var slack: [Int] = []
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices {
                let terms = units.people.indices.filter { units.category[$0][f] == v }.map { columns[$0] }
                let ones = terms.map { _ in 1.0 }, h = Double(held[f][v])
                let short = model.addColumn(.init(lower: 0, objective: 100, isInteger: true))
                let excess = model.addColumn(.init(lower: 0, objective: 100, isInteger: true))
                slack += [short, excess]
                model.addRow(.init(columns: terms + [short], coefficients: ones + [1], lower: Double(feature.min[v]) - h))
                model.addRow(.init(columns: terms + [excess], coefficients: ones + [-1], upper: Double(feature.max[v]) - h))
            }
        }
        let solution = try solver.solveMIP(model)
        guard solution.status == .optimal else {
            throw KleroterionError("the solver could not decide how to seat the alternates (\(solution.status))",
                                   fix: "this is a bug in Kleroterion; please report it with the input files")
        }
        let others = units.people.indices.filter { rank[units.people[$0][0]] != nil && solution.values[columns[$0]] > 0.5 }
            .map { units.people[$0][0] }.sorted { rank[$0]! < rank[$1]! }
        current.confirmed = (current.confirmed + others).sorted()
        let off = slack.reduce(0) { $0 + Int(solution.values[$1].rounded()) }
        return Fill(constraints: current, likeForLike: likeForLike, otherAlternates: others, seatsOffQuota: off)
    }

    /// Seats off quota of a set of people taken as the whole panel.
    static func offQuota(_ people: [Int], _ problem: SelectionProblem) -> Int {
        let counts = Misrepresentation.counts(people, problem: problem)
        var off = 0
        for (f, feature) in problem.features.enumerated() {
            for v in feature.values.indices { off += Swift.max(0, feature.min[v] - counts[f][v]) + Swift.max(0, counts[f][v] - feature.max[v]) }
        }
        return off
    }
}
