import Foundation
import Testing
@testable import Kleroterion

/// Where the drop-out rates came from, said in the report's language (issue #15): a select or a committed draw with
/// alternates and a rates file says it in Dutch in a Dutch report, the manifest keeps `rates_source` in English, and
/// an older report.json or manifest (the sentence only) still loads and shows it as written.
@Suite struct DropoutSourceTests {
    static let english = "base 10 %, relative risks per value of age from rates.csv, multiplied"
    static let dutch = "10 % als basis, per waarde van age hoger of lager volgens rates.csv (de factoren met elkaar vermenigvuldigd)"

    /// The section "After drop-outs" of a report.md, from its heading up to the next.
    static func section(_ markdown: String, heading: String) throws -> String {
        let after = try #require(markdown.components(separatedBy: "## " + heading + "\n").dropFirst().first, "no section \(heading) in\n\(markdown)")
        return "## " + heading + "\n" + (after.components(separatedBy: "\n## ").first ?? after)
    }

    static let headings: [ReportLanguage: String] = [.nl: "Na uitval", .en: "After drop-outs", .de: "Nach Ausfällen"]

    @Test func aDutchSelectReportWithAlternatesAndARatesFileSaysWhereTheRatesCameFromInDutch() throws {
        let f = try WorkflowTests.Fixture()
        try "feature,value,dropout_rate\n*,*,10%\nage,16-24,0.3\n".write(toFile: f.dir + "/rates.csv", atomically: true, encoding: .utf8)
        var select = f.select()
        select.language = .nl
        select.alternates = 2
        select.dropoutRates = f.dir + "/rates.csv"
        var files = OutputFiles(directory: f.dir + "/panel")
        _ = try SelectWorkflow.run(select, into: &files)
        try files.commit()
        let markdown = try String(contentsOfFile: f.dir + "/panel/report.md", encoding: .utf8)
        let section = try Self.section(markdown, heading: "Na uitval")
        #expect(section.contains("- Uitvalkansen: " + Self.dutch + "\n"), "\(section)")
        #expect(!markdown.contains("relative risks") && !markdown.contains("multiplied"), "\(section)")
        let html = try String(contentsOfFile: f.dir + "/panel/report.html", encoding: .utf8)
        #expect(html.contains("Uitvalkansen: " + Self.dutch) && !html.contains("relative risks"))
        // report.json keeps the English sentence and adds the figures; every language renders from it.
        let report = try RepresentativenessReport.load(path: f.dir + "/panel/report.json")
        #expect(report.dropouts?.model == Self.english)
        #expect(report.dropouts?.modelSource == .perFeature(base: 0.1, features: ["age"], file: "rates.csv"))
        for language in ReportLanguage.allCases {
            let text = try Self.section(MarkdownReport.render(report, language: language), heading: Self.headings[language]!)
            try Golden.expect(text, "dropouts.\(language.rawValue).md", in: ReportTests.fixtures)
        }
        #expect(try Self.section(MarkdownReport.render(report, language: .en), heading: "After drop-outs").contains("- Drop-out rates: " + Self.english + "\n"))
    }

    @Test func anOlderReportJSONWithTheSentenceOnlyStillLoadsAndShowsItAsWritten() throws {
        var report = try ReportExamples.tiny()
        let model = DropoutModel(rates: [Double](repeating: 0.1, count: 40), source: .perRespondent(file: "ids.csv", listed: 3, others: 0.1))
        #expect(model.summary == "per respondent from ids.csv (3 listed; the others 10 %)")
        report.dropouts = DropoutOutlook(seed: "s", purpose: DropoutOutlook.purpose, runs: 10, model: model.summary, modelSource: model.source,
                                         alternates: 1, expectedDropouts: 1, allHoldWithout: 0.5, allHoldWith: 0.9, seatsOffQuotaWithout: 1,
                                         seatsOffQuotaWith: 0.1, distanceWithout: 1, distanceWith: 0.5, values: [])
        let json = try report.jsonText()
        #expect(json.contains("\"model_source\" : {") && json.contains("\"kind\" : \"per_respondent\""), "\(json)")
        #expect(MarkdownReport.render(report, language: .nl).contains("- Uitvalkansen: per aanmelder uit ids.csv (3 genoemd; voor de anderen 10 %)"))
        // Without the figures (as an older version wrote it), the English sentence is shown as written.
        let older = try #require(json.range(of: "\"model_source\" : \\{[^}]*\\},\\s*", options: .regularExpression).map { json.replacingCharacters(in: $0, with: "") })
        #expect(!older.contains("model_source") && older.contains("\"model\" : \"per respondent"))
        let path = temporaryDirectory() + "/report.json"
        try older.write(toFile: path, atomically: true, encoding: .utf8)
        let loaded = try RepresentativenessReport.load(path: path)
        #expect(loaded.dropouts?.modelSource == nil && loaded.dropouts?.modelText(.nl) == model.summary)
        #expect(MarkdownReport.render(loaded, language: .nl).contains("- Uitvalkansen: per respondent from ids.csv &#40;3 listed"), "as written, made safe")
    }

