/// The first steps of `replace --alternates`: seat alternates in the drop-outs' places before anybody is drawn from the pool.
///
/// One integer program picks, among the free alternates and the pool, the completion that (a) breaks the quotas by
/// the fewest seats, then (b) seats as many alternates as possible: like for like first (an alternate with exactly the
/// values of a drop-out), then the others, better ranks first. The alternates it picks are seated; the seats it would
/// give to the pool are left open for the fair draw (the program's own choice there is only a witness that such a
/// completion exists).
///
/// Why not seat like-for-like alternates first and then solve: quotas count values feature by feature, so two
/// drop-outs can sometimes only be replaced by two people who each match one of them on some features; seating an
/// exact match for the first can then leave no quota-safe seat for the second. Measured on the Zeist example: the
/// two-step rule completed 68.3 % of 1,000 drop-out patterns with every quota met, the pool alone 69.1 %.
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
        let drawable = Set(current.drawable)
        let free = ranked.filter { drawable.contains($0) }
        guard current.openSeats > 0 else {
            return Fill(constraints: current, likeForLike: [], otherAlternates: [], seatsOffQuota: offQuota(current.confirmed, problem))
        }
        let freeSet = Set(free)
        let pool = usePool ? current.drawable.filter { !freeSet.contains($0) } : []
        let units = CandidateUnits(problem: problem, candidates: free + pool, individual: freeSet)
        let rank = Dictionary(uniqueKeysWithValues: free.enumerated().map { ($1, $0) })
        // Costs: a seat off quota 100, a seat left empty 3, a pool seat 1, an alternate seat below 1: like for like
        // (the same values as a drop-out) below ½, the others between ½ and 1, better ranks less.
        var lost: [[Int]: Int] = [:]
        for d in dropouts { lost[problem.category[d], default: 0] += 1 }
        var model = LinearModel(sense: .minimize)
        let fillBonus = -3.0
        let columns = units.people.indices.map { u -> Int in
            let people = units.people[u]
            let like = lost[problem.category[people[0]]] != nil
            let cost = rank[people[0]].map { (like ? 0 : 0.5) + 0.5 * Double($0 + 1) / Double(free.count + 1) } ?? 1
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
        let seated = units.people.indices.filter { rank[units.people[$0][0]] != nil && solution.values[columns[$0]] > 0.5 }
            .map { units.people[$0][0] }.sorted { rank[$0]! < rank[$1]! }
        // Which of them replace a drop-out like for like (each drop-out matched at most once, best ranks first).
        var likeForLike: [Int] = [], others: [Int] = []
        for a in seated {
            if let n = lost[problem.category[a]], n > 0 { lost[problem.category[a]] = n - 1; likeForLike.append(a) } else { others.append(a) }
        }
        current.confirmed = (current.confirmed + seated).sorted()
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
