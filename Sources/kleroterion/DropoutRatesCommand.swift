import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion dropout-rates`: estimate the drop-out rates file from a past assembly (issue #14).
struct DropoutRatesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dropout-rates",
        abstract: "Estimate drop-out rates per feature value from a past assembly, with confidence intervals.",
        discussion: """
        Reads the past panel (its panel.csv) and who dropped out, and writes a rates file \
        (feature,value,dropout_rate,members,dropouts,ciNN_low,ciNN_high) that select --dropout-rates reads. \
        The rate is the Jeffreys estimate (d + 0.5) / (n + 1), never exactly 0; see docs/alternates.md.
        """
    )

    @Option(help: "The past assembly's panel.csv.") var panel: String
    @Option(help: "Who dropped out: comma-separated ids, or a file with one id per line.") var dropouts: String
    @Option(help: "Columns to estimate rates for, comma-separated (default: every column with 2 to 12 distinct values).") var features: String?
    @Option(help: "The column with respondent ids.") var idColumn: String = "id"
    @Option(help: "Confidence level of the intervals.") var confidence: Double = 0.95
    @Option(help: "The rates file to write.") var out: String = "dropout-rates.csv"
    @Flag(help: "Overwrite the --out file if it exists.") var replace = false
    @Option(help: "Language of the console's lines: nl (default), en or de.") var language: String = "nl"

    func run() throws {
        try reportingErrors {
            var request = DropoutRatesWorkflow.Request(panel: panel, dropouts: dropouts)
            request.idColumn = idColumn
            request.confidence = confidence
            request.out = out
            request.language = try ReportFiles.language(language)
            try request.validate()
            var files = try outputFolder(request.outFolder, inputs: request.inputs, replace: replace, placement: .intoFolder, names: [request.outName])
            request.features = try features.map { try columnList($0, option: "--features", example: "gender,age_band") }
            let result = try DropoutRatesWorkflow.run(request, into: &files, events: .silent)
            try files.commit()
            show(result.lines, warnings: result.warnings)
        }
    }
}
