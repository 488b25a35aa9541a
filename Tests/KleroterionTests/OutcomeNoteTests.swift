import Foundation
import Testing
@testable import Kleroterion

/// The report's notes as kinds with figures (issue #15): stored in report.json, said per language, and a report.json
/// of an older version (notes as sentences) still loads and shows them as written.
@Suite struct OutcomeNoteTests {
    static let row = QuotaRelaxation.Row(feature: "age_band", value: "16-24", oldMin: 5, oldMax: 6, newMin: 3, newMax: 6, target: 1.5,
                                         targetFromPopulation: true, populationShare: 0.15)

    /// One note of every kind.
    static let everyKind: [OutcomeNote] = [
        .leximinRelaxation(stages: 3, cuts: 2, compositions: 14, byColumnGeneration: false),
        .leximinColumnGeneration(stages: 17),
        .maximinRelaxation(minimum: 0.2352941, compositions: 6),
        .maximinColumnGeneration(minimum: 0.125, tolerance: 1e-6),
        .nash(gap: 0.0004),
        .legacyEstimate(draws: 1000),
        .timeLimit(seconds: 60, algorithm: "leximin"),
        .distribution(algorithm: "leximin", panels: 86, compositions: 6, classes: 6, pricingILPs: 12),
        .robust(algorithm: "leximin", epsilon: 0.01, largestChange: 0.0093, slackBefore: 1.25, slackAfter: 0.75),
        .alternates(count: 3, exact: true, patterns: 1024, provenOptimal: false, seatsOffWithout: 0.75, seatsOffWith: 0.05,
                    chancesEstimated: true, estimatePanels: 8),
        .relaxed(changes: [row]),
        .committedLottery(panels: 1000, distinct: 412),
        .committedRounding(algorithm: "leximin", largestChange: 0.00184, worstCase: 0.15),
        .committedAlternates(panels: 1000, count: 15, file: "lottery_alternates.csv", rule: "greedy-misrepresentation-v1",
                             ratesFile: "dropout_rates.csv", largestChance: 0.061),
        .replacement(dropouts: 2, confirmed: 8, alternatesSeated: 1, drawn: 1, eligible: 29),
        .quotasBroken(changes: [row]),
        .text("A sentence as an older version wrote it."),
    ]

    @Test func everyKindSurvivesReportJSON() throws {
        var report = try ReportExamples.tiny()
        report.notes = Self.everyKind
        let path = temporaryDirectory() + "/report.json"
        let text = try report.jsonText()
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(try RepresentativenessReport.load(path: path) == report)
        // Flat and readable: the kind by name, the figures by name (snake case, as the rest of report.json).
        #expect(text.contains("\"kind\" : \"leximin_relaxation\"") && text.contains("\"by_column_generation\" : false"), "\(text)")
        #expect(text.contains("\"new_min\" : 3"), "the relaxation's changed rows are kept: \(text)")
    }

    @Test func anOlderReportJSONWithSentencesLoadsAndShowsThemAsWritten() throws {
        let old = "Leximin: 17 stages of column generation."
        let tiny = try String(contentsOf: ReportTests.fixtures.appendingPathComponent("tiny.json"), encoding: .utf8)
        let older = tiny.replacingOccurrences(of: "\"notes\" : [\n\n  ]", with: "\"notes\" : [\n    \"\(old)\",\n    \"<b>Second</b>\"\n  ]")
        #expect(older != tiny, "the fixture's empty notes were found")
        let path = temporaryDirectory() + "/report.json"
        try older.write(toFile: path, atomically: true, encoding: .utf8)
        let report = try RepresentativenessReport.load(path: path)
        #expect(report.notes == [.text(old), .text("<b>Second</b>")])
        for language in ReportLanguage.allCases {
            #expect(MarkdownReport.render(report, language: language).contains("- " + old))
            let html = HTMLReport.render(report, language: language)
            #expect(html.contains("<li>" + old + "</li>") && html.contains("&lt;b&gt;Second") && !html.contains("<b>Second"))
        }
        // Written again, the sentences stay sentences (kind "text").
        #expect(try report.jsonText().contains("\"kind\" : \"text\""))
    }

    @Test func theEnglishNotesAreTheSentencesTheAlgorithmsWrote() {
        #expect(OutcomeNote.leximinRelaxation(stages: 2, cuts: 1, compositions: 6, byColumnGeneration: false).description
                == "Leximin: 2 stages over the linear relaxation of the quota constraints after 1 cut that no mix of panels crosses; the optimum was then written as a mix of 6 valid panel compositions (found by walking down its faces), which proves it attainable, so it is the exact leximin.")
        #expect(OutcomeNote.timeLimit(seconds: 0.5, algorithm: "maximin").description.hasPrefix("Not reproducible: the time limit of 0.5 s stopped"))
        #expect(OutcomeNote.relaxed(changes: [Self.row]).description
                == "The quotas were relaxed with --relax by 2 seats, because they could not be met: lower the minimum of age_band 16-24 from 5 to 3 (target 1.5 seats). See relaxation.md.")
    }

    /// The prose words of a console line or note: options (`--relax`), file names, commands (`kleroterion draw …`),
    /// rule names (`kleroterion-alternates-1`), column lists (`feature,value,dropout_rate`) and code spans are names,
    /// typed as written, so they are left out.
    static func words(_ text: String) -> [String] {
        var out = text
        for pattern in ["`[^`]*`", "kleroterion-[a-z0-9-]+", "[a-z_]+(,[a-z_]+)+", "kleroterion [a-z-]+", "--[a-z-]+", "[A-Za-z0-9_./-]+\\.(csv|json|md|html|pdf)"] {
            let regex = try! NSRegularExpression(pattern: pattern)
            out = regex.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: " ")
        }
        return out.lowercased().split { !$0.isLetter }.map(String.init)
    }

    @Test(arguments: [ReportLanguage.nl, .de]) func noNoteHasEnglishWordsInDutchOrGerman(language: ReportLanguage) {
        let list = PublishedTextGoldenTests.englishWords.filter { !(language == .de && $0 == "chance") }
        for note in Self.everyKind.dropLast() {   // .text is shown as written
            let words = Set(Self.words(note.text(language, labels: FeatureLabels())))
            for word in list { #expect(!words.contains(word), "\(note) (\(language)): '\(word)'") }
        }
        // The figures are in the language's format.
        #expect(OutcomeNote.committedRounding(algorithm: "leximin", largestChange: 0.00184, worstCase: 0.15).text(language, labels: .none).contains("0,00184"))
    }

    @Test func theConsoleShowsTheSolversNotesOnlyAsDetails() {
        let technical = Self.everyKind.filter(\.isTechnical)
        #expect(technical.count == 8 && !technical.contains(.timeLimit(seconds: 60, algorithm: "leximin")))
        #expect(!OutcomeNote.relaxed(changes: []).isTechnical && !OutcomeNote.legacyEstimate(draws: 1).isTechnical)
    }
}
