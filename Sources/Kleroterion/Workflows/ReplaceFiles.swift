import Foundation

/// The files of a replacement draw: the completed panel, what is left, the unused alternates, replacement.md, the
/// report of the completed panel, the relaxation (if any), and audit.json with this draw's entry appended.
enum ReplaceFiles {
    static func add(_ r: ReplaceWorkflow.Request, run: ReplacementRun, start constraints: PanelConstraints, pool: Pool, quotas: QuotaSet,
                    ranked: [Int], ranks: [Int], dropoutIDs: [String], panelSize: Int, to files: inout OutputFiles) throws -> RepresentativenessReport {
        let completed = run.panel
        let ids = pool.ids
        let entry = AuditLog.Entry(time: Date(), seed: r.seed, algorithm: run.outcome?.algorithm ?? "alternates", dropouts: dropoutIDs,
                                   replacements: run.replacements.map { ids[$0] }, confirmed: constraints.confirmed.count,
                                   inputs: try ["people": AuditLog.sha256(ofFile: r.people), "quotas": AuditLog.sha256(ofFile: r.quotas), "panel": AuditLog.sha256(ofFile: r.panel)]
                                       .merging(r.alternates.map { ["alternates": try AuditLog.sha256(ofFile: $0)] } ?? [:]) { a, _ in a },
                                   relaxation: run.relaxation?.summary ?? [], alternates: run.alternatesSeated.map { ids[$0] }, warning: run.warning)
        let auditPath = (files.directory as NSString).appendingPathComponent("audit.json")
        let earlier = try existingAudit(at: auditPath)
            ?? existingAudit(at: ((r.panel as NSString).deletingLastPathComponent as NSString).appendingPathComponent("audit.json"))
        files.add("panel.csv", PanelFiles.panel(pool, members: completed))
        files.add("remaining.csv", PanelFiles.remaining(pool, members: completed + run.alternatesLeft))
        if r.alternates != nil {
            let rankOf = Dictionary(uniqueKeysWithValues: zip(ranked, ranks))
            files.add("alternates.csv", AlternateFiles.csv(pool, ranked: run.alternatesLeft, ranks: run.alternatesLeft.map { rankOf[$0]! }))
        }
        let outcomeNotes = run.outcome?.notes ?? []
        files.add("replacement.md", ReplacementReport.markdown(start: constraints, run: run, dropouts: dropoutIDs, seed: r.seed,
                                                               alternatesGiven: ranked.count, notes: outcomeNotes,
                                                               language: r.language, labels: FeatureLabels(quotas: quotas)))
        // The report shows the completed panel against the pool and the quotas; its fairness section shows the
        // chances of the replacement draw, over the respondents who could still be drawn.
        var completedOutcome = run.outcome ?? SelectionOutcome(panel: completed, probabilities: SelectionProbabilities(values: []), algorithm: "alternates")
        completedOutcome.panel = completed
        var notes: [OutcomeNote] = [.replacement(dropouts: dropoutIDs.count, confirmed: constraints.confirmed.count,
                                                 alternatesSeated: run.alternatesSeated.count, drawn: run.drawn.count, eligible: run.people.count)]
        if run.warning != nil, let relaxation = run.relaxation { notes.append(.quotasBroken(changes: relaxation.changes)) }
        completedOutcome.notes = notes + outcomeNotes
        let report = try ReportBuilder.build(problem: run.constraints.problem, quotas: quotas, outcome: completedOutcome, context: .init(seed: r.seed))
        try ReportFiles.add(report, language: r.language, to: &files)
        if let relaxation = run.relaxation {
            files.add("quotas-relaxed.csv", relaxation.quotasCSV())
            files.add("relaxation.md", relaxation.markdown(quotasFile: r.quotas, panelSize: panelSize, reasons: run.check.reasons,
                                                            language: r.language, labels: FeatureLabels(quotas: quotas)))
        }
        files.add("audit.json", try AuditLog.appending(entry, to: earlier, source: auditPath))
        return report
    }

    private static func existingAudit(at path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KleroterionError(file: path, "the audit log cannot be read", fix: "check the file's permissions")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
