import Foundation

/// Prints HTML to PDF with headless Chromium (Debian's `chromium`), the one real dependency for PDF output.
public enum PDFPrinter {
    /// The Chromium to use: `$KLEROTERION_CHROMIUM`, or Debian's and Google's usual paths.
    public static func chromium() -> String? {
        let candidates = [ProcessInfo.processInfo.environment["KLEROTERION_CHROMIUM"], "/usr/bin/chromium", "/usr/bin/chromium-browser",
                          "/usr/bin/google-chrome"].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// The PDF of `html`, printed by headless Chromium in a temporary folder (removed afterwards).
    public static func print(html: String) throws -> Data {
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
