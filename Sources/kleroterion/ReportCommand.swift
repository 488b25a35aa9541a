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
    @Option(help: "nl (Dutch, the default), en (English) or de (German).") var language: String = "nl"
    @Option(help: "Comma-separated: html, md, json, pdf (pdf needs Chromium).") var format: String = "html,md,json"
    @Option(help: "Residents in the register, for the funnel (overrides what the draw knew).") var registerCount: Int?
    @Option(help: "Invitation letters sent, for the funnel (overrides what the draw knew).") var invitedCount: Int?

    func run() throws {
        try reportingErrors {
            let registerCount = try checkedCount(self.registerCount, option: "--register-count")
            let invitedCount = try checkedCount(self.invitedCount, option: "--invited-count")
            let language = try ReportFiles.language(self.language)
            let formats = try ReportFiles.Format.list(format)
            var report = try RepresentativenessReport.load(path: (runFolder as NSString).appendingPathComponent("report.json"))
            if let registerCount { report.funnel.registerCount = registerCount }
            if let invitedCount { report.funnel.invitedCount = invitedCount }
            var files = try outputFolder(runFolder, inputs: [], placement: .updateFolder)
            try ReportFiles.add(report, language: language, formats: formats, to: &files)
            if formats.contains(.pdf) {
                files.add("report.pdf", data: try PDFPrinter.print(html: HTMLReport.render(report, language: language)))
            }
            try files.commit()
            print("Wrote \(files.names.joined(separator: ", ")) to \(runFolder)")
        }
    }
}

/// Prints HTML to PDF with headless Chromium (Debian's `chromium`), the one real dependency for PDF output.
enum PDFPrinter {
    static func chromium() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["KLEROTERION_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser",
                          "/usr/bin/google-chrome"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    static func print(html: String) throws -> Data {
        guard let browser = chromium() else {
            throw KleroterionError("--format pdf needs Chromium, which is not installed",
                                   fix: "install it (Debian: apt-get install chromium, or `make deps`), or open report.html in a browser and save it as PDF")
        }
        let dir = NSTemporaryDirectory() + "kleroterion-pdf-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let input = dir + "/report.html", output = dir + "/report.pdf"
        guard FileManager.default.createFile(atPath: input, contents: Data(html.utf8)) else {
            throw KleroterionError(file: input, "a temporary file cannot be written", fix: "check that the temporary folder is writable")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer", "--user-data-dir=\(dir)/profile",
                             "--print-to-pdf=\(output)", "file://\(input)"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            throw KleroterionError(file: browser, "Chromium could not be started", fix: "check the Chromium installation, or save report.html as PDF from a browser")
        }
        process.waitUntilExit()
        guard process.terminationStatus == 0, let data = FileManager.default.contents(atPath: output), data.starts(with: Data("%PDF".utf8)) else {
            throw KleroterionError(file: browser, "Chromium did not produce a PDF (exit code \(process.terminationStatus))",
                                   fix: "open report.html in a browser and save it as PDF instead")
        }
        return data
    }
}
