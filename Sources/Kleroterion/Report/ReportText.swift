import Foundation

/// Formats the report's figures for one language. Both renderers use it, so a figure reads the same in
/// `report.md` and `report.html` (a test checks this against `report.json`).
public struct ReportFormat: Sendable {
    public let language: ReportLanguage
    public init(_ language: ReportLanguage) { self.language = language }

    private var decimalMark: String { language == .en ? "." : "," }
    private var thousands: String { language == .en ? "," : "." }

    /// A fixed-point number with the language's decimal mark (locale-independent).
    public func decimal(_ x: Double, digits: Int) -> String {
        let text = String(format: "%.\(digits)f", x)
        let cleaned = text.hasPrefix("-") && Double(text) == 0 ? String(text.dropFirst()) : text
        return cleaned.replacingOccurrences(of: ".", with: decimalMark)
    }

    /// A share as a percentage, e.g. `27,3%`.
    public func percent(_ x: Double, digits: Int = 1) -> String { decimal(100 * x, digits: digits) + "%" }

    /// A chance of selection: two decimals in percent, more when it is tiny so that it never reads as 0.
    public func chance(_ x: Double) -> String {
        if x > 0 && x < 0.0001 { return percent(x, digits: 4) }
        return percent(x, digits: 2)
    }

    /// A whole number with thousands separators, e.g. `6.500` (nl) or `6,500` (en).
    public func count(_ n: Int) -> String {
        let digits = String(abs(n))
        var groups: [String] = []
        var end = digits.endIndex
        while end > digits.startIndex {
            let start = digits.index(end, offsetBy: -3, limitedBy: digits.startIndex) ?? digits.startIndex
            groups.insert(String(digits[start..<end]), at: 0)
            end = start
        }
        return (n < 0 ? "−" : "") + groups.joined(separator: thousands)
    }

    /// A difference in seats with its sign, e.g. `+1,4` or `−0,6`.
    public func signed(_ x: Double) -> String {
        let text = decimal(abs(x), digits: 1)
        if text == decimal(0, digits: 1) { return text }
        return (x < 0 ? "−" : "+") + text
    }

    public func pValue(_ p: Double) -> String {
        p < 0.001 ? "< " + decimal(0.001, digits: 3) : decimal(p, digits: 3)
    }

    public func quota(_ min: Int, _ max: Int) -> String { min == max ? "\(min)" : "\(min)–\(max)" }
}

/// The sentences both renderers share, built from the model and the language's strings.
public struct ReportText: Sendable {
    public let report: RepresentativenessReport
    public let t: ReportStrings
    public let f: ReportFormat

    public init(_ report: RepresentativenessReport, language: ReportLanguage) {
        self.report = report
        self.t = ReportStrings(language)
        self.f = ReportFormat(language)
    }

    public var dash: String { "–" }

    public func optionalPercent(_ x: Double?) -> String { x.map { f.percent($0) } ?? dash }

    /// The summary, one sentence per line.
    public var summary: [String] {
        var lines = [t(.summaryPanel, f.count(report.funnel.respondentCount), f.count(report.funnel.panelCount), report.algorithm)]
        let broken = report.features.flatMap(\.values).filter(\.outsideQuota).count
        lines.append(broken == 0 ? t(.summaryAllQuotasMet) : t(.summaryQuotasBroken, "\(broken)"))
        let tested = report.features.filter { $0.panelTest != nil }
        if tested.isEmpty {
            lines.append(t(.summaryNoShares))
        } else {
            let differing = tested.filter { $0.panelTest!.showsDifference }.map(name)
            lines.append(differing.isEmpty ? t(.summaryNoDifference) : t(.summaryDifference, differing.joined(separator: ", ")))
        }
        let fair = report.fairness
        lines.append(t(.summaryFairness, f.chance(fair.minimum), f.chance(fair.maximum), f.decimal(fair.gini, digits: 3)))
        return lines
    }

