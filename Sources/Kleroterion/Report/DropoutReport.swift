import Foundation

/// The report's section "After drop-outs" (issue #14), rendered from `RepresentativenessReport.dropouts`: the
/// expected seats per value after drop-outs without and with the alternates, and the chance that each quota still
/// holds, from a seeded simulation whose seed and number of runs are stated.
enum DropoutReport {
    struct Words {
        let heading, intro, model, allHold, offQuota, colFeature, colValue, colQuota, colPanel, colWithout, colWith, colHoldsWithout, colHoldsWith, none: String
    }

    static func words(_ language: ReportLanguage) -> Words {
        switch language {
        case .nl:
            return Words(heading: "Na uitval",
                         intro: "Verwachte samenstelling als leden afvallen, zonder en met de {0} reserveleden, volgens {1} gesimuleerde uitvalpatronen (startwaarde {2}, stroom {3}). Gemiddeld vallen {4} leden af. “Verwacht”: gemiddeld aantal zetels na uitval; “houdt”: het deel van de simulaties waarin het quotum blijft gelden; “zonder” en “met”: zonder en met de reserveleden. Met reserveleden: eerst gelijk voor gelijk, daarna de aanvulling die de quota het minst breekt, alleen uit de reserveleden.",
                         model: "Uitvalkansen", allHold: "Kans dat alle quota blijven gelden", offQuota: "Verwachte zetels buiten de quota",
                         colFeature: "Kenmerk", colValue: "Waarde", colQuota: "Quotum", colPanel: "Panel", colWithout: "Verwacht zonder",
                         colWith: "Verwacht met", colHoldsWithout: "Houdt zonder", colHoldsWith: "Houdt met", none: "zonder reserves")
        case .en:
            return Words(heading: "After drop-outs",
                         intro: "Expected composition when members drop out, without and with the {0} alternates, from {1} simulated drop-out patterns (seed {2}, stream {3}). On average {4} members drop out. “Expected”: mean seats after drop-outs; “holds”: the share of runs in which the quota still holds; “without” and “with”: without and with the alternates. With alternates: like for like first, then the completion that breaks the quotas least, from the alternates only.",
                         model: "Drop-out rates", allHold: "Chance that every quota still holds", offQuota: "Expected seats off quota",
                         colFeature: "Feature", colValue: "Value", colQuota: "Quota", colPanel: "Panel", colWithout: "Expected without",
                         colWith: "Expected with", colHoldsWithout: "Holds without", colHoldsWith: "Holds with", none: "without alternates")
        case .de:
            return Words(heading: "Nach Ausfällen",
                         intro: "Erwartete Zusammensetzung, wenn Mitglieder ausfallen, ohne und mit den {0} Nachrückern, nach {1} simulierten Ausfallmustern (Startwert {2}, Strom {3}). Im Durchschnitt fallen {4} Mitglieder aus. „Erwartet“: durchschnittliche Zahl der Sitze nach Ausfällen; „gilt“: der Anteil der Läufe, in denen die Quote weiter erfüllt ist; „ohne“ und „mit“: ohne und mit den Nachrückern. Mit Nachrückern: zuerst Gleiches für Gleiches, dann die Ergänzung, die die Quoten am wenigsten verletzt, nur aus den Nachrückern.",
                         model: "Ausfallwahrscheinlichkeiten", allHold: "Wahrscheinlichkeit, dass alle Quoten erfüllt bleiben", offQuota: "Erwartete Sitze außerhalb der Quoten",
                         colFeature: "Merkmal", colValue: "Wert", colQuota: "Quote", colPanel: "Gremium", colWithout: "Erwartet ohne",
                         colWith: "Erwartet mit", colHoldsWithout: "Gilt ohne", colHoldsWith: "Gilt mit", none: "ohne Nachrücker")
        }
    }

    static func fill(_ template: String, _ args: [String]) -> String {
        var s = template
        for (k, a) in args.enumerated() { s = s.replacingOccurrences(of: "{\(k)}", with: a) }
        return s
    }

