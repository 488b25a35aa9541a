import Foundation
import Testing
@testable import Kleroterion

@Suite struct ReportTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/report")

    /// Compares with a golden file; `KLEROTERION_UPDATE_GOLDEN=1 swift test --filter ReportTests` rewrites them.
    func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.expect(text, name, in: Self.fixtures, sourceLocation: sourceLocation)
    }

    @Test func goldenMarkdownAndJSON() throws {
        let report = try ReportExamples.tiny()
        try expectGolden(MarkdownReport.render(report, language: .nl), "tiny.nl.md")
        try expectGolden(MarkdownReport.render(report, language: .en), "tiny.en.md")
        try expectGolden(MarkdownReport.render(report, language: .de), "tiny.de.md")
        try expectGolden(report.jsonText(), "tiny.json")
    }

    @Test func tinyReportFigures() throws {
        let report = try ReportExamples.tiny()
        let age = report.features[1]
        #expect(age.values.map(\.poolCount) == [2, 7, 3])
        #expect(age.values.map(\.panelCount) == [2, 1, 1])
        #expect(age.values[0].proportionalSeats! == 0.38 * 4)
        #expect(age.values.allSatisfy { !$0.outsideQuota })
        // Chances: persons 0 (0.75), 1, 5, 8 (0.5) …; minimum 0 for persons 2, who is on no panel.
        #expect(report.fairness.minimum == 0)
        #expect(report.fairness.maximum == 0.75)
        #expect(report.fairness.atMinimum == 1)
        #expect(report.fairness.panelsInDistribution == 3)
        #expect(!report.fairness.isEstimate)
        #expect(report.funnel.registerCount == 480 && report.funnel.invitedCount == 120 && report.funnel.respondentCount == 12)
    }

    @Test func jsonRoundTripsAndReRenders() throws {
        let report = try ReportExamples.zeistLike(transparency: ReportExamples.sampleTransparency)
        let dir = temporaryDirectory()
        var files = OutputFiles(directory: dir)
        try ReportFiles.add(report, language: .en, to: &files)
        try files.commit()
        let loaded = try RepresentativenessReport.load(path: dir + "/report.json")
        #expect(loaded == report)
        #expect(try String(contentsOfFile: dir + "/report.md", encoding: .utf8) == MarkdownReport.render(loaded, language: .en))
        #expect(try String(contentsOfFile: dir + "/report.html", encoding: .utf8) == HTMLReport.render(loaded, language: .en))
    }

    @Test func brokenReportJSONIsAClearError() throws {
        let dir = temporaryDirectory()
        try "{\"format_version\": 1}".write(toFile: dir + "/report.json", atomically: true, encoding: .utf8)
        #expect(throws: KleroterionError.self) { try RepresentativenessReport.load(path: dir + "/report.json") }
        #expect(throws: KleroterionError.self) { try RepresentativenessReport.load(path: dir + "/missing.json") }
        #expect(throws: KleroterionError.self) { try ReportFiles.language("fr") }
        #expect(throws: KleroterionError.self) { try ReportFiles.Format.list("html,docx") }
    }

    @Test func everyStringExistsInEveryLanguageWithTheSamePlaceholders() {
        func placeholders(_ s: String) -> Set<String> {
            Set((0..<6).map { "{\($0)}" }.filter { s.contains($0) })
        }
        for key in ReportKey.allCases {
            let texts = ReportLanguage.allCases.map { ReportStrings.table($0)[key] }
            #expect(texts.allSatisfy { $0 != nil && !$0!.isEmpty }, "\(key) is missing in a language")
            let sets = texts.compactMap { $0 }.map(placeholders)
            #expect(Set(sets).count <= 1, "\(key) has different placeholders per language")
        }
        #expect(ReportStrings.dutch.count == ReportKey.allCases.count)
        #expect(ReportStrings.english.count == ReportKey.allCases.count)
    }

    @Test func dutchIsTheDefaultAndNumbersAreLocalised() throws {
        let nl = ReportFormat(.nl), en = ReportFormat(.en)
        #expect(nl.percent(0.2734) == "27,3%" && en.percent(0.2734) == "27.3%")
        #expect(nl.count(6500) == "6.500" && en.count(6500) == "6,500" && nl.count(50_000) == "50.000")
        #expect(nl.signed(-0.04) == "0,0" && nl.signed(1.44) == "+1,4" && en.signed(-2.5) == "−2.5")
        #expect(nl.pValue(0.0004) == "< 0,001")
        let report = try ReportExamples.tiny()
        #expect(MarkdownReport.render(report, language: .nl).hasPrefix("# Verantwoording van de loting"))
    }

    @Test func thePanelAgainstThePopulationIsReadInPlainWords() throws {
        let report = try ReportExamples.zeistLike()
        let text = ReportText(report, language: .en)
        for feature in report.features {
            let test = try #require(feature.panelTest)
            let line = text.reading(feature)
            #expect(line == (test.showsDifference ? "The panel differs from the population in \(text.name(feature))."
                                                   : "No evidence that the panel differs from the population in \(text.name(feature))."))
        }
        // The Zeist-like pool is skewed towards the highly educated: the respondents differ from the population.
        let education = try #require(report.features.first { $0.name == "opleiding" })
        #expect(education.poolTest!.showsDifference)
        #expect(education.poolTest!.method == .chiSquare)
        // The districts have small expected counts on the panel (Bosch en Duin: 2% of 150 = 3), so an exact test is used.
        let district = try #require(report.features.first { $0.name == "wijk" })
        #expect(district.panelTest!.method != .chiSquare)
        #expect(abs(district.populationShareTotal! - 0.995) < 1e-9)
        #expect(text.sharesRemark(district) != nil)
        // Legacy chances are estimates with a standard error.
        #expect(report.fairness.isEstimate && report.fairness.estimateRuns == 40 && report.fairness.largestStandardError! > 0)
        #expect(MarkdownReport.render(report, language: .en).contains("These are estimates from 40 repeated draws"))
    }

    @Test func reportHoldsNoPersonalIds() throws {
        let report = try ReportExamples.zeistLike()
        let outputs = [try report.jsonText(), MarkdownReport.render(report, language: .nl), HTMLReport.render(report, language: .en)]
        for text in outputs {
            #expect(!text.contains("Z100"), "a respondent id leaked into the report")
        }
        let tiny = try ReportExamples.tiny()
        for text in [try tiny.jsonText(), MarkdownReport.render(tiny, language: .nl), HTMLReport.render(tiny, language: .nl)] {
            #expect(!text.contains("R-73"))
        }
    }

    @Test func htmlIsSelfContained() throws {
        let html = HTMLReport.render(try ReportExamples.zeistLike(transparency: ReportExamples.sampleTransparency), language: .nl)
        for forbidden in ["<script", "<link", "<img", "@import", "url(", "src=", "http://fonts", "https://"] {
            #expect(!html.contains(forbidden), "report.html must not load anything: found \(forbidden)")
        }
        #expect(html.contains("@page { size: A4"))
        // One chart per feature, the funnel and the histogram.
        #expect(html.components(separatedBy: "<figure data-chart=").count - 1 == 4 + 2)
    }

    /// The figures in report.html and report.md are the figures of report.json, cell by cell.
    @Test(arguments: ReportLanguage.allCases)
    func htmlMarkdownAndJSONAgree(language: ReportLanguage) throws {
        let original = try ReportExamples.zeistLike(transparency: ReportExamples.sampleTransparency)
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let model = try decoder.decode(RepresentativenessReport.self, from: Data(try original.jsonText().utf8))
        #expect(model == original)
        let md = MarkdownReport.render(original, language: language)
        let html = HTMLReport.render(original, language: language)
        let text = ReportText(model, language: language)
        let mdRows = markdownRows(md)
        for feature in model.features {
            let htmlRows = htmlTableRows(html, attribute: "data-value")
            for v in feature.values {
                let expected = text.cells(v)
                // Markdown: the row whose first cell is the value, within this feature's section.
                // report.md escapes input values (PublishedText), so the value cell is the escaped value.
                let expectedMarkdown = ([PublishedText.escapeMarkdown(expected[0])] + expected.dropFirst()).map(MarkdownReport.cell)
                let mdRow = try #require(mdRows.first { $0.first == expectedMarkdown[0] && $0.count == expected.count + 1 && $0[5] == expected[5] })
                #expect(Array(mdRow.prefix(expected.count)) == expectedMarkdown)
                let htmlRow = try #require(htmlRows[v.value])
                #expect(htmlRow == expected, "HTML row of \(feature.name) = \(v.value)")
            }
            // Statistics: the p-values agree.
            let statRow = try #require(mdRows.first { $0.first == text.name(feature) && $0.count == 6 })
            #expect(statRow[2] == text.pValueText(feature.panelTest))
            #expect(statRow[4] == text.pValueText(feature.poolTest))
            #expect(html.contains("<td class=\"n\">\(ReportCharts.esc(text.pValueText(feature.panelTest)))</td>"))
        }
        for figure in text.fairnessFigures {
            #expect(md.contains("| \(figure.label) | \(figure.value) |"))
            #expect(html.contains("<div class=\"value\">\(ReportCharts.esc(figure.value))</div><div class=\"label\">\(ReportCharts.esc(figure.label))</div>"))
        }
        for step in text.funnelSteps {
            #expect(md.contains("| \(step.label) | \(text.f.count(step.count)) |"))
            #expect(html.contains("<td>\(ReportCharts.esc(step.label))</td><td class=\"n\">\(text.f.count(step.count))</td>"))
        }
        for hash in model.transparency!.hashes {
            #expect(md.contains(hash.sha256) && html.contains(hash.sha256))
        }
        #expect(model.funnel.registerCount == 50_000 && model.funnel.invitedCount == 6_500)
    }

    func markdownRows(_ md: String) -> [[String]] {
        md.split(separator: "\n").filter { $0.hasPrefix("| ") }.map { line in
            var cells: [String] = []
            var current = ""
            var escaped = false
            for c in line.dropFirst(2) {
                if escaped { current.append(c); escaped = false; continue }
                if c == "\\" { current.append(c); escaped = true; continue }
                if c == "|" { cells.append(current.trimmingCharacters(in: .whitespaces)); current = ""; continue }
                current.append(c)
            }
            return cells
        }
    }

    /// Rows `<tr data-value="…">` → their cells as plain text (tags stripped, entities decoded).
    func htmlTableRows(_ html: String, attribute: String) -> [String: [String]] {
        var rows: [String: [String]] = [:]
        for chunk in html.components(separatedBy: "<tr \(attribute)=\"").dropFirst() {
            guard let end = chunk.range(of: "\""), let close = chunk.range(of: "</tr>") else { continue }
            let key = unescape(String(chunk[..<end.lowerBound]))
            let body = String(chunk[..<close.lowerBound])
            let cells = body.components(separatedBy: "<td").dropFirst().map { cell -> String in
                let inner = cell.drop { $0 != ">" }.dropFirst()
                let text = inner.components(separatedBy: "</td>")[0]
                return unescape(text.replacingOccurrences(of: "<strong>", with: "").replacingOccurrences(of: "</strong>", with: ""))
            }
            rows[key] = cells
        }
        return rows
    }

    func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}

