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
        appends an entry to audit.json there (earlier entries are never rewritten).
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
    @Flag(help: "If no completion meets the quotas, apply the smallest relaxation and record it.") var relax = false
    @Option(help: "Stop optimising after this many seconds and use the best distribution so far.") var timeLimit: Double?
    @Option(help: "Language of report.md and report.html: nl (default), en or de.") var language: String = "nl"

    func run() throws {
        try reportingErrors {
            let random = try SeededRandom(seed: seed, purpose: "replace")
            let language = try ReportFiles.language(self.language)
            let algorithm = try SelectionAlgorithms.named(self.algorithm)
            let pool = try Pool.load(path: people, idColumn: idColumn)
            let panelFile = try Pool.load(path: panel, idColumn: idColumn)
            let quotaSet = try QuotaSet.load(path: quotas)
            let (dropoutIDs, dropoutSource) = try Replacement.parseIDs(dropouts, idColumn: idColumn)
            guard panelFile.count > 0 else {
                throw KleroterionError(file: panel, "the panel file has no members", fix: "give the panel.csv of the earlier draw")
            }
            let problem = try SelectionProblem(pool: pool, quotas: quotaSet, panelSize: panelFile.count,
                                               householdColumns: columnList(householdColumns))
            var constraints = try Replacement.constraints(problem: problem, pool: pool, panel: panelFile,
                                                          dropouts: dropoutIDs, dropoutSource: dropoutSource)
            let check = try FeasibilityCheck.exact().run(constraints, shares: QuotaRelaxation.shares(quotaSet, for: problem))
            var notes: [String] = []
            var relaxation: QuotaRelaxation?
            if !check.isFeasible {
                guard relax, let suggested = check.relaxation else {
                    throw KleroterionError("no completion of the panel meets the quotas: " + check.why(constraints.problem),
                                           fix: check.fixSummary)
                }
                constraints.problem = suggested.apply(to: constraints.problem)
                relaxation = suggested
                notes.append("The quotas were relaxed with --relax by \(suggested.seats) seat(s): " + suggested.summary.joined(separator: "; ") + ".")
            }
            let options = SelectionOptions(timeLimit: timeLimit, progress: { note($0) })
            let result = try Replacement.draw(constraints, algorithm: algorithm, random: random, options: options)
            let completed = result.panel
            let ids = pool.ids
            let entry = AuditLog.Entry(time: Date(), seed: seed, algorithm: result.outcome.algorithm, dropouts: dropoutIDs,
                                       replacements: result.replacements.map { ids[$0] }, confirmed: constraints.confirmed.count,
                                       inputs: ["people": try AuditLog.sha256(ofFile: people), "quotas": try AuditLog.sha256(ofFile: quotas), "panel": try AuditLog.sha256(ofFile: panel)],
                                       relaxation: relaxation?.summary ?? [])
            let auditPath = (out as NSString).appendingPathComponent("audit.json")
            let earlier = try existingAudit(at: auditPath) ?? existingAudit(at: ((panel as NSString).deletingLastPathComponent as NSString).appendingPathComponent("audit.json"))
            var files = OutputFiles(directory: out)
            files.add("panel.csv", PanelFiles.panel(pool, members: completed))
            files.add("remaining.csv", PanelFiles.remaining(pool, members: completed))
            files.add("replacement.md", ReplacementReport.markdown(constraints: constraints, result: result, dropouts: dropoutIDs,
                                                                   seed: seed, relaxation: relaxation, notes: notes + result.outcome.notes))
            // The report shows the completed panel against the pool and the quotas; its fairness section shows the
            // chances of the replacement draw, over the respondents who could still be drawn.
            var completedOutcome = result.outcome
            completedOutcome.panel = completed
            completedOutcome.notes = ["Replacement draw: \(dropoutIDs.count) member(s) dropped out and were replaced; \(constraints.confirmed.count) confirmed members stayed. "
                                      + "The chances below are those of the \(result.people.count) respondents who could still be drawn, of being drawn as a replacement."]
                + notes + result.outcome.notes
            let report = try ReportBuilder.build(problem: constraints.problem, quotas: quotaSet, outcome: completedOutcome, context: .init(seed: seed))
            try ReportFiles.add(report, language: language, to: &files)
            if let relaxation {
                files.add("quotas-relaxed.csv", relaxation.quotasCSV())
                files.add("relaxation.md", relaxation.markdown(quotasFile: quotas, panelSize: problem.panelSize, reasons: check.reasons.map(\.text)))
            }
            files.add("audit.json", try AuditLog.appending(entry, to: earlier, source: auditPath))
            try files.commit()
            print("Replaced \(dropoutIDs.count) member(s) with \(result.replacements.map { ids[$0] }.joined(separator: ", ")) using \(result.outcome.algorithm).")
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
