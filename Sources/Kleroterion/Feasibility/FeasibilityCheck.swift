/// The answer of `kleroterion check`: can a panel meet the quotas, and if not, why and what to change.
public struct FeasibilityReport: Sendable {
    /// True when at least one panel meets every quota and the household rule.
    public var isFeasible: Bool
    /// Why not, in the organiser's words (empty when feasible).
    public var reasons: [InfeasibilityReason]
    /// An irreducible set of bounds that conflict (drop any one and the rest can be met); empty when no
    /// quota is to blame, `nil` when feasible.
    public var conflict: [QuotaBound]?
    /// Every conflict found, smallest first, sharing no bound (the first is `conflict`); each must be resolved.
    public var conflicts: [[QuotaBound]] = []
    /// The smallest relaxation, when one exists.
    public var relaxation: QuotaRelaxation?
    /// Set when no change to the quotas can help (e.g. too few addresses for the seats).
    public var noRelaxation: String?

    /// The plain-text answer in English with the column names (as error messages name them).
    public func text(_ problem: SelectionProblem) -> String { text(problem, language: .en, labels: .raw) }

    /// The answer as `check` prints it, in `language`, features and values named by `labels`.
    public func text(_ problem: SelectionProblem, language: ReportLanguage, labels: FeatureLabels) -> String {
        let w = TextTable<SelectLine>(language), n = w.format.count
        if isFeasible { return w(.checkFeasible, n(problem.panelSize)) }
        var out = w(.checkInfeasible, n(problem.panelSize)) + "\n\n" + w(.checkWhy) + "\n"
        for r in reasons { out += "  - \(r.text(language, labels: labels))\n" }
        let groups = conflicts.filter { !$0.isEmpty }
        for (i, group) in groups.enumerated() {
            out += "\n" + w(i == 0 ? .checkConflict : .checkConflictMore) + "\n"
            for b in group { out += "  - \(InfeasibilityReason.describe(problem.reasonBound(b), language, labels: labels))\n" }
        }
        if let relaxation {
            out += "\n" + w(.checkSmallest, TextTable<RelaxationKey>(language).counted(relaxation.seats, one: .seatOne, many: .seatMany)) + "\n"
            for line in relaxation.summary(language, labels: labels) { out += "  - \(line)\n" }
        } else if noRelaxation != nil {
            out += "\n" + w(.checkNoChange) + "\n"
        }
        return out
    }

    /// One paragraph for an error message: the first reasons and the suggested relaxation.
    public func errorSummary(_ problem: SelectionProblem) -> String { "the quotas cannot be met: " + why(problem) }

    /// The reasons and the conflicting quotas in one sentence.
    public func why(_ problem: SelectionProblem) -> String {
        var out = reasons.map(\.text).joined(separator: "; ")
        let groups = conflicts.filter { !$0.isEmpty }
        if !groups.isEmpty {
            out += ". Conflicting quotas: " + groups.map { $0.map { problem.describe($0) }.joined(separator: " with ") }.joined(separator: "; and separately ")
        }
        return out
    }

    /// The fix line for an error message.
    public var fixSummary: String {
        if let relaxation {
            return "change the quotas as follows (\(relaxation.seats) seat\(relaxation.seats == 1 ? "" : "s") in total), or use --relax to do so automatically: "
                + relaxation.summary.joined(separator: "; ")
        }
        return noRelaxation.map { "no change to the quotas can help: \($0)" } ?? "widen the quotas"
    }
}

/// Decides feasibility exactly and, when the quotas cannot be met, explains why and finds the smallest relaxation.
///
/// The two exact questions ("is there a panel?" and "what is the smallest change?") are asked of an oracle, by
/// default the GLPK MIP in `QuotaMIP`; tests plug in brute force on small pools to check the MIP.
public struct FeasibilityCheck {
    /// Whether some panel satisfies the constraints.
    public var isFeasible: (PanelConstraints) throws -> Bool
    /// The smallest relaxation for the given targets, or `nil` when none exists.
    public var relax: (PanelConstraints, [[(seats: Double, fromPopulation: Bool)]]) throws -> [SelectionProblem.Feature]?

    public init(isFeasible: @escaping (PanelConstraints) throws -> Bool,
                relax: @escaping (PanelConstraints, [[(seats: Double, fromPopulation: Bool)]]) throws -> [SelectionProblem.Feature]?) {
        self.isFeasible = isFeasible
        self.relax = relax
    }

    /// Runs the full check. `shares[f][v]` are population shares where known (for the relaxation's targets).
    public func run(_ constraints: PanelConstraints, shares: [[Double?]] = []) throws -> FeasibilityReport {
        let problem = constraints.problem
        if try isFeasible(constraints) {
            return FeasibilityReport(isFeasible: true, reasons: [], conflict: nil, relaxation: nil, noRelaxation: nil)
        }
        let counts = SeatCounts(constraints)
        var reasons = counts.reasons()
        let conflicts = try ConflictSearch.disjointConflicts(constraints, preferring: reasons.flatMap(\.bounds), isFeasible: isFeasible)
        let conflict = conflicts.first ?? []
        for group in conflicts where !group.isEmpty {
            // A conflict no counting reason covers gets its own sentence.
            guard !reasons.contains(where: { !$0.bounds.isEmpty && Set($0.bounds).isSubset(of: Set(group)) }) else { continue }
            if let kind = counts.explainSameFeature(group) {
                reasons.append(InfeasibilityReason(kind, bounds: group))
            } else if group.count == 2, let kind = counts.explainPair(group[0], group[1]) {
                reasons.append(InfeasibilityReason(kind, bounds: group))
            } else {
                reasons.append(InfeasibilityReason(.combined(group.map(problem.reasonBound)), bounds: group))
            }
        }
        var report = FeasibilityReport(isFeasible: false, reasons: reasons, conflict: conflict, relaxation: nil, noRelaxation: nil)
        report.conflicts = conflicts
        let targets = QuotaRelaxation.targets(problem, shares: shares)
        if conflict.isEmpty {
            // Infeasible with every quota removed: only a smaller panel or a bigger pool helps.
            if reasons.isEmpty { report.reasons.append(InfeasibilityReason(.poolCannotFill(seats: problem.panelSize), bounds: [])) }
            report.noRelaxation = "lower the panel size or invite more people"
        } else if let relaxed = try relax(constraints, targets) {
            var rows: [QuotaRelaxation.Row] = []
            for (f, feature) in problem.features.enumerated() {
                for v in feature.values.indices {
                    var row = QuotaRelaxation.Row(feature: feature.name, value: feature.values[v], oldMin: feature.min[v], oldMax: feature.max[v],
                                      newMin: relaxed[f].min[v], newMax: relaxed[f].max[v], target: targets[f][v].seats,
                                      targetFromPopulation: targets[f][v].fromPopulation,
                                      populationShare: shares.indices.contains(f) && shares[f].indices.contains(v) ? shares[f][v] : nil)
                    row.isQuotaRow = feature.isQuotaRow(v)
                    rows.append(row)
                }
            }
            report.relaxation = QuotaRelaxation(rows: rows)
        } else {
            report.noRelaxation = "lower the panel size or invite more people"
        }
        return report
    }
}
