import Foundation

extension LotteryDraw {
    /// What a draw adds for committed alternates: everybody's chance of being an alternate (their share of the m
    /// panels' lists, exact), the report's note and its section "After drop-outs" (seeded with the canonical seed).
    struct AlternatesExtras {
        var chances: [Double]
        var note: OutcomeNote
        var outlook: DropoutOutlook
    }

    /// Nil for a commitment without alternates. `problem` is in pool order; `index` maps pseudonyms to pool rows.
    static func alternatesExtras(_ folder: CommitmentFolder, problem: SelectionProblem, pseudonyms: Pseudonyms, index: [String: Int],
                                 members: [Int], alternates: [Int], seed: String) throws -> AlternatesExtras? {
        guard let a = folder.manifest.alternates else { return nil }
        let rows = try LotteryAlternates.rows(folder)
        let chances = LotteryAlternates.chances(rows.map { $0.compactMap { index[$0] } }, personCount: problem.count)
        // The published rates are by pseudonym; the pool's row r is pseudonym number[r].
        let published = try LotteryAlternates.readRates(LotteryAlternates.text(folder, a.dropoutRates),
                                                        ids: (0..<problem.count).map { String($0 + 1) },
                                                        source: folder.path(a.dropoutRates))
        // An older manifest has only the English sentence; it is shown as written.
        let model = DropoutModel(rates: pseudonyms.number.map { published[$0 - 1] }, source: a.ratesModel ?? .text(a.ratesSource))
        let targets = try LotteryAlternates.readTargets(LotteryAlternates.text(folder, a.targets), problem: problem, source: folder.path(a.targets))
        let outlook = try DropoutOutlook.simulate(problem: problem, panel: members, alternates: alternates, model: model, targets: targets, seed: seed)
        let largest = chances.max() ?? 0
        let note = OutcomeNote.committedAlternates(panels: rows.count, count: a.count, file: a.file, rule: a.method, ratesFile: a.dropoutRates,
                                                   largestChance: largest)
        return AlternatesExtras(chances: chances, note: note, outlook: outlook)
    }
}
