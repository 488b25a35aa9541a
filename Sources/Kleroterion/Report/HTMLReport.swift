/// Renders `report.html`: one self-contained file (no external fonts, scripts or images; charts as inline SVG)
/// with print CSS for A4, so that "save as PDF" in any browser gives a clean document.
///
/// Every section is a `<section data-section="…">` and every chart a `<figure data-chart="…">`; the Chromium
/// test relies on these markers.
public enum HTMLReport {
    public static func render(_ report: RepresentativenessReport, language: ReportLanguage) -> String {
        let x = ReportText(report, language: language)
        let t = x.t, f = x.f
        let e = ReportCharts.esc
        var h = "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
        h += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        h += "<title>\(e(t(.title)))</title>\n<style>\n\(css)</style>\n</head>\n<body>\n<main>\n"
        h += "<header>\n<h1>\(e(t(.title)))</h1>\n<p class=\"subtitle\">\(e(t(.subtitle, f.count(report.funnel.panelCount), f.count(report.funnel.respondentCount))))</p>\n"
        h += "<p class=\"meta\">\(e(t(.methodAlgorithm))): <strong>\(e(report.algorithm))</strong> · \(e(t(.methodSeed))): <code>\(e(report.seed))</code></p>\n"
        h += "<p class=\"privacy\">\(e(t(.privacy)))</p>\n</header>\n"

        func section(_ id: String, _ number: Int, _ title: String, _ body: String) {
            h += "<section data-section=\"\(id)\" id=\"\(id)\">\n<h2><span class=\"num\">\(number)</span>\(e(title))</h2>\n\(body)</section>\n"
        }
        func table(_ header: [String], _ rows: [[String]], numeric: Set<Int>, rowAttributes: [String]? = nil, cls: String = "",
                   columns: [String] = []) -> String {
            var s = "<div class=\"scroll\"><table\(cls.isEmpty ? "" : " class=\"\(cls)\"")>"
            if !columns.isEmpty { s += "<colgroup>" + columns.map { "<col class=\"\($0)\">" }.joined() + "</colgroup>" }
            s += "<thead><tr>"
            for (i, c) in header.enumerated() { s += "<th\(numeric.contains(i) ? " class=\"n\"" : "")>\(e(c))</th>" }
            s += "</tr></thead><tbody>\n"
            for (r, row) in rows.enumerated() {
                s += "<tr\(rowAttributes?[r] ?? "")>"
                for (i, c) in row.enumerated() { s += "<td\(numeric.contains(i) ? " class=\"n\"" : "")>\(c)</td>" }
                s += "</tr>\n"
            }
            return s + "</tbody></table></div>\n"
        }

        section("summary", 1, t(.summaryHeading), "<ul class=\"summary\">\n" + x.summary.map { "<li>\(e($0))</li>\n" }.joined() + "</ul>\n")

        var funnel = "<p>\(e(t(.funnelIntro)))</p>\n"
        /// Both versions of a chart: the stylesheet shows the narrow one on a phone.
        func both(_ wide: String, _ narrow: String) -> String { "<div class=\"wide-chart\">\(wide)</div><div class=\"narrow-chart\">\(narrow)</div>" }
        funnel += "<figure data-chart=\"funnel\">\(both(ReportCharts.funnel(x.funnelSteps, text: x), ReportCharts.funnel(x.funnelSteps, narrow: true, text: x)))<figcaption>\(e(t(.funnelChart))). \(e(t(.funnelLogScale)))</figcaption></figure>\n"
        funnel += table([t(.funnelStep), t(.funnelCount), t(.funnelOfPrevious)],
                        x.funnelSteps.map { [e($0.label), f.count($0.count), $0.ofPrevious ?? x.dash] }, numeric: [1, 2],
                        rowAttributes: x.funnelSteps.map { _ in " data-row=\"funnel\"" }, cls: "narrow")
        if let rate = report.funnel.responseRate { funnel += "<p>\(e(t(.funnelResponseRate, f.percent(rate))))</p>\n" }
        for sentence in x.weightingSentences { funnel += "<p>\(e(sentence))</p>\n" }
        if !report.funnel.strata.isEmpty {
            funnel += "<h3>\(e(t(.funnelStrataHeading)))</h3>\n"
            funnel += table([t(.funnelStratum), t(.funnelPopulation), t(.funnelLetters), t(.funnelWeight), t(.funnelRegistrations), t(.funnelRate)],
                            report.funnel.strata.map { s in
                                [e(x.stratumName(s)), s.population.map(f.count) ?? x.dash, s.invited.map(f.count) ?? x.dash,
                                 s.weight.map { f.decimal($0, digits: 2) } ?? x.dash, s.respondents.map(f.count) ?? x.dash,
                                 s.responseRate.map { f.percent($0) } ?? x.dash]
                            }, numeric: [1, 2, 3, 4, 5])
        }
        section("funnel", 2, t(.funnelHeading), funnel)