@Suite struct ReportReadabilityTests {
    @Test func noEnglishWordsInTheDutchAndGermanTexts() throws {
        // "pool", "goodness-of-fit", "none", "seed": the words a Dutch or German reader stumbles over.
        let english = ["pool", "goodness", "fit", "none", "seed", "weighting", "respondent", "register"]
        for language in [ReportLanguage.nl, .de] {
            for (key, text) in ReportStrings.table(language) {
                let words = text.lowercased().split { !$0.isLetter }.map(String.init)
                for word in english {
                    #expect(!words.contains(word), "\(language) \(key): '\(word)' in \"\(text)\"")
                }
            }
            let md = MarkdownReport.render(try ReportExamples.zeistLike(), language: language).lowercased()
            #expect(!md.contains("(de pool)") && !md.contains("none") && !md.contains("goodness"))
        }
    }

    @Test func certainRespondentsAreExplainedByTheirGroupNeverByPerson() throws {
        let report = try ReportExamples.zeistLike()
        let certain = try #require(report.fairness.certain)
        #expect(certain.count == 2)
        #expect(certain.groups == [CertainSelection.Group(feature: "wijk", value: "Austerlitz", respondents: 2, quotaMin: 2)])
        #expect(certain.unexplained == 0)
        let md = MarkdownReport.render(report, language: .nl)
        #expect(md.contains("2 aanmelders hadden 100% kans"))
        #expect(md.contains("Wijk Austerlitz: er meldden zich 2 mensen aan, en de quota vraagt er minstens 2."))
        #expect(!md.contains("Z100933") && !md.contains("Z100934"))
        let en = MarkdownReport.render(report, language: .en)
        #expect(en.contains("2 respondents had a 100% chance") && en.contains("District Austerlitz: 2 people registered"))
        // Features show with their template labels, per language; a feature without one keeps its column name.
        #expect(en.contains("### Education") && en.contains("### leeftijd") && !en.contains("### opleiding"))
        #expect(MarkdownReport.render(report, language: .de).contains("### Bildungsniveau"))
        // Nobody certain: no explanation at all.
        let tiny = try ReportExamples.tiny()
        #expect(tiny.fairness.certain == nil)
        #expect(!MarkdownReport.render(tiny, language: .nl).contains("100% kans"))
    }

