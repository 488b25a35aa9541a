import Foundation

/// The report's charts as inline SVG: no scripts, fonts or images, so the HTML stays one self-contained file.
///
/// Every chart uses a 680-unit-wide viewBox and scales to the column width (the A4 text width in print).
enum ReportCharts {
    static let width = 680.0
    static let colours = (population: "#9aa5b4", pool: "#e08a1e", panel: "#1f4e79", band: "#1f4e79", alert: "#b42318")

    /// Population, pool and panel shares per value as horizontal bars, with the quota band shaded behind them.
    static func composition(_ feature: FeatureComposition, panelSize: Int, text x: ReportText) -> String {
        let label = 196.0, right = 50.0, plot = width - label - right
        let barH = 9.0, gap = 1.5, groupPad = 12.0, top = 30.0
        let group = 3 * barH + 2 * gap + groupPad
        let k = Double(max(panelSize, 1))
        let largest = feature.values.map { v in max(v.populationShare ?? 0, v.poolShare, v.panelShare, Double(v.quotaMax) / k) }.max() ?? 1
        let scale = Inequality.niceCeiling(min(1, max(largest, 0.01)))
        let height = top + Double(feature.values.count) * group + 24
        // Gridlines at round shares: a scale of 2·10^e gets 4 steps (0.05 each for 20%), the others 5.
        let leading = scale / pow(10, floor(log10(scale)))
        let ticks = abs(leading - 2) < 1e-9 ? 4 : 5
        func px(_ share: Double) -> Double { label + plot * min(share, scale) / scale }
        var s = svgOpen(height: height, title: x.t(.chartCaption, feature.name))
        s += legend(x, y: 13)
        for tick in 0...ticks {
            let value = scale * Double(tick) / Double(ticks), xx = px(value)
            s += line(xx, top - 4, xx, height - 22, stroke: "#e3e6ea")
            let whole = abs(value * 100 - (value * 100).rounded()) < 1e-9
            s += textEl(x.f.percent(value, digits: whole ? 0 : 1), x: xx, y: height - 8, size: 10.5, anchor: "middle", fill: "#5b6573")
        }
        for (i, v) in feature.values.enumerated() {
            let y0 = top + Double(i) * group
            let lo = px(Double(v.quotaMin) / k), hi = px(Double(v.quotaMax) / k)
            s += "<rect x=\"\(f2(lo))\" y=\"\(f2(y0 - 2))\" width=\"\(f2(max(hi - lo, 1.5)))\" height=\"\(f2(3 * barH + 2 * gap + 4))\" fill=\"\(colours.band)\" fill-opacity=\"0.10\" stroke=\"\(colours.band)\" stroke-opacity=\"0.55\" stroke-dasharray=\"3 2\" stroke-width=\"0.8\"/>"
            s += textEl(truncate(v.value, 30), x: label - 8, y: y0 + 1.5 * barH + gap + 4, size: 12, anchor: "end",
                        fill: v.outsideQuota ? colours.alert : "#1d2733", bold: v.outsideQuota)
            let bars: [(Double?, String, String)] = [
                (v.populationShare, colours.population, x.optionalPercent(v.populationShare)),
                (v.poolShare, colours.pool, x.f.percent(v.poolShare)),
                (v.panelShare, v.outsideQuota ? colours.alert : colours.panel, x.f.percent(v.panelShare)),
            ]
            for (j, bar) in bars.enumerated() {
                let y = y0 + Double(j) * (barH + gap)
                guard let share = bar.0 else {
                    s += textEl(x.t(.notKnown), x: label + 3, y: y + barH - 0.5, size: 9.5, anchor: "start", fill: "#8a94a3")
                    continue
                }
                let w = max(px(share) - label, share > 0 ? 1 : 0)
                s += "<rect x=\"\(f2(label))\" y=\"\(f2(y))\" width=\"\(f2(w))\" height=\"\(f2(barH))\" fill=\"\(bar.1)\" rx=\"1\"/>"
                s += textEl(bar.2, x: label + w + 3, y: y + barH - 0.5, size: 9.5, anchor: "start", fill: "#3b4452")
            }
        }
        s += line(label, top - 4, label, height - 22, stroke: "#5b6573")
        return s + "</svg>"
    }

