import Foundation

/// `report`: render the representativeness report of a finished draw again (issue #7), from the report.json the
/// draw stored, e.g. in another language or as PDF, without redoing the draw. The caller's `OutputFiles` is the
/// run folder with placement `.updateFolder`.
public enum ReportWorkflow {
    /// Which draw, in which language and formats.
    public struct Request: Sendable {
        /// The folder of a draw (it holds report.json).
        public var runFolder: String
        public var language: ReportLanguage = .nl
        /// html, md, json and/or pdf (pdf needs Chromium, see `PDFPrinter`).
        public var formats: [ReportFiles.Format] = ReportFiles.defaultFormats
        /// The funnel's counts, overriding what the draw knew.
        public var registerCount: Int?
        public var invitedCount: Int?

        public init(runFolder: String) { self.runFolder = runFolder }

        /// The stored report model.
        public var reportFile: String { (runFolder as NSString).appendingPathComponent("report.json") }

        /// Refuses negative counts, and a folder without a readable report.json (before the folder is checked as output).
        public func validate() throws {
            _ = try RequestChecks.count(registerCount, option: "--register-count")
            _ = try RequestChecks.count(invitedCount, option: "--invited-count")
            _ = try RepresentativenessReport.load(path: reportFile)
        }
    }

    /// The rendered report.
    public struct Result: Sendable {
        /// The line the CLI prints once the files are written.
        public var lines: [String]
        public var warnings: [String]
        public var files: [String]
        /// The report model with the funnel's counts applied, and its HTML (report.html's text).
        public var report: RepresentativenessReport
        public var html: String
    }

    /// Renders the report and queues the files into `files`.
    public static func run(_ request: Request, into files: inout OutputFiles, events: WorkflowEvents = .silent) throws -> Result {
        let r = request
        _ = try RequestChecks.count(r.registerCount, option: "--register-count")
        _ = try RequestChecks.count(r.invitedCount, option: "--invited-count")
        var report = try RepresentativenessReport.load(path: r.reportFile)
        if let registerCount = r.registerCount { report.funnel.registerCount = registerCount }
        if let invitedCount = r.invitedCount { report.funnel.invitedCount = invitedCount }
        try ReportFiles.add(report, language: r.language, formats: r.formats, to: &files)
        let html = HTMLReport.render(report, language: r.language)
        if r.formats.contains(.pdf) {
            try events.checkCancelled()
            events.step(TextTable<FileLine>(r.language)(.printing))
            files.add("report.pdf", data: try PDFPrinter.print(html: html))
        }
        let wrote = TextTable<CommonLine>(r.language)(.wrote, files.directory, files.names.joined(separator: ", "))
        return Result(lines: [wrote], warnings: [], files: files.names,
                      report: report, html: html)
    }
}