    @Test func aCommittedDrawSaysTheSourceInTheReportsLanguageAndTheManifestKeepsTheEnglish() throws {
        let f = try WorkflowTests.Fixture()
        try "feature,value,dropout_rate\n*,*,10%\nage,16-24,0.3\n".write(toFile: f.dir + "/rates.csv", atomically: true, encoding: .utf8)
        var commit = CommitWorkflow.Request(people: f.pool, quotas: f.ok, panelSize: 10, seedFormat: "dice:10")
        commit.householdColumns = ["address"]
        commit.panels = 20
        commit.alternates = 2
        commit.dropoutRates = f.dir + "/rates.csv"
        let folder = f.dir + "/lottery"
        var files = OutputFiles(directory: folder, placement: .newFolder, inputs: RunInputs(commit.inputs))
        _ = try CommitWorkflow.run(commit, into: &files)
        try files.commit()
        let manifest = try CommitmentFolder.load(folder).manifest
        #expect(manifest.alternates?.ratesSource == Self.english)
        #expect(manifest.alternates?.ratesModel == .perFeature(base: 0.1, features: ["age"], file: "rates.csv"))
        var draw = DrawWorkflow.Request(commitment: folder, seed: "6 5 4 3 2 1 6 5 4 3")
        draw.language = .nl
        var drawFiles = OutputFiles(directory: draw.defaultFolder)
        _ = try DrawWorkflow.run(draw, into: &drawFiles)
        try drawFiles.commit()
        let markdown = try String(contentsOfFile: draw.defaultFolder + "/report.md", encoding: .utf8)
        #expect(try Self.section(markdown, heading: "Na uitval").contains("- Uitvalkansen: " + Self.dutch + "\n"), "\(markdown)")
        #expect(!markdown.contains("relative risks"))

        // An older manifest has no rates_model: it still loads, with the English sentence to show as written.
        let json = try String(contentsOfFile: folder + "/manifest.json", encoding: .utf8)
        let older = try #require(json.range(of: "\"rates_model\" : \\{[^}]*\\},\\s*", options: .regularExpression).map { json.replacingCharacters(in: $0, with: "") })
        #expect(!older.contains("rates_model") && older.contains("\"rates_source\" : \"" + Self.english + "\""), "\(older)")
        let parsed = try Manifest.parse(Data(older.utf8), source: "manifest.json")
        #expect(parsed.alternates?.ratesModel == nil && parsed.alternates?.ratesSource == Self.english)
        #expect(try parsed.json() == older, "an older manifest is written back byte for byte")
    }

    @Test(arguments: [ReportLanguage.nl, .de]) func everySourceIsSaidWithoutEnglishWords(language: ReportLanguage) {
        let list = PublishedTextGoldenTests.englishWords.filter { !(language == .de && $0 == "chance") }
        let sources: [DropoutSource] = [.uniform(rate: 0.1), .perFeature(base: 0.125, features: ["age", "education"], file: "rates.csv"),
                                        .perFeature(base: 0.1, features: [], file: "rates.csv"), .perRespondent(file: "ids.csv", listed: 3, others: 0.1)]
        for source in sources {
            let text = source.text(language)
            #expect(text != source.text(.en) && !text.contains("{"), "\(text)")
            let words = Set(OutcomeNoteTests.words(text))
            for word in list { #expect(!words.contains(word), "\(language): '\(word)' in \"\(text)\"") }
        }
        #expect(DropoutSource.perFeature(base: 0.125, features: ["age"], file: "r.csv").text(language).hasPrefix("12,5 %"))
        // The English sentences are those DropoutModel.summary always gave.
        #expect(DropoutModel.uniform(count: 2).summary == "10 % for everybody (the default)")
        #expect(DropoutSource.perFeature(base: 0.1, features: [], file: "r.csv").text(.en) == "base 10 %, relative risks per value of no feature from r.csv, multiplied")
        #expect(DropoutSource.perFeature(base: 0.125, features: ["age", "sex"], file: "r.csv").text(.en) == "base 12.5 %, relative risks per value of age, sex from r.csv, multiplied")
    }
}
