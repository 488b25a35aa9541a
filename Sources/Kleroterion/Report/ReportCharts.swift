import Foundation

/// The report's charts as inline SVG: no scripts, fonts or images, so the HTML stays one self-contained file.
///
/// Every chart comes in two widths: a 680-unit viewBox for screens and print, and a 360-unit one (labels above the
/// bars) that the stylesheet shows instead on a phone. Neither is drawn narrower than its viewBox, so the smallest
/// text, 11 units, is at least 11 px.
enum ReportCharts {
    /// The width of the phone version of every chart.
    static let narrowWidth = 360.0
    /// The smallest font size of any chart text, in viewBox units (= CSS pixels at the chart's narrowest).
    static let smallestText = 11.0

    /// One share axis for all composition charts, so that equal bars mean equal shares in every chart.
    static func compositionScale(_ features: [FeatureComposition], panelSize: Int) -> Double {
        let k = Double(max(panelSize, 1))
        let largest = features.flatMap(\.values).map { v in max(v.populationShare ?? 0, v.poolShare, v.panelShare, Double(v.quotaMax) / k) }.max() ?? 1
        return Inequality.niceCeiling(min(1, max(largest, 0.01)))
    }

    static let width = 680.0
    static let colours = (population: "#9aa5b4", pool: "#e08a1e", panel: "#1f4e79", band: "#1f4e79", alert: "#b42318")

    /// Population, pool and panel shares per value as horizontal bars, with the quota band shaded behind them.
    static func composition(_ feature: FeatureComposition, panelSize: Int, scale: Double? = nil, narrow: Bool = false, text x: ReportText) -> String {
        let width = narrow ? narrowWidth : Self.width
        // Narrow: the value's name goes on its own line above its three bars.
        let label = narrow ? 8.0 : 196.0, right = 54.0, plot = width - label - right, nameLine = narrow ? 17.0 : 0
        let barH = 12.0, gap = 1.5, groupPad = 12.0, top = narrow ? 50.0 : 30.0
        let group = 3 * barH + 2 * gap + groupPad + nameLine
        let k = Double(max(panelSize, 1))
        let scale = scale ?? compositionScale([feature], panelSize: panelSize)
        let height = top + Double(feature.values.count) * group + 24
        // Gridlines at round shares: a scale of 2·10^e gets 4 steps (0.05 each for 20%), the others 5.
        let leading = scale / pow(10, floor(log10(scale)))
        let ticks = abs(leading - 2) < 1e-9 ? 4 : 5
        func px(_ share: Double) -> Double { label + plot * min(share, scale) / scale }
        var s = svgOpen(width: width, height: height, title: x.t(.chartCaption, x.name(feature)))
        s += legend(x, y: 13, start: narrow ? 8 : 200, wrapAt: narrow ? width : nil)
        for tick in 0...ticks {
            let value = scale * Double(tick) / Double(ticks), xx = px(value)
            s += line(xx, top - 4, xx, height - 22, stroke: "#e3e6ea")
            let whole = abs(value * 100 - (value * 100).rounded()) < 1e-9
            s += textEl(x.f.percent(value, digits: whole ? 0 : 1), x: xx, y: height - 8, size: 11, anchor: "middle", fill: "#5b6573")
        }
        for (i, v) in feature.values.enumerated() {
            let y0 = top + Double(i) * group + nameLine
            // The quota band: at least 4 units wide and edged solidly, so a band of one seat (or an exact count) shows.
            var lo = px(Double(v.quotaMin) / k), hi = px(Double(v.quotaMax) / k)
            if hi - lo < 4 { let mid = (lo + hi) / 2; lo = max(label, mid - 2); hi = lo + 4 }
            s += "<rect x=\"\(f2(lo))\" y=\"\(f2(y0 - 2))\" width=\"\(f2(hi - lo))\" height=\"\(f2(3 * barH + 2 * gap + 4))\" fill=\"\(colours.band)\" fill-opacity=\"0.16\" stroke=\"\(colours.band)\" stroke-opacity=\"0.8\" stroke-width=\"1\" data-quota-band=\"\(v.quotaMin)-\(v.quotaMax)\"/>"
            if narrow {
                s += textEl(truncate(x.name(v), 44), x: label, y: y0 - 5, size: 12, anchor: "start", fill: v.outsideQuota ? colours.alert : "#1d2733", bold: true)
            } else {
                s += textEl(truncate(x.name(v), 30), x: label - 8, y: y0 + 1.5 * barH + gap + 4, size: 12, anchor: "end",
                            fill: v.outsideQuota ? colours.alert : "#1d2733", bold: v.outsideQuota)
            }
            let bars: [(Double?, String, String)] = [
                (v.populationShare, colours.population, x.optionalPercent(v.populationShare)),
                (v.poolShare, colours.pool, x.f.percent(v.poolShare)),
                (v.panelShare, v.outsideQuota ? colours.alert : colours.panel, x.f.percent(v.panelShare)),
            ]
            for (j, bar) in bars.enumerated() {
                let y = y0 + Double(j) * (barH + gap)
                guard let share = bar.0 else {
                    s += textEl(x.t(.notKnown), x: label + 3, y: y + barH - 1.5, size: 11, anchor: "start", fill: "#6b7482")
                    continue
                }
                let w = max(px(share) - label, share > 0 ? 1 : 0)
                s += "<rect x=\"\(f2(label))\" y=\"\(f2(y))\" width=\"\(f2(w))\" height=\"\(f2(barH))\" fill=\"\(bar.1)\" rx=\"1\"/>"
                // The figure goes right of both the bar and the quota band, so no line crosses it.
                s += textEl(bar.2, x: max(label + w, hi) + 3, y: y + barH - 1.5, size: 11, anchor: "start", fill: "#3b4452")
            }
        }
        s += line(label, top - 4, label, height - 22, stroke: "#5b6573")
        return s + "</svg>"
    }