        var composition = "<p>\(e(t(.compositionIntro)))</p>\n<p class=\"small\">\(e(x.sharesSource)) "
        composition += "<span class=\"key out\">\(e(t(.legendOutsideQuota)))</span> <span class=\"key far\">\(e(t(.legendFar)))</span></p>\n"
        let scale = ReportCharts.compositionScale(report.features, panelSize: report.panelSize)
        for (i, feature) in report.features.enumerated() {
            composition += "<div class=\"feature\" data-feature=\"\(e(feature.name))\">\n<h3>\(e(x.name(feature)))</h3>\n"
            composition += "<figure data-chart=\"feature-\(i + 1)\">\(both(ReportCharts.composition(feature, panelSize: report.panelSize, scale: scale, text: x), ReportCharts.composition(feature, panelSize: report.panelSize, scale: scale, narrow: true, text: x)))</figure>\n"
            let rows = feature.values.map { v -> [String] in
                var cells = x.cells(v).map(e)
                if v.outsideQuota { cells[5] = "<strong>\(cells[5])</strong>" }
                return cells
            }
            let attributes = feature.values.map { v in
                let cls = [v.outsideQuota ? "out" : nil, v.farFromProportional ? "far" : nil].compactMap { $0 }.joined(separator: " ")
                return " data-value=\"\(e(v.value))\"" + (cls.isEmpty ? "" : " class=\"\(cls)\"")
            }
            composition += table(x.columnHeaders, rows, numeric: Set(1...8), rowAttributes: attributes, cls: "composition")
            if let origin = x.sharesOrigin(feature) { composition += "<p class=\"small\" data-origin>\(e(origin)).</p>\n" }
            if let remark = x.sharesRemark(feature) { composition += "<p class=\"small\">\(e(remark))</p>\n" }
            composition += "<p class=\"reading\">\(e(x.reading(feature)))</p>\n</div>\n"
        }
        section("composition", 3, t(.compositionHeading), composition)

        var statistics = "<p>\(e(t(.statisticsIntro)))</p>\n"
        statistics += table([t(.colFeature), t(.colTest), t(.colPValuePanel), t(.colReading), t(.colPValuePool), t(.colPoolReading)],
                            report.features.map { feature in
                                [e(x.name(feature)), e(feature.panelTest.map(x.methodName) ?? x.dash), e(x.pValueText(feature.panelTest)),
                                 e(x.reading(feature)), e(x.pValueText(feature.poolTest)), e(x.poolReading(feature))]
                            }, numeric: [2, 4],
                            rowAttributes: report.features.map { feature in
                                " data-feature=\"\(e(feature.name))\"" + ((feature.panelTest?.showsDifference ?? false) ? " class=\"far\"" : "")
                            }, cls: "statistics", columns: ["feature", "test", "p", "reading", "p", "pool"])
        if x.hasSimulatedTests { statistics += "<p class=\"small\">\(e(t(.simulatedNote, f.count(GoodnessOfFit.simulationCount))))</p>\n" }
        section("statistics", 4, t(.statisticsHeading), statistics)

