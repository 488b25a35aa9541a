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
    @OptionGroup(title: "Your own column names and birth dates") var registerColumns: PoolColumnOptions
    @Option(help: "The public seed text for the replacement draw.") var seed: String
    @Option(help: "The output folder.") var out: String
    @Option(help: "Columns that together form an address; at most one person per address is selected.") var householdColumns: String?
    @Option(help: "The column with respondent ids.") var idColumn: String = "id"
    @Option(help: "How to draw the replacements: \(SelectionAlgorithms.names.joined(separator: ", ")).") var algorithm: String = SelectionAlgorithms.names[0]
    @Option(help: "The alternates drawn with the panel (alternates.csv of select --alternates): used first, like for like, in rank order.") var alternates: String?
    @Flag(help: "Refuse (exit 2) instead of filling the seats with the completion that breaks the quotas least.") var strict = false
    @Flag(help: "Accepted for compatibility: filling the seats with the least-breaking completion is now the default (see --strict).") var relax = false
    @Option(help: "Stop optimising after this many seconds and use the best distribution so far.") var timeLimit: Double?
    @Option(help: "Language of the console's lines, report.md, report.html, replacement.md and relaxation.md: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Also show the solver's steps (stages, classes, ILPs) on stderr.") var verbose = false
    @Flag(help: "Replace an existing, non-empty output folder as a whole (its old files are removed).") var replace = false

    func run() throws {
        try reportingErrors {
            var request = ReplaceWorkflow.Request(panel: panel, dropouts: dropouts, people: people, quotas: quotas, seed: seed)
            request.householdColumns = try columnList(householdColumns, option: "--household-columns")
            request.idColumn = idColumn
            request.algorithm = algorithm
            request.alternates = alternates
            request.strict = strict
            request.timeLimit = timeLimit
            var files = try outputFolder(out, inputs: request.inputs, replace: replace)
            request.language = try ReportFiles.language(language)
            request.columns = try registerColumns.poolColumns()
            // The solver's progress goes to stderr with --verbose.
            let result = try ReplaceWorkflow.run(request, into: &files, events: events(verbose: verbose))
            try files.commit()
            show(result.lines, warnings: result.warnings, details: result.details, verbose: verbose)
        }
    }
}
