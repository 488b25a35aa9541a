import Foundation
import Testing
@testable import Kleroterion

/// Renders the Zeist-like report in real headless Chromium (Debian's `chromium`, installed by `make deps`).
///
/// Artifacts (the report, a screenshot and a PDF print) are kept in `test-artifacts/report/` (ignored by git).
/// Without Chromium the test is skipped with that reason, never passed silently.
@Suite struct ReportChromiumTests {
    static let chromium: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }
    static let artifacts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("test-artifacts/report")
    /// A4 is 210 mm wide: 794 CSS pixels at 96 per inch.
    static let a4Width = 794

    /// Measures the page after layout and writes the result into the DOM, which `--dump-dom` prints.
    static let probe = """
    <script>
    window.addEventListener('load', () => {
      const main = document.querySelector('main').getBoundingClientRect();
      const sections = [...document.querySelectorAll('section[data-section]')].map(s => ({
        id: s.dataset.section, text: s.innerText.trim().length, height: Math.round(s.getBoundingClientRect().height) }));
      const charts = [...document.querySelectorAll('figure[data-chart]')].map(f => {
        const svg = f.querySelector('svg'); const r = svg ? svg.getBoundingClientRect() : null;
        return { id: f.dataset.chart, svg: !!svg, shapes: svg ? svg.querySelectorAll('rect,line,text').length : 0,
                 width: r ? Math.round(r.width) : 0, height: r ? Math.round(r.height) : 0 }; });
      const overflowing = [...document.querySelectorAll('main *')].filter(e => {
        const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > main.right + 1 || r.left < main.left - 1);
      }).map(e => e.tagName + (e.className && e.className.baseVal === undefined ? '.' + e.className : '') + ':' + (e.textContent || '').slice(0, 40));
      const clipped = [...document.querySelectorAll('main td, main th, main dd, main pre, main figure, main p')]
        .filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.tagName + ':' + (e.textContent || '').slice(0, 40));
      const result = { clipped, viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth,
                       mainWidth: Math.round(main.width), sections, charts, overflowing };
      const pre = document.createElement('pre'); pre.id = 'kleroterion-probe';
      pre.textContent = 'PROBE' + JSON.stringify(result) + 'EBORP'; document.body.appendChild(pre);
    });
    </script>
    """

    struct Probe: Decodable {
        struct Section: Decodable { var id: String; var text: Int; var height: Int }
        struct Chart: Decodable { var id: String; var svg: Bool; var shapes: Int; var width: Int; var height: Int }
        var clipped: [String]; var viewport: Int; var scrollWidth: Int; var mainWidth: Int; var sections: [Section]; var charts: [Chart]; var overflowing: [String]
    }

    @discardableResult
    func runChromium(_ arguments: [String], profile: String) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
        process.arguments = ["120", Self.chromium!, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                             "--user-data-dir=\(profile)", "--no-first-run"] + arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "chromium \(arguments.first ?? "") exited with \(process.terminationStatus)")
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: ReportChromiumTests.chromium != nil,
                   "Chromium is not installed, so report.html was NOT checked in a browser: run `make deps` (installs Debian's chromium)"),
          arguments: ReportLanguage.allCases)
    func zeistReportRendersInChromium(language: ReportLanguage) throws {
        let report = try ReportExamples.zeistLike(transparency: ReportExamples.sampleTransparency)
        let html = HTMLReport.render(report, language: language)
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let page = Self.artifacts.appendingPathComponent("zeist-report.\(language.rawValue).html")
        let probePage = Self.artifacts.appendingPathComponent("zeist-report.\(language.rawValue).probe.html")
        try html.write(to: page, atomically: true, encoding: .utf8)
        try html.replacingOccurrences(of: "</body>", with: Self.probe + "</body>").write(to: probePage, atomically: true, encoding: .utf8)
        let profile = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: profile) }

        // 1. Layout at A4 width, measured inside the page.
        let dom = try runChromium(["--window-size=\(Self.a4Width),1123", "--virtual-time-budget=5000", "--dump-dom", probePage.absoluteString], profile: profile)
        // "PROBE{" appears only in the probe's output, not in the script's source.
        let start = try #require(dom.range(of: "PROBE{"), "the probe script did not run in Chromium")
        let end = try #require(dom.range(of: "}EBORP"))
        let json = "{" + String(dom[start.upperBound..<end.lowerBound]) + "}"
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
        let probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        #expect(probe.viewport == Self.a4Width)
        #expect(probe.scrollWidth <= Self.a4Width, "the page is wider than A4")
        #expect(probe.mainWidth <= Self.a4Width)
        #expect(probe.clipped.isEmpty, "text runs out of its table cell or box: \(probe.clipped.prefix(5))")
        #expect(probe.overflowing.isEmpty, "elements stick out of the A4 text column: \(probe.overflowing.prefix(5))")
        #expect(probe.sections.map(\.id) == ["summary", "funnel", "composition", "statistics", "fairness", "method", "transparency"])
        for section in probe.sections {
            #expect(section.text > 80 && section.height > 40, "section \(section.id) looks empty")
        }
        #expect(Set(probe.charts.map(\.id)) == ["funnel", "feature-1", "feature-2", "feature-3", "feature-4", "histogram"])
        for chart in probe.charts {
            #expect(chart.svg && chart.shapes >= 8 && chart.width > 300 && chart.height > 40, "chart \(chart.id) is missing or empty")
        }

        // 2. A screenshot, kept as an artifact.
        let png = Self.artifacts.appendingPathComponent("zeist-report.\(language.rawValue).png")
        try? FileManager.default.removeItem(at: png)
        try runChromium(["--window-size=\(Self.a4Width),4200", "--virtual-time-budget=3000", "--screenshot=\(png.path)", page.absoluteString], profile: profile)
        let image = try #require(FileManager.default.contents(atPath: png.path), "Chromium wrote no screenshot")
        #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 50_000)

        // 3. The print to PDF uses A4 pages (595 × 842 points).
        let pdf = Self.artifacts.appendingPathComponent("zeist-report.\(language.rawValue).pdf")
        try? FileManager.default.removeItem(at: pdf)
        try runChromium(["--no-pdf-header-footer", "--print-to-pdf=\(pdf.path)", page.absoluteString], profile: profile)
        let document = try #require(FileManager.default.contents(atPath: pdf.path), "Chromium wrote no PDF")
        #expect(document.starts(with: Data("%PDF".utf8)))
        let raw = String(decoding: document, as: UTF8.self)
        if let box = raw.range(of: #"/MediaBox \[0 0 [0-9.]+ [0-9.]+\]"#, options: .regularExpression) {
            let numbers = raw[box].split(separator: " ").compactMap { Double($0.trimmingCharacters(in: CharacterSet(charactersIn: "[]"))) }
            #expect(abs(numbers[2] - 595) < 2 && abs(numbers[3] - 842) < 2, "PDF page is not A4: \(raw[box])")
        }
    }
}