    /// How many respondents had which chance, with the minimum marked.
    static func histogram(_ fairness: Fairness, narrow: Bool = false, text x: ReportText) -> String {
        let width = narrow ? narrowWidth : Self.width
        let left = 52.0, right = 26.0, bottom = 38.0, top = 26.0, height = 240.0, plotW = width - left - right, plotH = height - top - bottom
        let bins = fairness.histogram
        guard let upper = bins.last?.upper, upper > 0, !bins.isEmpty else { return svgOpen(width: width, height: 40, title: x.t(.histogramCaption)) + "</svg>" }
        let most = Double(max(bins.map(\.count).max() ?? 1, 1))
        let yMax = Inequality.niceCeiling(most)
        var s = svgOpen(width: width, height: height, title: x.t(.histogramCaption))
        for tick in 0...4 {
            let value = yMax * Double(tick) / 4, y = top + plotH - plotH * value / yMax
            s += line(left, y, width - right, y, stroke: "#e3e6ea")
            s += textEl(x.f.count(Int(value.rounded())), x: left - 6, y: y + 4, size: 11, anchor: "end", fill: "#5b6573")
        }
        let bw = plotW / Double(bins.count)
        for (i, bin) in bins.enumerated() where bin.count > 0 {
            let h = max(plotH * Double(bin.count) / yMax, 1)
            s += "<rect x=\"\(f2(left + Double(i) * bw + 1))\" y=\"\(f2(top + plotH - h))\" width=\"\(f2(bw - 2))\" height=\"\(f2(h))\" fill=\"\(colours.panel)\" rx=\"1\"/>"
        }
        for i in stride(from: 0, through: bins.count, by: 4) {
            let xx = left + Double(i) * bw
            s += textEl(x.f.percent(upper * Double(i) / Double(bins.count), digits: upper < 0.05 ? 2 : (upper < 0.5 ? 1 : 0)), x: xx, y: top + plotH + 15, size: 11, anchor: "middle", fill: "#5b6573")
        }
        let minX = left + plotW * fairness.minimum / upper
        s += "<line x1=\"\(f2(minX))\" y1=\"\(f2(top))\" x2=\"\(f2(minX))\" y2=\"\(f2(top + plotH))\" stroke=\"\(colours.alert)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
        s += "<line x1=\"\(f2(minX))\" y1=\"\(f2(top - 12))\" x2=\"\(f2(minX))\" y2=\"\(f2(top))\" stroke=\"\(colours.alert)\" stroke-width=\"1.2\"/>"
        s += textEl(x.t(.fairnessMinimum) + ": " + x.f.chance(fairness.minimum), x: min(minX + 4, width - 170), y: top - 8, size: 11, anchor: "start", fill: colours.alert, bold: true)
        s += line(left, top + plotH, width - right, top + plotH, stroke: "#5b6573")
        s += textEl(x.t(.histogramX), x: left + plotW / 2, y: height - 5, size: 11, anchor: "middle", fill: "#3b4452")
        s += "<text x=\"11\" y=\"\(f2(top + plotH / 2))\" font-size=\"11\" fill=\"#3b4452\" text-anchor=\"middle\" transform=\"rotate(-90 11 \(f2(top + plotH / 2)))\">\(esc(x.t(.histogramY)))</text>"
        return s + "</svg>"
    }

