/// Renders `report.md`: the same sections and figures as the HTML report, as plain Markdown tables.
public enum MarkdownReport {
    public static func render(_ raw: RepresentativenessReport, language: ReportLanguage) -> String {
        // Every value from an input file is made inert Markdown first (PublishedText).
        let report = PublishedText.markdownSafe(raw)
        let x = ReportText(report, language: language)
        let t = x.t, f = x.f
        var out: [String] = []
        func table(_ header: [String], _ rows: [[String]], right: Set<Int> = []) {
            out.append("| " + header.map(cell).joined(separator: " | ") + " |")
            out.append("|" + header.indices.map { right.contains($0) ? "---:|" : "---|" }.joined())
            for row in rows { out.append("| " + row.map(cell).joined(separator: " | ") + " |") }
            out.append("")
        }

        out += ["# " + t(.title), "", t(.subtitle, f.count(report.funnel.panelCount), f.count(report.funnel.respondentCount)), "",
                "> " + t(.privacy), ""]

        out += ["## 1. " + t(.summaryHeading), ""]
        out += x.summary.map { "- " + $0 }
        out.append("")

        out += ["## 2. " + t(.funnelHeading), "", t(.funnelIntro), ""]
        table([t(.funnelStep), t(.funnelCount), t(.funnelOfPrevious)],
              x.funnelSteps.map { [$0.label, f.count($0.count), $0.ofPrevious ?? x.dash] }, right: [1, 2])
        if let rate = report.funnel.responseRate { out += [t(.funnelResponseRate, f.percent(rate)), ""] }
        for sentence in x.weightingSentences { out += [sentence, ""] }
        if !report.funnel.strata.isEmpty {
            out += ["### " + t(.funnelStrataHeading), ""]
            table([t(.funnelStratum), t(.funnelPopulation), t(.funnelLetters), t(.funnelWeight), t(.funnelRegistrations), t(.funnelRate)],
                  report.funnel.strata.map { s in
                      [x.stratumName(s), s.population.map(f.count) ?? x.dash, s.invited.map(f.count) ?? x.dash,
                       s.weight.map { f.decimal($0, digits: 2) } ?? x.dash, s.respondents.map(f.count) ?? x.dash,
                       s.responseRate.map { f.percent($0) } ?? x.dash]
                  }, right: [1, 2, 3, 4, 5])
        }

        out += ["## 3. " + t(.compositionHeading), "", t(.compositionIntro), "", x.sharesSource, ""]
        for feature in report.features {
            out += ["### " + x.name(feature), ""]
            table(x.columnHeaders + [t(.colFlag)], feature.values.map { v in
                x.cells(v) + [[v.outsideQuota ? "⚠ " + t(.flagOutside) : nil, v.farFromProportional ? t(.flagFar) : nil]
                    .compactMap { $0 }.joined(separator: "; ")]
            }, right: Set(1...8))
            if let origin = x.sharesOrigin(feature) { out += [origin + ".", ""] }
            if let remark = x.sharesRemark(feature) { out += [remark, ""] }
        }

        out += ["## 4. " + t(.statisticsHeading), "", t(.statisticsIntro), ""]
        table([t(.colFeature), t(.colTest), t(.colPValuePanel), t(.colReading), t(.colPValuePool), t(.colPoolReading)],
              report.features.map { feature in
                  [x.name(feature), feature.panelTest.map(x.methodName) ?? x.dash, x.pValueText(feature.panelTest), x.reading(feature),
                   x.pValueText(feature.poolTest), x.poolReading(feature)]
              }, right: [2, 4])
        if x.hasSimulatedTests { out += [t(.simulatedNote, f.count(GoodnessOfFit.simulationCount)), ""] }

        out += ["## 5. " + t(.fairnessHeading), "", t(.fairnessIntro, f.count(report.fairness.respondentCount)), ""]
        table(["", ""], x.fairnessFigures.map { [$0.label, $0.value] }, right: [1])
        out += [x.chanceAccuracy, "", x.guarantee, ""]
        if !x.certainSentences.isEmpty { out += x.certainSentences.enumerated().map { $0 == 0 ? $1 : "- " + $1 } + [""] }
        out += [t(.histogramCaption), ""]
        table([t(.histogramX), t(.histogramY)], report.fairness.histogram.filter { $0.count > 0 }.map {
            [f.chance($0.lower) + " – " + f.chance($0.upper), f.count($0.count)]
        }, right: [1])

        if let dropouts = report.dropouts { out += DropoutReport.markdown(dropouts, language: language) }
        out += ["## 6. " + t(.methodHeading), ""]
        out += ["- " + t(.methodSeed) + ": " + report.seed,
                "- " + t(.methodAlgorithm) + ": " + report.algorithm,
                "- " + t(.methodPanelSize) + ": " + f.count(report.panelSize)]
        if report.valuesMatchedCaseInsensitively { out.append("- " + t(.methodMatching)) }
        if !report.notes.isEmpty {
            out += ["", t(.methodNotes) + ":", ""]
            // The labels of the raw report (escaped here): `report` has its names escaped already.
            let labels = FeatureLabels(report: raw).escapingMarkdown()
            out += report.notes.map { "- " + $0.text(language, labels: labels, escape: PublishedText.escapeMarkdown) }
        }
        out.append("")

        out += ["## 7. " + t(.transparencyHeading), ""]
        if let tr = report.transparency {
            out += ["- " + t(.methodSeed) + ": " + report.seed]
            if let source = tr.seedSource { out.append("- " + t(.transparencySeedSource) + ": " + source) }
            if let at = tr.committedAt { out.append("- " + t(.transparencyCommittedAt) + ": " + at) }
            if let m = tr.lotteryPanels { out.append("- " + t(.transparencyLottery) + ": " + f.count(m)) }
            if let number = tr.panelNumber { out.append("- " + t(.transparencyPanelNumber) + ": " + "\(number)") }
            out.append("")
            if !tr.hashes.isEmpty {
                out += [t(.transparencyHashes) + ":", ""]
                table([t(.colFile), t(.colSha256)], tr.hashes.map { [$0.file, "`" + $0.sha256 + "`"] })
            }
            // Inside a fence nothing is live; only a fence in the value could end it early.
            if let command = tr.verifyCommand { out += [t(.transparencyVerify) + ":", "", "```", command.replacingOccurrences(of: "`", with: "'"), "```", ""] }
        } else {
            out += [t(.transparencyAbsent), ""]
        }
        out += ["---", "", "_" + t(.generatedBy) + "_", ""]
        return out.joined(separator: "\n")
    }

    /// A table cell: pipes escaped, line breaks flattened.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