    /// How many respondents had which chance, with the minimum marked.
    static func histogram(_ fairness: Fairness, text x: ReportText) -> String {
        let left = 52.0, bottom = 38.0, top = 26.0, height = 240.0, plotW = width - left - 12, plotH = height - top - bottom
        let bins = fairness.histogram
        guard let upper = bins.last?.upper, upper > 0, !bins.isEmpty else { return svgOpen(height: 40, title: x.t(.histogramCaption)) + "</svg>" }
        let most = Double(max(bins.map(\.count).max() ?? 1, 1))
        let yMax = Inequality.niceCeiling(most)
        var s = svgOpen(height: height, title: x.t(.histogramCaption))
        for tick in 0...4 {
            let value = yMax * Double(tick) / 4, y = top + plotH - plotH * value / yMax
            s += line(left, y, width - 12, y, stroke: "#e3e6ea")
            s += textEl(x.f.count(Int(value.rounded())), x: left - 6, y: y + 4, size: 10.5, anchor: "end", fill: "#5b6573")
        }
        let bw = plotW / Double(bins.count)
        for (i, bin) in bins.enumerated() where bin.count > 0 {
            let h = max(plotH * Double(bin.count) / yMax, 1)
            s += "<rect x=\"\(f2(left + Double(i) * bw + 1))\" y=\"\(f2(top + plotH - h))\" width=\"\(f2(bw - 2))\" height=\"\(f2(h))\" fill=\"\(colours.panel)\" rx=\"1\"/>"
        }
        for i in stride(from: 0, through: bins.count, by: 4) {
            let xx = left + Double(i) * bw
            s += textEl(x.f.percent(upper * Double(i) / Double(bins.count), digits: upper < 0.05 ? 2 : (upper < 0.5 ? 1 : 0)), x: xx, y: top + plotH + 15, size: 10.5, anchor: "middle", fill: "#5b6573")
        }
        let minX = left + plotW * fairness.minimum / upper
        s += "<line x1=\"\(f2(minX))\" y1=\"\(f2(top))\" x2=\"\(f2(minX))\" y2=\"\(f2(top + plotH))\" stroke=\"\(colours.alert)\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>"
        s += "<line x1=\"\(f2(minX))\" y1=\"\(f2(top - 12))\" x2=\"\(f2(minX))\" y2=\"\(f2(top))\" stroke=\"\(colours.alert)\" stroke-width=\"1.2\"/>"
        s += textEl(x.t(.fairnessMinimum) + ": " + x.f.chance(fairness.minimum), x: min(minX + 4, width - 170), y: top - 8, size: 10.5, anchor: "start", fill: colours.alert, bold: true)
        s += line(left, top + plotH, width - 12, top + plotH, stroke: "#5b6573")
        s += textEl(x.t(.histogramX), x: left + plotW / 2, y: height - 5, size: 11, anchor: "middle", fill: "#3b4452")
        s += "<text x=\"11\" y=\"\(f2(top + plotH / 2))\" font-size=\"11\" fill=\"#3b4452\" text-anchor=\"middle\" transform=\"rotate(-90 11 \(f2(top + plotH / 2)))\">\(esc(x.t(.histogramY)))</text>"
        return s + "</svg>"
    }

    /// Register → letters → respondents → panel as centred bars narrowing like a funnel.
    static func funnel(_ steps: [(label: String, count: Int, ofPrevious: String?)], text x: ReportText) -> String {
        let rowH = 34.0, labelW = 270.0, countW = 140.0, plot = width - labelW - countW
        let height = Double(steps.count) * rowH + 6
        let largest = Double(max(steps.map(\.count).max() ?? 1, 1))
        var s = svgOpen(height: height, title: x.t(.funnelChart))
        for (i, step) in steps.enumerated() {
            let y = 3 + Double(i) * rowH
            let w = max(plot * Double(step.count) / largest, 4)
            let cx = labelW + plot / 2
            s += textEl(step.label, x: labelW - 10, y: y + rowH / 2 + 4.5, size: 12.5, anchor: "end", fill: "#1d2733")
            s += "<rect x=\"\(f2(cx - w / 2))\" y=\"\(f2(y + 4))\" width=\"\(f2(w))\" height=\"\(f2(rowH - 8))\" fill=\"\(colours.panel)\" fill-opacity=\"\(f2(0.35 + 0.65 * Double(i + 1) / Double(steps.count)))\" rx=\"2\"/>"
            let count = x.f.count(step.count) + (step.ofPrevious.map { " (" + $0 + ")" } ?? "")
            s += textEl(count, x: labelW + plot + 8, y: y + rowH / 2 + 4.5, size: 12.5, anchor: "start", fill: "#1d2733", bold: true)
        }
        return s + "</svg>"
    }

    private static func legend(_ x: ReportText, y: Double) -> String {
        var s = "", xx = 200.0
        for (name, colour) in [(x.t(.legendPopulation), colours.population), (x.t(.legendPool), colours.pool), (x.t(.legendPanel), colours.panel)] {
            s += "<rect x=\"\(f2(xx))\" y=\"\(f2(y - 7))\" width=\"10\" height=\"8\" fill=\"\(colour)\"/>"
            s += textEl(name, x: xx + 14, y: y, size: 11, anchor: "start", fill: "#3b4452")
            xx += 24 + Double(name.count) * 6.4
        }
        s += "<rect x=\"\(f2(xx))\" y=\"\(f2(y - 8))\" width=\"16\" height=\"10\" fill=\"\(colours.band)\" fill-opacity=\"0.10\" stroke=\"\(colours.band)\" stroke-opacity=\"0.55\" stroke-dasharray=\"3 2\" stroke-width=\"0.8\"/>"
        return s + textEl(x.t(.legendQuota), x: xx + 20, y: y, size: 11, anchor: "start", fill: "#3b4452")
    }

    private static func svgOpen(height: Double, title: String) -> String {
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

    /// Escapes text for HTML and SVG.
    static func esc(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
