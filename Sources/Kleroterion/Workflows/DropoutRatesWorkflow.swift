import Foundation

/// `dropout-rates`: estimate the drop-out rates per feature value from a past assembly (issue #14), with confidence
/// intervals, and queue the rates file that `select`'s drop-out rates read. The caller's `OutputFiles` is the file's
/// folder (`outFolder`, placement `.intoFolder`).
public enum DropoutRatesWorkflow {
    /// Which past panel, who dropped out, and which features.
    public struct Request: Sendable {
        /// The past assembly's panel.csv.
        public var panel: String
        /// Who dropped out: comma-separated ids, or a file with one id per line.
        public var dropouts: String
        /// Columns to estimate rates for (nil: every column with 2 to 12 distinct values).
        public var features: [String]?
        public var idColumn: String = "id"
        /// Confidence level of the intervals, between 0 and 1.
        public var confidence = 0.95
        /// The rates file to write.
        public var out: String = "dropout-rates.csv"
        /// The language of the console's lines.
        public var language: ReportLanguage = .nl

        public init(panel: String, dropouts: String) { self.panel = panel; self.dropouts = dropouts }

        /// The folder of `out` and the file's name in it.
        public var outFolder: String { let f = (out as NSString).deletingLastPathComponent; return f.isEmpty ? "." : f }
        public var outName: String { URL(fileURLWithPath: out).lastPathComponent }

        /// Every file the estimate reads (the drop-outs when they are a file), which no output may overwrite.
        public var inputs: [String?] { [panel, FileManager.default.fileExists(atPath: dropouts) ? dropouts : nil] }

        /// Refuses a confidence level outside (0, 1).
        public func validate() throws {
            guard confidence.isFinite, confidence > 0, confidence < 1 else {
                throw KleroterionError("--confidence \(confidence) is not a level between 0 and 1", fix: "give a confidence level such as 0.95")
            }
        }
    }

    /// The estimated rates.
    public struct Result: Sendable {
        /// The lines the CLI prints once the file is written.
        public var lines: [String]
        public var warnings: [String]
        public var files: [String]
        /// Members and drop-outs counted, and the rates file's text.
        public var members: Int
        public var dropouts: Int
        public var csv: String
    }

    /// Estimates the rates and queues the file into `files`.
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        try r.validate()
        let pool = try Pool.load(path: r.panel, idColumn: r.idColumn)
        let (ids, source) = try Replacement.parseIDs(r.dropouts, idColumn: r.idColumn)
        let names = r.features ?? DropoutRateEstimate.defaultFeatures(pool)
        let estimate = try DropoutRateEstimate(panel: pool, dropouts: ids, dropoutSource: source, features: names, confidence: r.confidence)
        files.add(r.outName, estimate.csv)
        let w = TextTable<FileLine>(r.language), n = w.format.count, p = { w.format.percent($0) }
        var lines = [w(.ratesHeading, n(pool.count), n(ids.count), n(Int((r.confidence * 100).rounded())))]
        for row in estimate.rows {
            lines.append(w(.rateRow, row.feature, row.value, n(row.dropouts), n(row.members), p(row.rate), p(row.low), p(row.high)))
        }
        lines.append(TextTable<CommonLine>(r.language)(.wroteFile, r.out))
        return Result(lines: lines, warnings: [], files: files.names, members: pool.count, dropouts: ids.count, csv: estimate.csv)
    }
}
