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

    func run() throws {
        try reportingErrors {
            guard confidence.isFinite, confidence > 0, confidence < 1 else {
                throw KleroterionError("--confidence \(confidence) is not a level between 0 and 1", fix: "give a confidence level such as 0.95")
            }
            let outURL = URL(fileURLWithPath: out)
            let outFolder = (out as NSString).deletingLastPathComponent
            var files = try outputFolder(outFolder.isEmpty ? "." : outFolder,
                                         inputs: [panel, FileManager.default.fileExists(atPath: dropouts) ? dropouts : nil],
                                         replace: replace, placement: .intoFolder, names: [outURL.lastPathComponent])
            let pool = try Pool.load(path: panel, idColumn: idColumn)
            let (ids, source) = try Replacement.parseIDs(dropouts, idColumn: idColumn)
            let names = try features.map { try columnList($0, option: "--features", example: "gender,age_band") }
                ?? DropoutRateEstimate.defaultFeatures(pool)
            let estimate = try DropoutRateEstimate(panel: pool, dropouts: ids, dropoutSource: source, features: names, confidence: confidence)
            files.add(outURL.lastPathComponent, estimate.csv)
            try files.commit()
            let level = Int((confidence * 100).rounded())
            print("Drop-out rates from \(pool.count) members, \(ids.count) drop-outs (\(level) % intervals):")
            for r in estimate.rows {
                let figures = String(format: "rate %.1f %% (%.1f to %.1f %%)", r.rate * 100, r.low * 100, r.high * 100)
                print("  \(r.feature) = \(r.value): \(r.dropouts) of \(r.members), " + figures)
            }
            print("Wrote \(out)")
        }
    }
}
