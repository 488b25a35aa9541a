import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion check`: can the quotas be met at all? If not, why, and what is the smallest change (issue #6).
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check, before any draw, whether a panel can meet the quotas; if not, say why and suggest the smallest change.",
        discussion: """
        Exit code 0: a panel exists. Exit code 1: the quotas cannot be met; the reasons, the conflicting quotas and the \
        smallest relaxation are printed, and quotas-relaxed.csv and relaxation.md are written to the output folder. \
        Exit code 2: an input is wrong.
        """
    )

    @Option(help: "The respondents (CSV, ',' or ';').") var people: String
    @OptionGroup(title: "Your own column names and birth dates") var registerColumns: PoolColumnOptions
    @Option(help: "The quotas: feature,value,min,max[,population_share].") var quotas: String
    @Option(help: "How many seats the panel has.") var panelSize: Int
    @Option(help: "Columns that together form an address; at most one person per address is selected.") var householdColumns: String?
    @Option(help: "The column with respondent ids.") var idColumn: String = "id"
    @Option(help: "Where to write quotas-relaxed.csv and relaxation.md when the quotas cannot be met (default: the quotas file's folder).") var out: String?
    @Option(help: "Language of the answer and of relaxation.md: nl (default), en or de.") var language: String = "nl"
    @Flag(help: "Overwrite an existing quotas-relaxed.csv and relaxation.md.") var replace = false

    func run() throws {
        var feasible = true
        try reportingErrors {
            var request = CheckWorkflow.Request(people: people, quotas: quotas, panelSize: panelSize)
            request.language = try ReportFiles.language(language)
            request.columns = try registerColumns.poolColumns()
            request.householdColumns = try columnList(householdColumns, option: "--household-columns")
            request.idColumn = idColumn
            let folder = out ?? (quotas as NSString).deletingLastPathComponent
            var files = try outputFolder(folder.isEmpty ? "." : folder, inputs: request.inputs, replace: replace, placement: .intoFolder,
                                         names: ["quotas-relaxed.csv", "relaxation.md"])
            let result = try CheckWorkflow.run(request, into: &files, events: .silent)
            if !result.files.isEmpty { try files.commit() }
            feasible = result.isFeasible
            show(result.lines, warnings: result.warnings)
        }
        if !feasible { throw ExitCode(1) }
    }
}