    /// The funnel steps that are known, with the share each is of the step before: all residents, those old
    /// enough, letters, registrations, panel.
    public var funnelSteps: [(label: String, count: Int, ofPrevious: String?)] {
        let all = report.funnel.allResidentsCount
        let eligibleLabel = report.funnel.minimumAge.map { t(.funnelEligibleAge, "\($0)") } ?? t(.funnelRegister)
        let raw: [(String, Int?)] = [
            (t(.funnelAllResidents), all == report.funnel.registerCount ? nil : all),
            (eligibleLabel, report.funnel.registerCount), (t(.funnelInvited), report.funnel.invitedCount),
            (t(.funnelRespondents), report.funnel.respondentCount), (t(.funnelPanel), report.funnel.panelCount),
        ]
        var steps: [(String, Int, String?)] = []
        var previous: Int?
        for (label, count) in raw {
            guard let count else { continue }
            steps.append((label, count, previous.flatMap { $0 > 0 ? f.percent(Double(count) / Double($0)) : nil }))
            previous = count
        }
        return steps
    }

    /// How the letters were weighted, in plain words (one sentence each), from `invite`'s description.
    public var weightingSentences: [String] {
        var lines: [String] = []
        if let w = report.funnel.weighting {
            if w == "none" { lines.append(t(.weightingNone)) }
            for part in w.components(separatedBy: " and ") {
                let inner = part.firstIndex(of: "(").map { String(part[part.index(after: $0)...].dropLast()) } ?? part
                if part.hasPrefix("response rates") { lines.append(t(.weightingResponse, inner)) }
                if part.hasPrefix("oversampling") { lines.append(t(.weightingOversampling, inner)) }
            }
        }
        if let a = report.funnel.addressChances {
            lines.append(t(.weightingAddress, f.percent(a.alone), f.count(a.largestAddress), f.percent(a.atLargestAddress)))
        }
        return lines
    }

    /// A feature's name for readers: its template label in this language, else the column name (`age_band`, which
    /// Kleroterion derives, as "Leeftijd"; see `FeatureLabels`).
    public func name(_ feature: FeatureComposition) -> String {
        feature.labels?[t.language.rawValue] ?? FeatureLabels.none.feature(feature.name, t.language)
    }

    /// The reader's name of the feature called `column` in the data.
    public func name(column: String) -> String {
        report.features.first { $0.name == column }.map(name) ?? FeatureLabels.none.feature(column, t.language)
    }

    /// A value's name for readers: its template label in this language, else the value as written.
    public func name(_ value: ValueComposition) -> String {
        value.labels?[t.language.rawValue] ?? value.value
    }

    /// The reader's name of `value` of the feature called `column`.
    public func name(value: String, column: String) -> String {
        report.features.first { $0.name == column }?.values.first { $0.value == value }.map(name) ?? value
    }

    /// A stratum of the invitation lottery for readers: `district=Centrum, age_band=16-24` (as `invite` labels it)
    /// as "Wijk Centrum, Leeftijd 16-24", each column and value by its label; any other name as it is.
    public func stratumName(_ s: FunnelStratum) -> String {
        if s.name == "everyone" { return t(.funnelEveryone) }
        let parts = s.name.components(separatedBy: ", ").map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
        guard parts.allSatisfy({ $0.count == 2 }) else { return s.name }
        return parts.map { name(column: $0[0]) + " " + name(value: $0[1], column: $0[0]) }.joined(separator: ", ")
    }

    /// Why some respondents were certain to be chosen, naming groups only; empty when nobody was.
    public var certainSentences: [String] {
        guard let c = report.fairness.certain, c.count > 0 else { return [] }
        var lines = [t(.certainIntro, f.count(c.count))]
        for g in c.groups {
            lines.append(t(.certainGroup, name(column: g.feature), name(value: g.value, column: g.feature), f.count(g.respondents), f.count(g.quotaMin)))
        }
        if c.unexplained > 0 { lines.append(t(.certainOther, f.count(c.unexplained))) }
        return lines
    }

    /// Where one feature's population shares came from, as a sentence; nil when it has none.
    public func sharesOrigin(_ feature: FeatureComposition) -> String? {
        guard let origin = feature.sharesOrigin, let colon = origin.firstIndex(of: ":") else { return nil }
        let kind = origin[..<colon], name = String(origin[origin.index(after: colon)...])
        let text: String
        switch kind {
        case "register": text = t(.originRegister, name)
        case "shares_file": text = t(.originSharesFile, name)
        case "template": text = t(.originTemplate, name)
        default: text = t(.originQuotas, name)
        }
        return t(.sharesOrigin, text)
    }