    @Test func funnelShowsAllResidentsAndThoseOldEnough() throws {
        let report = try ReportExamples.zeistLike()
        let steps = ReportText(report, language: .nl).funnelSteps
        #expect(steps.map(\.label) == ["Alle inwoners in de basisregistratie (BRP)", "Van hen 16 jaar of ouder", "Uitnodigingsbrieven",
                                        "Aanmeldingen", "Panelleden"])
        #expect(steps.map(\.count) == [62_015, 50_000, 6_500, 935, 150])
        #expect(steps[1].ofPrevious == "80,6%")
        // Edge cases: without the invitation report only the pool and the panel; with all residents eligible one row.
        var bare = report
        bare.funnel = Funnel(respondentCount: 935, panelCount: 150)
        #expect(ReportText(bare, language: .en).funnelSteps.map(\.count) == [935, 150])
        bare.funnel.allResidentsCount = 900
        bare.funnel.registerCount = 900
        #expect(ReportText(bare, language: .en).funnelSteps.map(\.count) == [900, 935, 150])
        // The chart's bars are on a log scale: the panel's bar is still wider than a sliver.
        let svg = ReportCharts.funnel(steps, text: ReportText(report, language: .nl))
        let widths = svg.components(separatedBy: "width=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }.filter { $0 < 680 }
        #expect(widths.count == 5 && widths.min()! > 0.4 * widths.max()!)
    }

    @Test func sharesOriginAndWeightingInPlainWords() throws {
        let report = try ReportExamples.zeistLike()
        let md = MarkdownReport.render(report, language: .nl)
        #expect(md.contains("Bron van de bevolkingscijfers: het bestand met bevolkingscijfers cbs-education-utrecht-2024.csv."))
        #expect(md.contains("Bron van de bevolkingscijfers: geteld in de basisregistratie (register.csv)."))
        #expect(md.contains("Wie alleen woont, had daardoor ongeveer 22,0% kans op een brief. Op het adres met de meeste inwoners (58,"))
        #expect(md.contains("ongeveer 0,4% kans"))
        #expect(md.contains("De brieven zijn niet gewogen"))
        #expect(!md.contains("none"))
    }

    @Test func chartsAreLegible() throws {
        let report = try ReportExamples.zeistLike()
        let html = HTMLReport.render(report, language: .nl)
        // No chart text below 11 units (the SVGs are never drawn narrower than their 680-unit viewBox).
        let sizes = html.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(!sizes.isEmpty && sizes.min()! >= ReportCharts.smallestText)
        #expect(html.contains("min-width: 680px"))
        // One share axis for every composition chart.
        let scale = ReportCharts.compositionScale(report.features, panelSize: report.panelSize)
        for f in report.features {
            let one = ReportCharts.composition(f, panelSize: report.panelSize, scale: scale, text: ReportText(report, language: .nl))
            #expect(one.contains(">" + ReportFormat(.nl).percent(scale, digits: 0) + "<"))
        }
        // A quota band of exactly one value (min = max) is still drawn at least 4 units wide.
        var exact = report.features[0]
        exact.values[0].quotaMin = 40; exact.values[0].quotaMax = 40
        let svg = ReportCharts.composition(exact, panelSize: 150, text: ReportText(report, language: .nl))
        let band = try #require(svg.components(separatedBy: "data-quota-band=\"40-40\"").first?.components(separatedBy: "<rect").last)
        let width = try #require(band.components(separatedBy: "width=\"").dropFirst().first.flatMap { Double($0.prefix { $0 != "\"" }) })
        #expect(width >= 4)
    }
}

