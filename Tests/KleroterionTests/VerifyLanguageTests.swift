import Foundation
import Testing
@testable import Kleroterion

/// `verify`'s ✗ findings and ✓ checks in the organiser's language (issue #15): an altered or forged commitment is
/// reported in Dutch, English or German, each line still naming its file, while `Finding.message` and
/// `Report.checked` keep the English sentences verify always printed.
@Suite struct VerifyLanguageTests {
    static let seed = "a seed"
    /// A word of each language's finding, which the other languages' findings do not hold.
    static let changed: [ReportLanguage: String] = [.nl: "veranderd", .en: "changed", .de: "geändert"]
    static let unfair: [ReportLanguage: String] = [.nl: "niet eerlijk", .en: "not fair", .de: "nicht fair"]
    static let filesMatch: [ReportLanguage: String] = [.nl: "gepubliceerde bestanden", .en: "published files", .de: "veröffentlichten Dateien"]
    static let unusable: [ReportLanguage: String] = [.nl: "kon niet worden nagekeken", .en: "line ", .de: "konnte nicht geprüft werden"]

    func verify(_ f: LotteryFixture, _ language: ReportLanguage) throws -> VerifyWorkflow.Result {
        var request = VerifyWorkflow.Request(commitment: f.commitment, seed: Self.seed)
        request.language = language
        return try VerifyWorkflow.run(request)
    }