        var fairness = "<p>\(e(t(.fairnessIntro, f.count(report.fairness.respondentCount))))</p>\n<div class=\"figures\">\n"
        for figure in x.fairnessFigures {
            fairness += "<div class=\"figure\"><div class=\"value\">\(e(figure.value))</div><div class=\"label\">\(e(figure.label))</div></div>\n"
        }
        fairness += "</div>\n<figure data-chart=\"histogram\">\(both(ReportCharts.histogram(report.fairness, text: x), ReportCharts.histogram(report.fairness, narrow: true, text: x)))<figcaption>\(e(t(.histogramCaption)))</figcaption></figure>\n"
        fairness += "<p class=\"\(report.fairness.isEstimate ? "estimate" : "")\">\(e(x.chanceAccuracy))</p>\n"
        fairness += "<p class=\"guarantee\">\(e(x.guarantee))</p>\n"
        let certain = x.certainSentences
        if !certain.isEmpty {
            fairness += "<div class=\"certain\" data-certain><p>\(e(certain[0]))</p>"
            if certain.count > 1 { fairness += "<ul>" + certain.dropFirst().map { "<li>\(e($0))</li>" }.joined() + "</ul>" }
            fairness += "</div>\n"
        }
        section("fairness", 5, t(.fairnessHeading), fairness)
        if let dropouts = report.dropouts { h += DropoutReport.html(dropouts, language: language) }

        var method = "<dl>\n<dt>\(e(t(.methodSeed)))</dt><dd><code>\(e(report.seed))</code></dd>\n"
        method += "<dt>\(e(t(.methodAlgorithm)))</dt><dd>\(e(report.algorithm))</dd>\n"
        method += "<dt>\(e(t(.methodPanelSize)))</dt><dd>\(f.count(report.panelSize))</dd>\n</dl>\n"
        if report.valuesMatchedCaseInsensitively { method += "<p class=\"small\">\(e(t(.methodMatching)))</p>\n" }
        if !report.notes.isEmpty {
            let labels = FeatureLabels(report: report)
            method += "<p>\(e(t(.methodNotes))):</p>\n<ul>\n" + report.notes.map { "<li>\(e($0.text(language, labels: labels)))</li>\n" }.joined() + "</ul>\n"
        }
        section("method", 6, t(.methodHeading), method)

        var transparency = ""
        if let tr = report.transparency {
            transparency += "<dl>\n<dt>\(e(t(.methodSeed)))</dt><dd><code>\(e(report.seed))</code></dd>\n"
            if let source = tr.seedSource { transparency += "<dt>\(e(t(.transparencySeedSource)))</dt><dd>\(e(source))</dd>\n" }
            if let at = tr.committedAt { transparency += "<dt>\(e(t(.transparencyCommittedAt)))</dt><dd>\(e(at))</dd>\n" }
            if let m = tr.lotteryPanels { transparency += "<dt>\(e(t(.transparencyLottery)))</dt><dd>\(f.count(m))</dd>\n" }
            if let number = tr.panelNumber { transparency += "<dt>\(e(t(.transparencyPanelNumber)))</dt><dd>\(number)</dd>\n" }
            transparency += "</dl>\n"
            if !tr.hashes.isEmpty {
                transparency += "<h3>\(e(t(.transparencyHashes)))</h3>\n"
                transparency += table([t(.colFile), t(.colSha256)], tr.hashes.map { [e($0.file), "<code class=\"hash\">\(e($0.sha256))</code>"] }, numeric: [])
            }
            if let command = tr.verifyCommand {
                transparency += "<h3>\(e(t(.transparencyVerify)))</h3>\n<pre>\(e(command))</pre>\n"
            }
        } else {
            transparency += "<p>\(e(t(.transparencyAbsent)))</p>\n"
        }
        section("transparency", 7, t(.transparencyHeading), transparency)