@Suite struct ReportFunnelTests {
    @Test func readsInvitesReportAndCountsRespondentsPerStratum() throws {
        let dir = temporaryDirectory()
        let json = """
        {"letters": 30, "register": {"eligible": 300, "rows": 320},
         "strata": [{"label": "district=Noord", "values": {"district": "Noord"}, "population": 200, "letters": 20, "oversampling_factor": 1},
                    {"label": "district=Zuid", "values": {"district": "Zuid"}, "population": 100, "letters": 10, "oversampling_factor": 1.5}]}
        """
        try json.write(toFile: dir + "/invitations-report.json", atomically: true, encoding: .utf8)
        let summary = try #require(try InvitationsSummary.load(directory: dir))
        #expect(summary.registerCount == 300 && summary.invitedCount == 30)
        #expect(summary.strata.map(\.name) == ["district=Noord", "district=Zuid"])
        #expect(summary.strata.map(\.weight) == [1, 1.5])
        let pool = try parseCSV("id,district\n1,Noord\n2,noord \n3,Zuid\n4,Noord\n")
        let counted = summary.countingRespondents(in: pool)
        #expect(counted.strata.map(\.respondents) == [3, 1])
        #expect(counted.strata[0].responseRate == 3.0 / 20.0)
        // A pool without the stratum column leaves the respondents unknown rather than guessing.
        let other = summary.countingRespondents(in: try parseCSV("id,wijk\n1,Noord\n"))
        #expect(other.strata.allSatisfy { $0.respondents == nil })
        // No file: no funnel from invite, and no error.
        #expect(try InvitationsSummary.load(directory: temporaryDirectory()) == nil)
    }
}
