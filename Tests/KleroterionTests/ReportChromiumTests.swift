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

    /// Measures legibility after layout: the page does not scroll sideways, chart text is at least 11 px on screen and
    /// no two chart labels overlap, and no table header breaks inside a word.
    static let legibilityProbe = """
    <script>
    window.addEventListener('load', () => {
      const overlaps = [], small = [], brokenHeaders = [];
      let shown = 0;
      document.querySelectorAll('figure[data-chart] svg').forEach(svg => {
        const chart = svg.closest('figure').dataset.chart;
        if (svg.getBoundingClientRect().width === 0) return;   // the other version of the chart (wide or phone)
        shown += 1;
        const right = svg.closest('figure').getBoundingClientRect().right;
        svg.querySelectorAll('text').forEach(t => { if (t.getBoundingClientRect().right > right + 1) small.push(chart + ':cut off:' + t.textContent); });
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const texts = [...svg.querySelectorAll('text')];
        texts.forEach(t => { const px = parseFloat(t.getAttribute('font-size')) * scale; if (px < 10.95) small.push(chart + ':' + t.textContent + ':' + px.toFixed(1)); });
        const boxes = texts.map(t => ({ t: t.textContent, r: t.getBoundingClientRect() }));
        for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i].r, b = boxes[j].r;
          const w = Math.min(a.right, b.right) - Math.max(a.left, b.left), h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
          if (w > 1 && h > 1) overlaps.push(chart + ':' + boxes[i].t + ' / ' + boxes[j].t);
        }
      });
      document.querySelectorAll('th').forEach(th => {
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        let node; while ((node = walker.nextNode())) {
          const re = /\\S+/g; let m;
          while ((m = re.exec(node.textContent))) {
            const range = document.createRange(); range.setStart(node, m.index); range.setEnd(node, m.index + m[0].length);
            const lines = new Set([...range.getClientRects()].map(r => Math.round(r.top)));
            if (lines.size > 1) brokenHeaders.push(m[0]);
          }
        }
      });
      const result = { viewport: window.innerWidth, scrollWidth: document.documentElement.scrollWidth, overlaps, small, brokenHeaders, shown };
      // Inside the phone frame (a srcdoc iframe, same origin) the result goes to the outer page, which --dump-dom prints.
      const target = window.parent !== window ? window.parent.document : document;
      const pre = target.createElement('pre'); pre.textContent = 'PROBE' + JSON.stringify(result) + 'EBORP'; target.body.appendChild(pre);
    });
    </script>
    """

    struct LegibilityProbe: Decodable { var viewport: Int; var scrollWidth: Int; var overlaps: [String]; var small: [String]; var brokenHeaders: [String]; var shown: Int }

    /// The report on a desktop screen (1240 px) and a phone (400 px). Screenshots go to `test-artifacts/report/`:
    /// `zeist-report.LANG.1240.png` and `zeist-report.LANG.400.png`; look at them after a change to the report.
    /// Headless Chromium's windows are at least 500 px wide, so the phone is a 400 px frame inside a wider page.
    static func phoneFrame(_ html: String, width: Int, height: Int) -> String {
        let escaped = html.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        return "<!DOCTYPE html><html><body style=\"margin:0;background:#ccc\"><iframe style=\"border:0;display:block;width:\(width)px;height:\(height)px\" srcdoc=\"\(escaped)\"></iframe></body></html>"
    }

    @Test(.enabled(if: ReportChromiumTests.chromium != nil,
                   "Chromium is not installed, so report.html was NOT checked in a browser: run `make deps` (installs Debian's chromium)"),
          arguments: [1240, 400])
    func reportIsLegibleOnScreenAndPhone(width: Int) throws {
        let report = try ReportExamples.zeistLike(transparency: ReportExamples.sampleTransparency)
        try FileManager.default.createDirectory(at: Self.artifacts, withIntermediateDirectories: true)
        let profile = temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: profile) }
        for language in ReportLanguage.allCases {
            let html = HTMLReport.render(report, language: language)
            let page = Self.artifacts.appendingPathComponent("zeist-report.\(language.rawValue).\(width).html")
            let probePage = Self.artifacts.appendingPathComponent("zeist-report.\(language.rawValue).\(width).probe.html")
            let probed = html.replacingOccurrences(of: "</body>", with: Self.legibilityProbe + "</body>")
            let phone = width < 500, height = phone ? 9000 : 4800
            try (phone ? Self.phoneFrame(html, width: width, height: height) : html).write(to: page, atomically: true, encoding: .utf8)
            try (phone ? Self.phoneFrame(probed, width: width, height: height) : probed).write(to: probePage, atomically: true, encoding: .utf8)
            let window = phone ? 500 : width
            let dom = try runChromium(["--window-size=\(window),1800", "--virtual-time-budget=5000", "--dump-dom", probePage.absoluteString], profile: profile)
            let start = try #require(dom.range(of: "PROBE{"), "the probe script did not run in Chromium")
            let end = try #require(dom.range(of: "}EBORP"))
            let json = ("{" + String(dom[start.upperBound..<end.lowerBound]) + "}")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            let probe = try JSONDecoder().decode(LegibilityProbe.self, from: Data(json.utf8))
            #expect(probe.viewport == width)
            #expect(probe.scrollWidth <= width, "\(language) at \(width) px: the page scrolls sideways (\(probe.scrollWidth) px)")
            #expect(probe.small.isEmpty, "\(language) at \(width) px: chart text below 11 px: \(probe.small.prefix(5))")
            #expect(probe.overlaps.isEmpty, "\(language) at \(width) px: chart labels overlap: \(probe.overlaps.prefix(5))")
            #expect(probe.shown == 6, "\(language) at \(width) px: \(probe.shown) charts shown, expected 6 (one version of each)")
            #expect(probe.brokenHeaders.isEmpty, "\(language) at \(width) px: table headers break inside a word: \(probe.brokenHeaders.prefix(5))")

            let png = Self.artifacts.appendingPathComponent("zeist-report.\(language.rawValue).\(width).png")
            try? FileManager.default.removeItem(at: png)
            try runChromium(["--window-size=\(window),\(height)", "--virtual-time-budget=3000", "--screenshot=\(png.path)", page.absoluteString], profile: profile)
            let image = try #require(FileManager.default.contents(atPath: png.path), "Chromium wrote no screenshot")
            #expect(image.starts(with: [0x89, 0x50, 0x4E, 0x47]) && image.count > 50_000)
        }
    }
}