    /// Register → letters → respondents → panel as centred bars narrowing like a funnel. The widths are on a
    /// logarithmic scale (from 1 to the largest count): 62,000 residents and a panel of 150 would otherwise give a
    /// bar of 0.2 % width, and the last steps would be unreadable.
    static func funnel(_ steps: [(label: String, count: Int, ofPrevious: String?)], narrow: Bool = false, text x: ReportText) -> String {
        let width = narrow ? narrowWidth : Self.width
        // Narrow: each step's name above its bar, the bars start at the left.
        let nameLine = narrow ? 16.0 : 0, rowH = 34.0 + nameLine, labelW = narrow ? 4.0 : 270.0, countW = 140.0, plot = width - labelW - countW
        let height = Double(steps.count) * rowH + 6
        let largest = log10(Double(max(steps.map(\.count).max() ?? 1, 2)))
        var s = svgOpen(width: width, height: height, title: x.t(.funnelChart))
        for (i, step) in steps.enumerated() {
            let y = 3 + Double(i) * rowH + nameLine
            let w = max(plot * log10(Double(max(step.count, 1))) / largest, 4)
            let cx = narrow ? labelW + w / 2 : labelW + plot / 2
            if narrow {
                s += textEl(step.label, x: labelW, y: y + 1, size: 12, anchor: "start", fill: "#1d2733")
            } else {
                s += textEl(step.label, x: labelW - 10, y: y + (rowH - nameLine) / 2 + 4.5, size: 12.5, anchor: "end", fill: "#1d2733")
            }
            s += "<rect x=\"\(f2(cx - w / 2))\" y=\"\(f2(y + 4))\" width=\"\(f2(w))\" height=\"\(f2(rowH - nameLine - 8))\" fill=\"\(colours.panel)\" fill-opacity=\"\(f2(0.35 + 0.65 * Double(i + 1) / Double(steps.count)))\" rx=\"2\"/>"
            let count = x.f.count(step.count) + (step.ofPrevious.map { " (" + $0 + ")" } ?? "")
            s += textEl(count, x: narrow ? labelW + w + 8 : labelW + plot + 8, y: y + (rowH - nameLine) / 2 + 4.5, size: 12.5, anchor: "start", fill: "#1d2733", bold: true)
        }
        return s + "</svg>"
    }

    /// The legend in one line from `start`; with `wrapAt`, the quota key goes on a second line when it would not fit.
    private static func legend(_ x: ReportText, y: Double, start: Double, wrapAt: Double? = nil) -> String {
        var s = "", xx = start
        var y = y
        for (name, colour) in [(x.t(.legendPopulation), colours.population), (x.t(.legendPool), colours.pool), (x.t(.legendPanel), colours.panel)] {
            s += "<rect x=\"\(f2(xx))\" y=\"\(f2(y - 7))\" width=\"10\" height=\"8\" fill=\"\(colour)\"/>"
            s += textEl(name, x: xx + 14, y: y, size: 11, anchor: "start", fill: "#3b4452")
            xx += 24 + Double(name.count) * 6.4
        }
        if let wrapAt, xx + 20 + Double(x.t(.legendQuota).count) * 6.4 > wrapAt { xx = start; y += 18 }
        s += "<rect x=\"\(f2(xx))\" y=\"\(f2(y - 8))\" width=\"16\" height=\"10\" fill=\"\(colours.band)\" fill-opacity=\"0.10\" stroke=\"\(colours.band)\" stroke-opacity=\"0.55\" stroke-dasharray=\"3 2\" stroke-width=\"0.8\"/>"
        return s + textEl(x.t(.legendQuota), x: xx + 20, y: y, size: 11, anchor: "start", fill: "#3b4452")
    }

    private static func svgOpen(width: Double = width, height: Double, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(f2(width)) \(f2(height))\" width=\"100%\" role=\"img\" aria-label=\"\(esc(title))\" font-family=\"inherit\"><title>\(esc(title))</title>"
    }

    private static func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double, stroke: String) -> String {
        "<line x1=\"\(f2(x1))\" y1=\"\(f2(y1))\" x2=\"\(f2(x2))\" y2=\"\(f2(y2))\" stroke=\"\(stroke)\" stroke-width=\"0.8\"/>"
    }

    private static func textEl(_ text: String, x: Double, y: Double, size: Double, anchor: String, fill: String, bold: Bool = false) -> String {
        "<text x=\"\(f2(x))\" y=\"\(f2(y))\" font-size=\"\(f2(size))\" text-anchor=\"\(anchor)\" fill=\"\(fill)\"\(bold ? " font-weight=\"600\"" : "")>\(esc(text))</text>"
    }

    private static func truncate(_ text: String, _ limit: Int) -> String {
        text.count <= limit ? text : String(text.prefix(limit - 1)) + "…"
    }

    /// Coordinates with two decimals, locale-independent.
    static func f2(_ x: Double) -> String {
        let text = String(format: "%.2f", x)
        var t = Substring(text)
        while t.hasSuffix("0") { t = t.dropLast() }
        if t.hasSuffix(".") { t = t.dropLast() }
        return t == "-0" ? "0" : String(t)
    }

    /// Escapes text for HTML and SVG (one escaper for every published HTML text: `PublishedText`).
    static func esc(_ text: String) -> String { PublishedText.escapeHTML(text) }
}