        h += "<footer>\(e(t(.generatedBy)))</footer>\n</main>\n</body>\n</html>\n"
        return h
    }

    /// Screen and print styles. System fonts only (nothing is downloaded); A4 pages with 15 mm margins in print.
    static let css = """
    :root { --ink: #1d2733; --muted: #5b6573; --line: #d9dde3; --accent: #1f4e79; --out: #b42318; --outbg: #fdecea; --farbg: #fff4d6; }
    * { box-sizing: border-box; }
    html { background: #f3f4f6; }
    body { margin: 0; color: var(--ink); font: 10.5pt/1.45 "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, "DejaVu Sans", sans-serif; }
    main { max-width: 210mm; margin: 0 auto; background: #fff; padding: 14mm 12mm 10mm; }
    header { border-bottom: 3px solid var(--accent); padding-bottom: 4mm; margin-bottom: 5mm; }
    h1 { font-size: 20pt; line-height: 1.15; margin: 0 0 2mm; color: var(--accent); }
    h2 { font-size: 13.5pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1px solid var(--line); break-after: avoid; }
    h2 .num { display: inline-block; min-width: 7mm; color: var(--accent); }
    h3 { font-size: 11pt; margin: 5mm 0 1.5mm; break-after: avoid; }
    p { margin: 1.5mm 0; }
    .subtitle { font-size: 11.5pt; color: var(--muted); margin: 0 0 1mm; }
    .meta, .privacy, .small, figcaption, footer { font-size: 8.5pt; color: var(--muted); }
    .privacy { font-style: italic; }
    code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; background: #f1f3f5; padding: 0 1mm; border-radius: 2px; overflow-wrap: anywhere; }
    code.hash { background: none; padding: 0; font-size: 7.5pt; }
    pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f1f3f5; padding: 2mm 3mm; font-size: 8.5pt; }
    ul.summary { padding-left: 5mm; margin: 0; }
    ul.summary li { margin: 1mm 0; }
    table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 2mm 0 1mm; font-variant-numeric: tabular-nums; break-inside: auto; }
    table.narrow { width: auto; min-width: 60%; }
    table.statistics { table-layout: fixed; }
    table.statistics col.feature { width: 13%; } table.statistics col.test { width: 19%; } table.statistics col.p { width: 12%; }
    table.statistics col.reading { width: 28%; } table.statistics col.pool { width: 16%; }
    table.statistics td.n, table.statistics th.n { white-space: normal; }
    th, td { border-bottom: 1px solid var(--line); padding: 1mm 1.6mm; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    th { font-weight: 600; color: var(--muted); border-bottom: 1.5px solid #aab2bd; overflow-wrap: normal; word-break: normal; hyphens: manual; }
    .scroll { overflow-x: auto; max-width: 100%; }
    td.n, th.n { text-align: right; white-space: nowrap; }
    tr { break-inside: avoid; }
    tr.far td { background: var(--farbg); }
    tr.out td { background: var(--outbg); color: var(--out); }
    .key { display: inline-block; padding: 0 1.5mm; border-radius: 2px; margin-left: 1mm; }
    .key.out { background: var(--outbg); color: var(--out); }
    .key.far { background: var(--farbg); }
    figure { margin: 2mm 0; break-inside: avoid; overflow-x: auto; }
    /* Never narrower than the viewBox (680 or 360 units): chart text stays at 11 px or more. */
    figure svg { display: block; width: 100%; min-width: 680px; height: auto; }
    .narrow-chart { display: none; }
    .narrow-chart svg { min-width: 360px; }
    .certain { border-left: 3px solid var(--accent); padding-left: 3mm; margin: 2mm 0; }
    .certain ul { margin: 1mm 0; padding-left: 5mm; }
    .feature { break-inside: avoid-page; margin-bottom: 4mm; }
    .reading { font-style: italic; }
    .figures { display: grid; grid-template-columns: repeat(3, 1fr); gap: 2mm; margin: 2mm 0 3mm; }
    .figure { border: 1px solid var(--line); border-radius: 3px; padding: 2mm 3mm; }
    .figure .value { font-size: 14pt; font-weight: 600; color: var(--accent); font-variant-numeric: tabular-nums; }
    .figure .label { font-size: 8.5pt; color: var(--muted); }
    .estimate { border-left: 3px solid #e08a1e; padding-left: 2mm; }
    .guarantee { background: #eef3f8; padding: 2mm 3mm; border-radius: 3px; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 4mm; margin: 2mm 0; }
    dt { color: var(--muted); }
    dd { margin: 0; overflow-wrap: anywhere; }
    footer { margin-top: 8mm; border-top: 1px solid var(--line); padding-top: 2mm; }
    @media screen and (max-width: 600px) {
      body { font-size: 11pt; }
      main { padding: 5mm 4mm; }
      h1 { font-size: 17pt; }
      .figures { grid-template-columns: 1fr 1fr; }
      dl { grid-template-columns: 1fr; }
      dd { margin-bottom: 1.5mm; }
      table.narrow { min-width: 0; width: 100%; }
      .wide-chart { display: none; }
      .narrow-chart { display: block; }
    }
    @page { size: A4; margin: 15mm 15mm 16mm; }
    @media print {
      html { background: none; }
      body { font-size: 10pt; }
      main { max-width: none; margin: 0; padding: 0; }
      figure, .scroll { overflow: visible; }
      h2 { break-before: auto; }
      section[data-section="fairness"] { break-before: page; }
      a { color: inherit; text-decoration: none; }
    }

    """
}
