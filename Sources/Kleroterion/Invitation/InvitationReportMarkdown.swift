import Foundation

extension InvitationReport {
    /// The report for people (`invitations-report.md`): what was drawn, how, and what registrations to expect, in
    /// Dutch (the default), English or German; strata named by `labels` (`age_band` reads as "Leeftijd").
    public func markdown(language: ReportLanguage = .nl, labels: FeatureLabels = .none) -> String {
        let w = TextTable<InvitationKey>(language)
        let f = w.format
        let labels = labels.escapingMarkdown()
        // Seeds, file and column names and values come from the user: inert Markdown only (PublishedText).
        let e = PublishedText.escapeMarkdown
        func pct(_ x: Double) -> String { f.percent(x, digits: 2) }
        func prob(_ x: Double) -> String { f.decimal(x, digits: 6) }
        func num(_ x: Double) -> String { f.decimal(x, digits: 1) }
        func value(_ v: String, of column: String) -> String { v.isEmpty ? w(.empty) : labels.value(v, of: column, language) }
        func stratum(_ s: Stratum) -> String {
            guard !settings.strataColumns.isEmpty else { return w(.everyone) }
            return settings.strataColumns.map { c in
                let v = s.values[c] ?? ""
                return v.isEmpty ? labels.feature(c, language) + " " + w(.empty) : labels.quotaValue(v, of: c, language)
            }.joined(separator: ", ")
        }
        let weighted = settings.responseRates != nil || settings.oversampling != nil
        var md = "# \(w(.title))\n\n"
        md += register.addressesWithEligibleResidents.map { w(.summaryAddresses, f.count(letters), f.count(register.eligible), f.count($0)) }
            ?? w(.summary, f.count(letters), f.count(register.eligible))
        md += "\n\n## \(w(.drawHeading))\n\n| | |\n|---|---|\n"
        md += "| \(w(.seed)) | \(e(seed)) |\n"
        md += "| \(w(.mtSeed, randomStreamPurpose)) | \(mt19937Seed) |\n"
        md += "| \(w(.register)) | \(e(register.file)) (\(w(.registerRows, f.count(register.rows)))) |\n"
        md += "| \(w(.letters)) | \(f.count(settings.letters)) |\n"
        md += "| \(w(.strata)) | \(settings.strataColumns.isEmpty ? w(.strataNone) : settings.strataColumns.map { labels.feature($0, language) }.joined(separator: " × ")) |\n"
        if let bands = settings.ageBands { md += "| \(w(.ageBands)) | \(bands.joined(separator: ", ")) |\n" }
        md += "| \(w(.onePerAddress)) | \(settings.onePerAddress.map { e($0.joined(separator: ", ")) } ?? w(.no)) |\n"
        if let d = settings.referenceDate { md += "| \(w(.referenceDate)) | \(d) |\n" }
        md += "| \(w(.ageLimits)) | \(settings.minAge.map { w(.ageFrom, "\($0)") } ?? w(.ageNoMinimum)), \(settings.maxAge.map { w(.ageTo, "\($0)") } ?? w(.ageNoMaximum)) |\n"
        md += "| \(w(.notEligible)) | \(w(.notEligibleCounts, f.count(register.tooYoung), f.count(register.tooOld), f.count(register.excluded)))"
            + (register.unknownBirthDates.map { w(.unknownDates, f.count($0)) } ?? "") + " |\n"
        if let list = settings.exclusionList {
            md += "| \(w(.exclusionList)) | \(e(list)): \(w(.exclusionFound, f.count(settings.exclusionListSize), f.count(settings.exclusionListFoundInRegister))) |\n"
        }
        md += "| \(w(.responseRates)) | \(settings.responseRates.map(e) ?? w(.responseRatesNone)) |\n"
        if let k = settings.responseRatePriorLetters { md += "| \(w(.rateEstimate)) | \(w(.rateFormula, "\(Int(k))")) |\n" }
        if let o = settings.oversampling { md += "| \(w(.oversampling)) | \(e(o)) |\n" }
        md += "\n## \(w(.lettersHeading))\n\n\(w(.lettersIntro, f.count(settings.letters)))\n\n"
        md += "| \(w(.colStratum)) | \(w(.colEligible)) | \(w(.colShare)) | \(w(.colRate)) | \(w(.colFactor)) | \(w(.colLetters)) | \(w(.colProportional)) | \(w(.colExpected)) | \(w(.colExpectedShare)) |\n"
        md += "|---|---:|---:|---:|---:|---:|---:|---:|---:|\n"
        for s in strata {
            let factor = s.oversamplingFactor == 1 ? "1" : String(format: "%.3g", s.oversamplingFactor).replacingOccurrences(of: ".", with: language == .en ? "." : ",")
            md += "| \(stratum(s)) | \(f.count(s.population)) | \(pct(s.populationShare)) | \(s.responseRate.map(pct) ?? "–") | \(factor) | \(f.count(s.letters)) | \(f.count(s.lettersInProportionToPopulation)) | \(num(s.expectedRespondents)) | \(pct(s.expectedPoolShare)) |\n"
        }
        md += "\n## \(w(.chanceHeading))\n\n"
        if settings.onePerAddress == nil {
            md += "\(w(.chanceEqual))\n\n| \(w(.colStratum)) | \(w(.colResidents)) | \(w(.colChance)) |\n|---|---:|---:|\n"
            for s in strata { md += "| \(stratum(s)) | \(f.count(s.population)) | \(prob(s.inclusionProbabilities[0].probability)) |\n" }
        } else {
            md += "\(w(.chanceAddress))\n\n"
            md += "| \(w(.colStratum)) | \(w(.colAtAddress)) | \(w(.colInStratum)) | \(w(.colResidents)) | \(w(.colChance)) |\n|---|---:|---:|---:|---:|\n"
            for s in strata {
                for c in s.inclusionProbabilities {
                    md += "| \(stratum(s)) | \(c.residentsAtAddress ?? 0) | \(c.inStratumAtAddress ?? 0) | \(f.count(c.residents)) | \(prob(c.probability)) |\n"
                }
                if !s.probabilitiesExact { md += "| \(stratum(s)) | | | | *\(w(.notExact))* |\n" }
            }
        }
        md += "\n## \(w(.expectedHeading))\n\n"
        if settings.responseRates == nil { md += "\(w(.noRates))\n\n" }
        md += w(.distance, pct(expectedPoolDistance))
        if weighted { md += w(.distanceProportional, pct(expectedPoolDistanceWithProportionalLetters)) }
        md += w(.expectedRespondents, num(expectedRespondents))
        if weighted && settings.responseRates != nil { md += w(.expectedProportional, num(expectedRespondentsWithProportionalLetters)) }
        md += ".\n\n"
        md += "| \(w(.colFeature)) | \(w(.colValue)) | \(w(.colPopulation)) | \(w(.colExpectedPool)) | \(w(.colExpectedPoolProportional)) |\n|---|---|---:|---:|---:|\n"
        for m in marginals {
            md += "| \(labels.feature(m.column, language)) | \(value(m.value, of: m.column)) | \(pct(m.populationShare)) | \(pct(m.expectedPoolShare)) | \(pct(m.expectedPoolShareWithProportionalLetters)) |\n"
        }
        md += "\n\(w(.privacy))\n"
        return md
    }
}
