import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion inspect`: check that a CSV file can be read, before a draw depends on it.
///
/// Reads the file with the same reader `select` and `invite` use (streaming, so registers of any size work) and
/// prints the delimiter, the columns, the number of rows and how many values are empty per column.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Check that a CSV file can be read and summarise its columns.",
        discussion: "Exits with code 2 and names file, line, column and fix at the first problem."
    )

    @Argument(help: "The CSV file (',' or ';', UTF-8).") var file: String
    @Option(help: "Your file's column names, as name=column pairs (e.g. gender=geslacht); shows how they would be read.") var columns: String?
    @Option(help: "A template whose columns: block to apply as well (a name in strata-templates/ or a file).") var template: String?
    @Option(help: "Language of the summary: nl (default), en or de.") var language: String = "nl"

    func run() throws {
        try reportingErrors {
            var request = InspectWorkflow.Request(file: file)
            request.mapping = try ColumnMapping(spec: columns)
            request.template = template
            request.language = try ReportFiles.language(language)
            let result = try InspectWorkflow.run(request, events: .silent)
            for line in result.lines { print(line) }
        }
    }
}
