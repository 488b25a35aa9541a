/// The whole of `kleroterion replace`: alternates first, then the pool under the quotas, and never a silent dead end.
///
/// 1. The alternates (if any) take seats as `AlternateReplacement.fill` decides: like for like, then the completion
///    that breaks the quotas least, preferring better ranks.
/// 2. The exact check asks whether the seats still open can be filled from the pool so that every quota holds.
/// 3. If not, the smallest relaxation (`QuotaRelaxation`: the fewest seats of change, which is the completion that
///    breaks the quotas least) is applied and `warning` says which quota, by how many seats, and why (which kind of
///    respondent the pool lacks). Under `strict` this is an error instead (exit 2 in the CLI). When no change to the
///    quotas can help (too few people or addresses left), it is always an error.
/// 4. The open seats are drawn fairly from the pool with the chosen algorithm.
public struct ReplacementRun: Sendable {
    /// The constraints the pool draw used: confirmed members plus seated alternates, quotas possibly relaxed.
    public var constraints: PanelConstraints
    /// Alternates seated (like for like first), in the order they were seated.
    public var alternatesSeated: [Int]
    /// Alternates given but not used (still ranked).
    public var alternatesLeft: [Int]
    /// The relaxation applied because no completion met the quotas.
    public var relaxation: QuotaRelaxation?
    /// The feasibility check of the pool draw (before any relaxation).
    public var check: FeasibilityReport
    /// Set when the completed panel breaks the quotas: what, by how much, and why.
    public var warning: String?
    /// The completed panel (sorted), the people drawn from the pool, the pool draw's outcome and its people.
    public var panel: [Int]
    public var drawn: [Int]
    public var outcome: SelectionOutcome?
    public var people: [Int]

    /// Everybody who filled a seat: alternates and people drawn from the pool.
    public var replacements: [Int] { alternatesSeated + drawn }

    public static func run(_ start: PanelConstraints, dropouts: [Int], alternates: [Int], algorithm: any SelectionAlgorithm,
                           random: SeededRandom, options: SelectionOptions, shares: [[Double?]] = [], strict: Bool = false,
                           relaxAllowed: Bool = true) throws -> ReplacementRun {
        var constraints = start
        var seated: [Int] = []
        if !alternates.isEmpty {
            let fill = try AlternateReplacement.fill(start, dropouts: dropouts, alternates: alternates)
            constraints = fill.constraints
            seated = fill.seated
        }
        let seatedSet = Set(seated)
        let left = alternates.filter { !seatedSet.contains($0) }
        let check = try FeasibilityCheck.exact().run(constraints, shares: shares)
        var relaxation: QuotaRelaxation?
        var warning: String?
        if !check.isFeasible {
            let why = check.why(constraints.problem)
            guard let suggested = check.relaxation else {
                throw KleroterionError("the open seats cannot be filled at all: " + why, fix: check.fixSummary)
            }
            let breaks = "the completed panel breaks the quotas by \(suggested.seats) seat\(suggested.seats == 1 ? "" : "s"): "
                + suggested.summary.joined(separator: "; ") + ". Why: " + why
            if strict || !relaxAllowed {
                throw KleroterionError("no completion of the panel meets the quotas; " + breaks,
                                       fix: strict ? "leave out --strict to fill the seats with the completion that breaks the quotas least, or "
                                           + check.fixSummary : check.fixSummary)
            }
            relaxation = suggested
            warning = breaks
            constraints.problem = suggested.apply(to: constraints.problem)
        }
        var panel = constraints.confirmed
        var drawn: [Int] = []
        var outcome: SelectionOutcome?
        var people: [Int] = []
        if constraints.openSeats > 0 {
            let r = try Replacement.draw(constraints, algorithm: algorithm, random: random, options: options)
            panel = r.panel; drawn = r.replacements; outcome = r.outcome; people = r.people
        }
        return ReplacementRun(constraints: constraints, alternatesSeated: seated, alternatesLeft: left, relaxation: relaxation,
                              check: check, warning: warning, panel: panel.sorted(), drawn: drawn, outcome: outcome, people: people)
    }
}
