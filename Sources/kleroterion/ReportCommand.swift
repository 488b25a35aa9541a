import ArgumentParser
import Foundation
import Kleroterion

/// `kleroterion report`: re-renders the representativeness report of a finished draw (issue #7).
///
/// A draw stores its report model as `report.json`; this command renders it again, for instance in English,
/// or as PDF, without redoing the draw.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write the representativeness report of a draw again (HTML, Markdown, JSON or PDF).",
        discussion: "Reads report.json from the folder a draw was written to and writes report.html, report.md and report.json there."
    )

    @Option(name: .customLong("run"), help: "The folder of a draw (it holds report.json).") var runFolder: String
    @Option(help: "Language of the report and of the console's lines: nl (Dutch, the default), en (English) or de (German).") var language: String = "nl"
    @Option(help: "Comma-separated: html, md, json, pdf (pdf needs Chromium).") var format: String = "html,md,json"
    @Option(help: "Residents in the register, for the funnel (overrides what the draw knew).") var registerCount: Int?
    @Option(help: "Invitation letters sent, for the funnel (overrides what the draw knew).") var invitedCount: Int?

    func run() throws {
        try reportingErrors {
            var request = ReportWorkflow.Request(runFolder: runFolder)
            request.registerCount = registerCount
            request.invitedCount = invitedCount
            _ = try RequestChecks.count(registerCount, option: "--register-count")
            _ = try RequestChecks.count(invitedCount, option: "--invited-count")
            request.language = try ReportFiles.language(language)
            request.formats = try ReportFiles.Format.list(format)
            try request.validate()
            var files = try outputFolder(runFolder, inputs: [], placement: .updateFolder)
            let result = try ReportWorkflow.run(request, into: &files, events: .silent)
            try files.commit()
            show(result.lines, warnings: result.warnings)
        }
    }
}