    /// The ✗ line that names `file`, after checking it has `words[language]` and none of the other languages' words.
    func crossLine(_ result: VerifyWorkflow.Result, naming file: String, _ words: [ReportLanguage: String], _ language: ReportLanguage,
                   sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        #expect(!result.verified, sourceLocation: sourceLocation)
        let line = try #require(result.lines.first { $0.hasPrefix("  ✗ " + file + ": ") && $0.contains(words[language]!) },
                                "no ✗ line naming \(file) with '\(words[language]!)': \(result.lines)", sourceLocation: sourceLocation)
        for other in ReportLanguage.allCases where other != language {
            #expect(!line.contains(words[other]!), "\(language): '\(words[other]!)' in \(line)", sourceLocation: sourceLocation)
        }
        return line
    }

    @Test(arguments: ReportLanguage.allCases) func anAlteredLotteryIsReportedInTheLanguageAndNamesTheFile(language: ReportLanguage) throws {
        let f = try LotteryFixture(); try f.draw(Self.seed)
        try f.changeOneByte(f.path("lottery.csv"))
        let result = try verify(f, language)
        let line = try crossLine(result, naming: f.path("lottery.csv"), Self.changed, language)
        #expect(line.contains("SHA-256"), "the hashes stay in the line: \(line)")
        let verdict: [ReportLanguage: String] = [.nl: "NIET in orde: ", .en: "NOT verified: ", .de: "NICHT in Ordnung: "]
        #expect(result.lines[0].hasPrefix(verdict[language]!), "\(result.lines[0])")
        // The finding itself keeps the English sentence, whatever the language.
        #expect(result.problems.contains { $0.file == f.path("lottery.csv") && $0.message.hasPrefix("the file has changed since the commitment: its SHA-256 is ") })
    }

    @Test(arguments: ReportLanguage.allCases) func aForgedLotteryWithEveryHashRedoneIsUnfairInTheLanguage(language: ReportLanguage) throws {
        let f = try LotteryFixture()
        let forger = Forger(f: f)
        let panels = try forger.honest()
        try forger.write(Array(repeating: panels[0], count: panels.count))
        let result = try verify(f, language)
        let line = try crossLine(result, naming: f.path("lottery.csv"), Self.unfair, language)
        let pseudonym: [ReportLanguage: String] = [.nl: "schuilnaam ", .en: "pseudonym ", .de: "Pseudonym "]
        #expect(line.contains(pseudonym[language]!), "the largest deviations are named: \(line)")
        // Every hash was redone, so the check of the files passed: its ✓ line is in the language too.
        #expect(result.details.contains { $0.hasPrefix("  ✓ ") && $0.contains(Self.filesMatch[language]!) }, "\(result.details)")
        for other in ReportLanguage.allCases where other != language {
            #expect(!result.details.contains { $0.contains(Self.filesMatch[other]!) }, "\(language): \(result.details)")
        }
        #expect(result.checked.contains { $0.hasPrefix("all ") && $0.hasSuffix(" published files match the SHA-256 in manifest.json") })
    }

    @Test(arguments: ReportLanguage.allCases) func aManifestThatCannotBeReadIsIntroducedInTheLanguage(language: ReportLanguage) throws {
        let f = try LotteryFixture()
        try f.changeOneByte(f.path("manifest.json"), fromEnd: 2)
        let result = try verify(f, language)
        #expect(result.problems.count == 1, "\(result.problems)")
        let file = try #require(result.problems.first?.file)
        #expect(file.hasSuffix("manifest.json"))
        // The reader's own message stays as it is said; the words before it are the language's.
        let message = try #require(result.problems.first?.message)
        let line = try #require(result.lines.last)
        #expect(line.hasPrefix("  ✗ " + file + ": ") && line.hasSuffix(message), "\(line)")
        if language != .en {
            #expect(line.contains(Self.unusable[language]!), "\(line)")
        }
    }

    /// A finding of every kind, with figures (the English sentences of older versions are pinned below).
    static let deviation = FairnessCheck.Deviation(pseudonym: "17", lottery: 0.5, fair: 0.1666667)
    static let everyFinding: [VerifyFinding] = [
        .missing, .changed(actual: "aa", expected: "bb"), .changedSinceAnnounced(actual: "aa", expected: "bb", announcementFile: false),
        .changedSinceAnnounced(actual: "aa", expected: "bb", announcementFile: true), .unusable(message: "msg", line: nil),
        .unusable(message: "msg", line: 4), .unreadable, .panelCount(found: 9, manifest: 10), .membersNotInOrder(count: 36),
        .panelBreaksRules(panel: 3, [.size(members: 5, panelSize: 6), .twice, .quota(feature: "age", value: "16-34", seats: 4, min: 1, max: 3),
                                     .household(id: "7"), .unknownPseudonyms]),
        .panelsBreakRules(count: 8), .notCanonical, .roundingBound(bound: 0.5, worst: 0.03), .unknownAlgorithm("nash", known: ["leximin", "maximin"]),
        .unfair(count: 2, algorithm: "leximin", bound: 0.0153, tolerance: 1e-6, largest: [deviation]),
        .chancesDoNotFollow(count: 3, first: "4"), .optimalNotFair(count: 3, first: "4"), .otherManifest(recorded: "aa", actual: "bb"),
        .otherSeed(recorded: "1 2", seed: "2 1"), .otherPanel(recorded: 4, seedGives: 5), .otherMembers(panel: 5), .noAlternatesRecorded,
        .otherAlternates(panel: 5, file: "lottery_alternates.csv"), .alternatesRecordedButNone, .otherRespondents(panel: 5),
        .notTheAlternates(panel: 5, file: "lottery_alternates.csv"), .noIdAndRankColumns(idColumn: "id"),
        .notCommitted(.pool, actual: "aa", expected: "bb"), .notCommitted(.quotas, actual: "aa", expected: "bb"),
        .membersDoNotMatch(pool: "pool.csv"), .quotasDoNotMatch(quotas: "quotas.csv"), .unknownAlternatesRule("other-1", known: "kleroterion-alternates-1"),
        .alternatesUnhashed(["dropout_rates.csv"]), .alternatesUnhashed(["dropout_rates.csv", "alternate_targets.csv"]),
        .alternatesPanelCount(lists: 9, panels: 10),
        .alternatesBreakRules(panel: 2, [.count(found: 2, manifest: 3), .notAMember("99"), .twice("4"), .onPanel("5"), .panelHousehold("6"), .sharedHousehold("7")]),
        .alternatesBreakRulesCount(7), .alternatesNotRecomputed(message: "msg"),
        .alternatesDiffer(panel: 2, AlternatesDifference(rank: 2, published: "4", rule: nil)), .alternatesDifferCount(6),
    ]
    static let everyCheck: [VerifyCheck] = [
        .filesMatch(count: 9), .announcedFingerprint("aa"), .noAnnouncedFingerprint("aa"), .panelsKeepRules(panels: 50, members: 10),
        .fairChances(algorithm: "leximin", largest: 0.0152941, bound: 0.0152941, tolerance: 1e-6, minimum: 0.235294117),
        .probabilitiesFollow(panels: 50), .alternatesKeepRules(count: 2, file: "lottery_alternates.csv"),
        .alternatesRecomputed(distinct: 36, rule: "kleroterion-alternates-1", rates: "dropout_rates.csv", targets: "alternate_targets.csv",
                              file: "lottery_alternates.csv"),
        .seedGives(seed: "6 5", format: "dice:2", canonical: "6 5", panel: 17, panels: 50, rule: "sha256-rejection-v2"),
        .panelMembers(panel: 17, ["1", "4"]), .auditRecords(panel: 17), .panelFileHolds(members: 10, panel: 17, key: "private/pseudonyms.csv"),
        .alternatesFileHolds(alternates: 2, panel: 17), .inputCommitted(path: "pool.csv", .pool), .inputCommitted(path: "quotas.csv", .quotas),
        .inputsMatch,
    ]

    @Test(arguments: [ReportLanguage.nl, .de]) func everyFindingAndCheckIsSaidWithoutEnglishWords(language: ReportLanguage) {
        let list = PublishedTextGoldenTests.englishWords.filter { !(language == .de && $0 == "chance") }
        let texts = Self.everyFinding.map { $0.text(language) } + Self.everyCheck.map { $0.text(language) }
        let english = Self.everyFinding.map { $0.text(.en) } + Self.everyCheck.map { $0.text(.en) }
        for (text, en) in zip(texts, english) {
            #expect(!text.contains("{") && text != en, "\(language): \(text)")
            let words = Set(OutcomeNoteTests.words(text))
            for word in list { #expect(!words.contains(word), "\(language): '\(word)' in \"\(text)\"") }
        }
        // The check can fail: the English texts are full of these words.
        let words = Set(english.flatMap(OutcomeNoteTests.words))
        #expect(words.contains("the") && words.contains("seed") && words.contains("alternates"))
    }

    @Test func theEnglishSentencesAreThoseVerifyAlwaysPrinted() {
        #expect(Finding(file: "x/lottery.csv", .unfair(count: 2, algorithm: "leximin", bound: 0.0153, tolerance: 1e-6, largest: [Self.deviation])).description
                == "x/lottery.csv: the lottery is not fair: 2 respondents' chances differ from the recomputed leximin chances by more than the announced bound 0.01530 (+1e-06); largest: pseudonym 17: 0.50000 in the lottery, fair chance 0.16667")
        #expect(VerifyFinding.roundingBound(bound: 0.5, worst: 0.03).text(.en)
                == "the stated rounding bound 0.5 is not between 0 and k/m = 0.03; a bound that large would excuse any lottery")
        #expect(VerifyFinding.unusable(message: "msg", line: 4).text(.en) == "line 4: msg")
        #expect(VerifyFinding.alternatesUnhashed(["a.csv", "b.csv"]).text(.en) == "it names a.csv, b.csv for the alternates but gives no SHA-256 for them")
        #expect(VerifyFinding.alternatesDiffer(panel: 2, AlternatesDifference(rank: 2, published: "4", rule: nil)).text(.en)
                == "panel 2's alternates: from rank 2 on they are not those the committed rule gives (rank 2: 4 published, the rule gives nobody)")
        #expect(VerifyFinding.panelBreaksRules(panel: 3, [.quota(feature: "age", value: "16-34", seats: 4, min: 1, max: 3), .household(id: "7")]).text(.en)
                == "panel 3 breaks the rules: age = 16-34 has 4 seats, outside 1–3; two members share a household (7 and another)")
        #expect(VerifyCheck.fairChances(algorithm: "leximin", largest: 0.0152941, bound: 0.0152941, tolerance: 1e-6, minimum: 0.235294117).english
                == "recomputed the leximin chances from members.csv and quotas.csv: every respondent's share of the panels is within 0.015294 of their fair chance (the announced bound 0.015294 plus 1e-06 for solver tolerance); the smallest fair chance is 0.235294117")
        // Dutch and German write the figures with a decimal comma.
        #expect(VerifyFinding.roundingBound(bound: 0.5, worst: 0.03).text(.nl).contains("0,5") && VerifyFinding.roundingBound(bound: 0.5, worst: 0.03).text(.de).contains("0,03"))
    }
}