    static func number(_ x: Double, _ language: ReportLanguage) -> String {
        let s = String(format: "%.1f", x)
        return language == .en ? s : s.replacingOccurrences(of: ".", with: ",")
    }

    static func percent(_ x: Double, _ language: ReportLanguage) -> String { number(x * 100, language) + " %" }

    static func intro(_ o: DropoutOutlook, _ w: Words, _ language: ReportLanguage) -> String {
        fill(w.intro, ["\(o.alternates)", "\(o.runs)", o.seed.replacingOccurrences(of: "`", with: "'"), o.purpose, number(o.expectedDropouts, language)])
    }

    static func rows(_ o: DropoutOutlook, _ language: ReportLanguage) -> [[String]] {
        o.values.map { v in
            [v.feature, v.value, "\(v.min)–\(v.max)", "\(v.panel)", number(v.expectedWithout, language), number(v.expectedWith, language),
             percent(v.holdsWithout, language), percent(v.holdsWith, language)]
        }
    }

    static func header(_ w: Words) -> [String] {
        [w.colFeature, w.colValue, w.colQuota, w.colPanel, w.colWithout, w.colWith, w.colHoldsWithout, w.colHoldsWith]
    }

    /// Markdown lines of the section.
    static func markdown(_ o: DropoutOutlook, language: ReportLanguage) -> [String] {
        let w = words(language)
        var out = ["## " + w.heading, "", intro(o, w, language), "",
                   "- " + w.model + ": " + o.modelText(language),
                   "- " + w.allHold + ": " + percent(o.allHoldWithout, language) + " (" + w.none + ") → " + percent(o.allHoldWith, language),
                   "- " + w.offQuota + ": " + number(o.seatsOffQuotaWithout, language) + " (" + w.none + ") → " + number(o.seatsOffQuotaWith, language), ""]
        let h = header(w)
        out.append("| " + h.joined(separator: " | ") + " |")
        out.append("|---|---|---|" + String(repeating: "---:|", count: h.count - 3))
        for r in rows(o, language) { out.append("| " + r.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |") }
        out.append("")
        return out
    }

    /// The HTML `<section>`.
    static func html(_ o: DropoutOutlook, language: ReportLanguage) -> String {
        let w = words(language)
        let e = ReportCharts.esc
        var s = "<section data-section=\"dropouts\" id=\"dropouts\">\n<h2><span class=\"num\">5b</span>\(e(w.heading))</h2>\n"
        s += "<p>\(e(intro(o, w, language).replacingOccurrences(of: "`", with: "")))</p>\n<div class=\"figures\">\n"
        for (value, label) in [(percent(o.allHoldWithout, language) + " → " + percent(o.allHoldWith, language), w.allHold),
                               (number(o.seatsOffQuotaWithout, language) + " → " + number(o.seatsOffQuotaWith, language), w.offQuota),
                               (number(o.expectedDropouts, language), [.nl: "Verwachte uitvallers", .en: "Expected drop-outs", .de: "Erwartete Ausfälle"][language]!)] {
            s += "<div class=\"figure\"><div class=\"value\">\(e(value))</div><div class=\"label\">\(e(label))</div></div>\n"
        }
        s += "</div>\n<p class=\"small\">\(e(w.model)): \(e(o.modelText(language)))</p>\n"
        s += "<table><thead><tr>" + header(w).enumerated().map { "<th\($0.offset >= 3 ? " class=\"n\"" : "")>\(e($0.element))</th>" }.joined() + "</tr></thead><tbody>\n"
        for r in rows(o, language) {
            s += "<tr>" + r.enumerated().map { "<td\($0.offset >= 3 ? " class=\"n\"" : "")>\(e($0.element))</td>" }.joined() + "</tr>\n"
        }
        s += "</tbody></table>\n</section>\n"
        return s
    }
}
