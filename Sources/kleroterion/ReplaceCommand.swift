import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion replace`: fill the seats of members who dropped out, keeping the quotas and the household rule (issue #6).
struct ReplaceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replace",
        abstract: "Draw replacements for panel members who dropped out.",
        discussion: """
        The confirmed members stay; replacements are drawn from the respondents not on the panel, so that the completed \
        panel still meets the quotas and the one-per-household rule. Writes panel.csv, remaining.csv, the report \
        (report.md, report.json, report.html, about the completed panel) and replacement.md into the output folder, and \
        appends an entry to audit.json there (earlier entries are never rewritten). With --alternates, the alternates take \
        the seats first (like for like, then in rank order) and the unused ones are written to alternates.csv. When no \
        completion meets the quotas, the seats are filled with the completion that breaks them least and a warning says \
        which quota, by how many seats and why (exit 0); --strict refuses instead (exit 2).
        """
    )

    @Option(help: "The panel as drawn (panel.csv of the earlier draw).") var panel: String
    @Option(help: "Who dropped out: comma-separated ids, or a file with one id per line.") var dropouts: String
    @Option(help: "The respondents the panel was drawn from.") var people: String
    @Option(help: "The quotas the completed panel must meet.") var quotas: String
    @Option(help: "The public seed text for the replacement draw.") var seed: String
    @Option(help: "The output folder.") var out: String
    @Option(help: "Columns that together form an address; at most one person per address is selected.") var householdColumns: String?
    @Option(help: "The column with respondent ids.") var idColumn: String = "id"
    @Option(help: "How to draw the replacements: \(SelectionAlgorithms.names.joined(separator: ", ")).") var algorithm: String = SelectionAlgorithms.names[0]
    @Option(help: "The alternates drawn with the panel (alternates.csv of select --alternates): used first, like for like, in rank order.") var alternates: String?
    @Flag(help: "Refuse (exit 2) instead of filling the seats with the completion that breaks the quotas least.") var strict = false
    @Flag(help: "Accepted for compatibility: filling the seats with the least-breaking completion is now the default (see --strict).") var relax = false
    @Option(help: "Stop optimising after this many seconds and use the best distribution so far.") var timeLimit: Double?
    @Option(help: "Language of report.md, report.html, replacement.md and relaxation.md: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Replace an existing, non-empty output folder as a whole (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            var files = try outputFolder(out, inputs: [panel, people, quotas, alternates, FileManager.default.fileExists(atPath: dropouts) ? dropouts : nil], replace: replace)
            let timeLimit = try checkedTimeLimit(self.timeLimit)
            let random = try SeededRandom(seed: seed, purpose: "replace")
            let language = try ReportFiles.language(self.language)
            let algorithm = try SelectionAlgorithms.named(self.algorithm)
            let pool = try Pool.load(path: people, idColumn: idColumn)
            let panelFile = try Pool.load(path: panel, idColumn: idColumn)
            let quotaSet = try QuotaSet.load(path: quotas)
            warnAboutFormulas(pool.table)
            let (dropoutIDs, dropoutSource) = try Replacement.parseIDs(dropouts, idColumn: idColumn)
            guard panelFile.count > 0 else {
                throw KleroterionError(file: panel, "the panel file has no members", fix: "give the panel.csv of the earlier draw")
            }
            let problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelFile.count,
                                               householdColumns: try columnList(householdColumns, option: "--household-columns"))
            let constraints = try Replacement.constraints(problem: problem, pool: pool, panel: panelFile,
                                                          dropouts: dropoutIDs, dropoutSource: dropoutSource)
            var ranked: [Int] = [], ranks: [Int] = []
            if let alternates {
                (ranked, ranks) = try AlternateFiles.load(path: alternates, pool: pool)
                let onPanel = Set(constraints.confirmed)
                if let i = ranked.first(where: { onPanel.contains($0) || !constraints.eligible[$0] }) {
                    throw KleroterionError(file: alternates, "the alternate '\(pool.ids[i])' is on the panel \(panel)",
                                           fix: "use the alternates.csv written together with this panel.csv")
                }
            }
            var index: [String: Int] = [:]
            for (i, id) in pool.ids.enumerated() { index[id] = i }
            let dropoutPeople = dropoutIDs.compactMap { index[$0] }
            let options = SelectionOptions(timeLimit: timeLimit, progress: { note($0) })
            let run = try ReplacementRun.run(constraints, dropouts: dropoutPeople, alternates: ranked, algorithm: algorithm, random: random,
                                             options: options, shares: QuotaRelaxation.shares(quotaSet, for: problem), strict: strict)
            let completed = run.panel
            let ids = pool.ids
            let entry = AuditLog.Entry(time: Date(), seed: seed, algorithm: run.outcome?.algorithm ?? "alternates", dropouts: dropoutIDs,
                                       replacements: run.replacements.map { ids[$0] }, confirmed: constraints.confirmed.count,
                                       inputs: try ["people": AuditLog.sha256(ofFile: people), "quotas": AuditLog.sha256(ofFile: quotas), "panel": AuditLog.sha256(ofFile: panel)]
                                           .merging(alternates.map { ["alternates": try AuditLog.sha256(ofFile: $0)] } ?? [:]) { a, _ in a },
                                       relaxation: run.relaxation?.summary ?? [], alternates: run.alternatesSeated.map { ids[$0] }, warning: run.warning)
            let auditPath = (out as NSString).appendingPathComponent("audit.json")
            let earlier = try existingAudit(at: auditPath) ?? existingAudit(at: ((panel as NSString).deletingLastPathComponent as NSString).appendingPathComponent("audit.json"))
            files.add("panel.csv", PanelFiles.panel(pool, members: completed))
            files.add("remaining.csv", PanelFiles.remaining(pool, members: completed + run.alternatesLeft))
            if alternates != nil {
                let rankOf = Dictionary(uniqueKeysWithValues: zip(ranked, ranks))
                files.add("alternates.csv", AlternateFiles.csv(pool, ranked: run.alternatesLeft, ranks: run.alternatesLeft.map { rankOf[$0]! }))
            }
            let outcomeNotes = run.outcome?.notes ?? []
            files.add("replacement.md", ReplacementReport.markdown(start: constraints, run: run, dropouts: dropoutIDs, seed: seed,
                                                                   alternatesGiven: ranked.count, notes: outcomeNotes,
                                                                   language: language, labels: FeatureLabels(quotas: quotaSet)))
            // The report shows the completed panel against the pool and the quotas; its fairness section shows the
            // chances of the replacement draw, over the respondents who could still be drawn.
            var completedOutcome = run.outcome ?? SelectionOutcome(panel: completed, probabilities: SelectionProbabilities(values: []), algorithm: "alternates")
            completedOutcome.panel = completed
            var notes = ["Replacement draw: \(dropoutIDs.count) member(s) dropped out; \(constraints.confirmed.count) confirmed members stayed; "
                         + "\(run.alternatesSeated.count) alternate(s) and \(run.drawn.count) respondent(s) from the pool took the seats. "
                         + "The chances below are those of the \(run.people.count) respondents who could still be drawn, of being drawn as a replacement."]
            if let warning = run.warning { notes.append("Warning: " + warning) }
            completedOutcome.notes = notes + outcomeNotes
            let report = try ReportBuilder.build(problem: run.constraints.problem, quotas: quotaSet, outcome: completedOutcome, context: .init(seed: seed))
            try ReportFiles.add(report, language: language, to: &files)
            if let relaxation = run.relaxation {
                files.add("quotas-relaxed.csv", relaxation.quotasCSV())
                files.add("relaxation.md", relaxation.markdown(quotasFile: quotas, panelSize: problem.panelSize, reasons: run.check.reasons,
                                                                    language: language, labels: FeatureLabels(quotas: quotaSet)))
            }
            files.add("audit.json", try AuditLog.appending(entry, to: earlier, source: auditPath))
            try files.commit()
            if let warning = run.warning { note("warning: " + warning) }
            print("Replaced \(dropoutIDs.count) member(s) with \(run.replacements.map { ids[$0] }.joined(separator: ", "))"
                  + (run.alternatesSeated.isEmpty ? "" : " (\(run.alternatesSeated.count) alternate(s))") + (run.outcome.map { " using \($0.algorithm)" } ?? "") + ".")
            print("Wrote \(files.names.joined(separator: ", ")) to \(out)")
        }
    }

    private func existingAudit(at path: String) throws -> String? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KleroterionError(file: path, "the audit log cannot be read", fix: "check the file's permissions")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
