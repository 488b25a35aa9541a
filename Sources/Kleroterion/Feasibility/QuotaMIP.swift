/// The integer programs behind `check`: "is there a panel?" and "what is the smallest change to the quotas?".
///
/// Respondents with the same values and no housemate in the pool are interchangeable, so they share one
/// integer variable (how many of them sit) instead of one binary each; people in shared households keep
/// their own binary and a row "at most one per household". Confirmed members are fixed at 1. This keeps the
/// programs small (a few hundred variables at n = 1,000), so the deletion filter's dozens of solves stay quick.
struct QuotaMIP {
    /// The program (minimised).
    var model = LinearModel(sense: .minimize)
    /// `units[c]`: the people that variable `c` counts (only for the person variables, which come first).
    var units: [[Int]] = []

    typealias Terms = [(column: Int, coefficient: Double)]

    /// Solves exactly; the variable values, or `nil` when infeasible.
    func solve(solver: any LinearSolver = GLPKSolver()) throws -> [Double]? {
        let solution = try solver.solveMIP(model)
        switch solution.status {
        case .optimal: return solution.values
        case .infeasible: return nil
        case .unbounded, .timeLimit:
            throw KleroterionError("the solver could not decide the feasibility check (\(solution.status))",
                                   fix: "this is a bug in Kleroterion; please report it with the input files")
        }
    }

    mutating func addRow(_ terms: Terms, lower: Double = -.infinity, upper: Double = .infinity) {
        model.addRow(LinearModel.Row(columns: terms.map(\.column), coefficients: terms.map(\.coefficient), lower: lower, upper: upper))
    }

    /// The panel variables and rows for the constraints, without quota rows.
    ///
    /// Returns the model and, per feature value, the terms that count its seats.
    static func panel(_ constraints: PanelConstraints) -> (model: QuotaMIP, seats: [[Terms]]) {
        let problem = constraints.problem
        var model = QuotaMIP()
        var sizes: [Int: Int] = [:]
        let drawable = constraints.drawable
        for i in drawable { sizes[problem.household[i], default: 0] += 1 }
        var typeColumn: [[Int]: Int] = [:]
        var householdTerms: [Int: [Int]] = [:]
        for i in constraints.confirmed {
            model.units.append([i])
            model.model.addColumn(.init(lower: 1, upper: 1, isInteger: true))
        }
        for i in drawable {
            if sizes[problem.household[i]]! > 1 {
                householdTerms[problem.household[i], default: []].append(model.units.count)
                model.units.append([i])
                model.model.addColumn(.init(lower: 0, upper: 1, isInteger: true))
            } else if let c = typeColumn[problem.category[i]] {
                model.units[c].append(i)
                model.model.columns[c].upper += 1
            } else {
                typeColumn[problem.category[i]] = model.units.count
                model.units.append([i])
                model.model.addColumn(.init(lower: 0, upper: 1, isInteger: true))
            }
        }
        let k = Double(problem.panelSize)
        model.addRow(model.units.indices.map { ($0, 1.0) }, lower: k, upper: k)
        for (_, terms) in householdTerms.sorted(by: { $0.key < $1.key }) {
            model.addRow(terms.map { ($0, 1.0) }, upper: 1)
        }
        var seats = problem.features.map { f in [Terms](repeating: [], count: f.values.count) }
        for (c, unit) in model.units.enumerated() {
            for (f, v) in problem.category[unit[0]].enumerated() { seats[f][v].append((c, 1.0)) }
        }
        return (model, seats)
    }

    /// "Is there a panel that meets the quotas?" as a pure feasibility MIP.
    static func feasibility(_ constraints: PanelConstraints) -> QuotaMIP {
        var (model, seats) = panel(constraints)
        for (f, feature) in constraints.problem.features.enumerated() {
            for v in feature.values.indices {
                model.addRow(seats[f][v], lower: Double(feature.min[v]), upper: Double(feature.max[v]))
            }
        }
        return model
    }

    /// Indices of the relaxation variables of one quota: lower the minimum towards / away from the target,
    /// raise the maximum towards / away.
    struct RelaxColumns { var lowerTowards: Int, lowerAway: Int, raiseTowards: Int, raiseAway: Int }

    /// "What is the smallest change to the bounds that admits a panel?"
    ///
    /// Per quota, four integer variables say how many seats its minimum is lowered and its maximum raised,
    /// split into the part that moves the bound towards the target and the part that moves it away. Every
    /// seat costs `W`, a seat away from the target costs `W + 1`; with `W` larger than any possible number of
    /// seats away, the optimum first minimises the total seats of change and then, among those, the seats
    /// moved away from the targets. All costs are integers, so the optimum is exact.
    static func relaxation(_ constraints: PanelConstraints, targets: [[(seats: Double, fromPopulation: Bool)]]) -> (model: QuotaMIP, relax: [[RelaxColumns]]) {
        var (model, seats) = panel(constraints)
        let problem = constraints.problem
        let k = problem.panelSize
        var room = 0
        for feature in problem.features { for v in feature.values.indices { room += feature.min[v] + Swift.max(0, k - feature.max[v]) } }
        let w = Double(room + 1)
        var relax: [[RelaxColumns]] = []
        for (f, feature) in problem.features.enumerated() {
            var row: [RelaxColumns] = []
            for v in feature.values.indices {
                let lo = feature.min[v], hi = feature.max[v], t = targets[f][v].seats
                let lowerTowards = Swift.max(0, Swift.min(lo, lo - Int(t.rounded(.down))))
                let raiseTowards = Swift.max(0, Int(t.rounded(.up)) - hi)
                let raiseRoom = Swift.max(0, k - hi)
                func add(_ upper: Int, _ cost: Double) -> Int {
                    model.model.addColumn(.init(lower: 0, upper: Double(upper), objective: cost, isInteger: true))
                }
                let cols = RelaxColumns(lowerTowards: add(lowerTowards, w), lowerAway: add(lo - lowerTowards, w + 1),
                                        raiseTowards: add(Swift.min(raiseTowards, raiseRoom), w),
                                        raiseAway: add(raiseRoom - Swift.min(raiseTowards, raiseRoom), w + 1))
                // seats + lowered ≥ min, seats − raised ≤ max
                model.addRow(seats[f][v] + [(cols.lowerTowards, 1), (cols.lowerAway, 1)], lower: Double(lo))
                model.addRow(seats[f][v] + [(cols.raiseTowards, -1), (cols.raiseAway, -1)], upper: Double(hi))
                row.append(cols)
            }
            relax.append(row)
        }
        return (model, relax)
    }
}

extension FeasibilityCheck {
    /// The exact check, solving `QuotaMIP` with the GLPK backend.
    public static func exact() -> FeasibilityCheck {
        FeasibilityCheck(
            isFeasible: { constraints in
                // Counting arguments decide many cases without a solve.
                if !SeatCounts(constraints).reasons().isEmpty { return false }
                return try QuotaMIP.feasibility(constraints).solve() != nil
            },
            relax: { constraints, targets in
                let (model, relax) = QuotaMIP.relaxation(constraints, targets: targets)
                guard let x = try model.solve() else { return nil }
                var features = constraints.problem.features
                for f in features.indices {
                    for v in features[f].values.indices {
                        let c = relax[f][v]
                        features[f].min[v] -= Int((x[c.lowerTowards] + x[c.lowerAway]).rounded())
                        features[f].max[v] += Int((x[c.raiseTowards] + x[c.raiseAway]).rounded())
                    }
                }
                return features
            })
    }
}