    public func methodName(_ test: FitTest) -> String {
        switch test.method {
        case .chiSquare: return t(.methodChiSquare, f.decimal(test.statistic ?? 0, digits: 2), "\(test.degreesOfFreedom ?? 0)")
        case .exactHypergeometric: return t(.methodHypergeometric)
        case .exactBinomial: return t(.methodBinomial)
        case .exactMultinomial: return t(.methodMultinomial)
        case .simulatedMultinomial: return t(.methodSimulated)
        }
    }

    /// A p-value, with its standard error in brackets when simulated.
    public func pValueText(_ test: FitTest?) -> String {
        guard let test else { return dash }
        let p = f.pValue(test.pValue)
        guard let se = test.pValueStandardError else { return p }
        return p + " (± " + f.decimal(se, digits: 4) + ")"
    }

    /// The one-line reading of the panel test of a feature.
    public func reading(_ feature: FeatureComposition) -> String {
        guard let test = feature.panelTest else { return t(.readingNoShares, name(feature)) }
        return test.showsDifference ? t(.readingEvidence, name(feature)) : t(.readingNoEvidence, name(feature))
    }

    public func poolReading(_ feature: FeatureComposition) -> String {
        guard let test = feature.poolTest else { return dash }
        return test.showsDifference ? t(.readingPoolEvidence) : t(.readingPoolNoEvidence)
    }

    /// What the algorithm guarantees, in plain words.
    public var guarantee: String {
        switch report.algorithm.lowercased() {
        case "legacy": return t(.guaranteeLegacy)
        case "leximin": return t(.guaranteeLeximin)
        case "maximin": return t(.guaranteeMaximin)
        case "nash": return t(.guaranteeNash)
        default: return t(.guaranteeOther, report.algorithm)
        }
    }

    /// The accuracy sentence of the chances: exact, or estimated with a standard error.
    public var chanceAccuracy: String {
        let fair = report.fairness
        guard fair.isEstimate else { return t(.fairnessExact) }
        return t(.fairnessEstimate, f.count(fair.estimateRuns ?? 0), f.chance(fair.largestStandardError ?? 0))
    }

    /// The fairness figures as label–value pairs, in display order.
    public var fairnessFigures: [(label: String, value: String)] {
        let fair = report.fairness
        var rows = [
            (t(.fairnessMinimum), f.chance(fair.minimum)), (t(.fairnessMaximum), f.chance(fair.maximum)),
            (t(.fairnessMean), f.chance(fair.mean)), (t(.fairnessGini), f.decimal(fair.gini, digits: 3)),
            (t(.fairnessAtMinimum), f.count(fair.atMinimum) + " / " + f.count(fair.respondentCount)),
        ]
        if let panels = fair.panelsInDistribution { rows.append((t(.fairnessPanels), f.count(panels))) }
        return rows
    }

    /// The table cells of one value, in column order (value, population, pool n, pool %, quota, panel n, panel %,
    /// proportional, deviation).
    public func cells(_ v: ValueComposition) -> [String] {
        [name(v), optionalPercent(v.populationShare), f.count(v.poolCount), f.percent(v.poolShare), f.quota(v.quotaMin, v.quotaMax),
         f.count(v.panelCount), f.percent(v.panelShare), v.proportionalSeats.map { f.decimal($0, digits: 1) } ?? dash,
         v.deviation.map { f.signed($0) } ?? dash]
    }

    public var columnHeaders: [String] {
        [t(.colValue), t(.colPopulation), t(.colPoolCount), t(.colPoolShare), t(.colQuota), t(.colPanelCount), t(.colPanelShare),
         t(.colProportional), t(.colDeviation)]
    }

    /// A remark when a feature's shares do not add up to 100%.
    public func sharesRemark(_ feature: FeatureComposition) -> String? {
        guard let total = feature.populationShareTotal, abs(total - 1) > 0.0005 else { return nil }
        return t(.sharesSum, name(feature), f.percent(total))
    }

    public var sharesSource: String {
        report.populationSharesSource.map { t(.sharesSource, $0) } ?? t(.sharesFromQuotas)
    }

    public var hasSimulatedTests: Bool {
        report.features.contains { $0.panelTest?.simulations != nil || $0.poolTest?.simulations != nil }
    }
}
