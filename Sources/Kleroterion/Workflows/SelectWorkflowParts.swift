import Foundation

/// The report's extra inputs of a draw (population shares, the invitations' funnel), read and checked against the
/// pool and the quotas.
struct SelectInputs {
    var shares: PopulationShares?
    var invitations: InvitationsSummary?

    static func load(_ r: SelectWorkflow.Request, quotas: QuotaSet, pool: Pool) throws -> SelectInputs {
        let shares = try r.populationShares.map { try PopulationShares.load(path: $0) }
        let invitations = try r.invitations.map { folder in
            guard let summary = try InvitationsSummary.load(directory: folder) else {
                throw KleroterionError(file: folder, "there is no invitations-report.json in this folder",
                                       fix: "give the folder `kleroterion invite` wrote to, or leave --invitations out")
            }
            return summary
        }
        if let shares, !shares.features.contains(where: { f in quotas.features.contains { $0.lowercased() == f.lowercased() } }) {
            throw KleroterionError(file: shares.source, "none of the features in this file (\(shares.features.joined(separator: ", "))) is in the quotas",
                                   fix: "use the feature names of the quotas file (\(quotas.features.joined(separator: ", "))), or leave --population-shares out")
        }
        if let letters = r.invitedCount ?? invitations?.invitedCount, letters < pool.count {
            throw KleroterionError("\(pool.count) respondents but only \(letters) letters were sent (a response rate over 100 %)",
                                   fix: "check --invited-count (or --invitations): it counts the letters sent, which is at least the number of respondents")
        }
        return SelectInputs(shares: shares, invitations: invitations)
    }
}

/// The alternates of a draw (issue #14) and the drop-out outlook: chosen after the panel, so that everybody's chance
/// of being on the panel is unchanged.
struct SelectAlternates {
    var ranked: [Int] = []
    var chances: SelectionProbabilities?
    var outlook: DropoutOutlook?

    static func run(_ r: SelectWorkflow.Request, problem: SelectionProblem, quotas: QuotaSet, pool: Pool,
                    outcome: inout SelectionOutcome, events: WorkflowEvents) throws -> SelectAlternates {
        var result = SelectAlternates()
        guard r.alternates > 0 || r.dropoutRates != nil else { return result }
        let model = try r.dropoutRates.map { try DropoutModel.load(path: $0, pool: pool) } ?? DropoutModel.uniform(count: pool.count)
        let targets = Misrepresentation.targets(problem, shares: QuotaRelaxation.shares(quotas, for: problem))
        if r.alternates > 0 {
            let detail = events.detail
            detail?("alternates: choosing \(r.alternates) for the drawn panel")
            let drawn = try AlternatesDraw.run(problem: problem, outcome: outcome, rates: model.rates, count: r.alternates,
                                               targets: targets, seed: r.seed, progress: { line in detail?(line) })
            result.ranked = drawn.choice.ranked
            result.chances = drawn.chances
            outcome.notes.append(AlternatesDraw.note(drawn, count: r.alternates))
        }
        try events.checkCancelled()
        result.outlook = try DropoutOutlook.simulate(problem: problem, panel: outcome.panel, alternates: result.ranked, model: model,
                                                     targets: targets, seed: r.seed)
        return result
    }
}
