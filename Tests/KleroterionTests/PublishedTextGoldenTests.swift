import Foundation
import Testing
@testable import Kleroterion

/// Golden files of the four published texts in every language, and their plain-language checks.
@Suite struct PublishedTextGoldenTests {
    typealias X = PublishedTextExamples

    /// Compares with a golden file; `KLEROTERION_UPDATE_GOLDEN=1 swift test --filter PublishedTextGoldenTests`
    /// rewrites them.
    func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.expect(text, name, in: X.fixtures, sourceLocation: sourceLocation)
    }

    /// Every text of the examples, by golden file name.
    static func texts(_ language: ReportLanguage) throws -> [(name: String, text: String)] {
        let labels = FeatureLabels(quotas: try X.quotas())
        let (relaxation, reasons) = try X.relaxation()
        let (start, run) = try X.replacement()
        let l = language.rawValue
        return [
            ("announcement.\(l).md", Announcement.text(manifest: X.manifest(), manifestHash: X.manifestHash, language: language)),
            ("announcement-weak.\(l).md", Announcement.text(manifest: X.manifest(weak: true), manifestHash: X.manifestHash, language: language)),
            ("relaxation.\(l).md", relaxation.markdown(quotasFile: "quota.csv", panelSize: 12, reasons: reasons, language: language, labels: labels)),
            ("replacement.\(l).md", ReplacementReport.markdown(start: start, run: run, dropouts: ["r0", "r6", "r7"], seed: "2026-05-02 lotto 4 9 12 30 33 41",
                                                               alternatesGiven: 3, notes: run.outcome!.notes, language: language, labels: labels)),
            ("invitations-address.\(l).md", try X.invitations("address").markdown(language: language)),
            ("invitations-strata.\(l).md", try X.invitations("strata").markdown(language: language)),
        ]
    }

    @Test(arguments: ReportLanguage.allCases) func goldenTexts(language: ReportLanguage) throws {
        for (name, text) in try Self.texts(language) { try expectGolden(text, name) }
    }

    /// The words a Dutch or German reader stumbles over. Code spans, the fingerprint line and file names are not
    /// prose (commands are typed as written), so they are left out before the words are compared.
    static let englishWords = ["pool", "pools", "goodness", "fit", "none", "seed", "seeds", "weighting", "respondent", "respondents",
                               "register", "quotas", "stratum", "strata", "alternates", "alternate", "dropouts", "feature", "value",
                               "target", "seat", "seats", "the", "and", "with", "from", "only", "each", "every", "warning", "lottery"]

    static func prose(_ text: String) -> [String] {
        var out = ""
        var inCode = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.hasPrefix("    ") {
            for c in line {
                if c == "`" { inCode.toggle(); continue }
                if !inCode { out.append(c) }
            }
            out.append("\n")
        }
        // File names (register2.csv, docs/randomness.md) are names, not words.
        let files = try! NSRegularExpression(pattern: "[A-Za-z0-9_./-]+\\.(csv|json|md)")
        out = files.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: " ")
        return out.lowercased().split { !$0.isLetter }.map(String.init)
    }

    @Test(arguments: [ReportLanguage.nl, .de]) func noEnglishWordsInTheDutchAndGermanTexts(language: ReportLanguage) throws {
        // "chance" is a German word ("die Chance"); every other word on the list is English only.
        let list = Self.englishWords.filter { !(language == .de && $0 == "chance") }
        for (name, text) in try Self.texts(language) {
            let words = Set(Self.prose(text))
            for word in list { #expect(!words.contains(word), "\(name): '\(word)'") }
        }
        func check<Key: TextTableKey>(_ key: Key.Type) {
            for (k, text) in Key.table(language) {
                let words = Set(Self.prose(text))
                for word in list { #expect(!words.contains(word), "\(Key.self).\(k.rawValue) (\(language)): '\(word)' in \"\(text)\"") }
            }
        }
        check(AnnouncementKey.self); check(RelaxationKey.self); check(ReplacementKey.self); check(InvitationKey.self); check(ReasonKey.self)
        check(DropoutSourceKey.self)
        // The check itself can fail: the English texts are full of these words.
        let english = Set(try Self.texts(.en).flatMap { Self.prose($0.text) })
        #expect(english.contains("seed") && english.contains("pool") && english.contains("respondents"))
    }

    @Test func everyTextHasEveryKeyInEveryLanguageWithTheSamePlaceholders() {
        func check<Key: TextTableKey>(_ key: Key.Type, allowedMissing: Set<String> = []) {
            func placeholders(_ s: String) -> Set<String> {
                Set((0..<10).map { "{\($0)}" }.filter { s.contains($0) })
            }
            for language in ReportLanguage.allCases {
                let table = Key.table(language)
                for k in Key.allCases {
                    let text = table[k]
                    #expect(text != nil && !text!.isEmpty, "\(Key.self).\(k.rawValue) has no \(language) text")
                    guard let text, let english = Key.table(.en)[k] else { continue }
                    var expected = placeholders(english)
                    if allowedMissing.contains(k.rawValue) { expected.formIntersection(placeholders(text)) }
                    #expect(placeholders(text) == expected, "\(Key.self).\(k.rawValue) (\(language)): placeholders differ from English")
                }
            }
        }
        // The rule's English description is a formula in English words; Dutch and German point to where it is written.
        check(AnnouncementKey.self, allowedMissing: ["rule"])
        check(RelaxationKey.self); check(ReplacementKey.self); check(InvitationKey.self); check(ReasonKey.self)
        // The console's lines (Workflows/Lines/).
        check(CommonLine.self); check(SelectLine.self); check(LotteryLine.self); check(InvitationLine.self); check(FileLine.self)
        check(ReadingLine.self); check(NoteKey.self); check(VerifyLine.self); check(DropoutSourceKey.self)
    }

    @Test func theEnglishReasonsAndChangesAreTheConsoleSentencesAsBefore() throws {
        let (relaxation, reasons) = try X.relaxation()
        #expect(reasons[0].text == "only 1 respondent has age_band 16-24, but the quotas ask for at least 2")
        #expect(reasons[2].text == "no panel meets all of these quotas at once, because of the way the features combine in the pool: age_band 16-24 at least 2; education hoog at most 6")
        #expect(relaxation.summary == ["lower the minimum of age_band 16-24 from 2 to 1 (target 1.8 seats)",
                                       "raise the maximum of education hoog from 6 to 7 (target 4.8 seats)"])
        // In Dutch with the template's labels: names for readers, Dutch numbers.
        let labels = FeatureLabels(quotas: try X.quotas())
        #expect(reasons[0].text(.nl, labels: labels) == "er is maar 1 aanmelder met Leeftijd 16-24, terwijl de quota er minstens 2 vragen")
        #expect(relaxation.summary(.nl, labels: labels)[1] == "verhoog het maximum van Opleidingsniveau hoog van 6 naar 7 (doel 4,8 zetels)")
        #expect(relaxation.summary(.en, labels: labels)[1] == "raise the maximum of Education high from 6 to 7 (target 4.8 seats)")
        #expect(relaxation.summary(.de, labels: labels)[0] == "die Mindestzahl von Alter 16-24 von 2 auf 1 senken (Ziel 1,8 Sitze)")
    }

    @Test func theAnnouncementKeepsTheFingerprintLineThatVerifyReads() throws {
        // verify reads the announced hash from announcement.md: the one line of 64 hex digits, in every language.
        let dir = temporaryDirectory()
        for language in ReportLanguage.allCases {
            try Announcement.text(manifest: X.manifest(), manifestHash: X.manifestHash, language: language)
                .write(toFile: dir + "/announcement.md", atomically: true, encoding: .utf8)
            try X.manifest().json().write(toFile: dir + "/manifest.json", atomically: true, encoding: .utf8)
            #expect(try CommitmentFolder.load(dir).announcedHash() == X.manifestHash, "\(language)")
        }
    }

    @Test func labelsNameFeaturesAndValuesButNeverChangeTheData() throws {
        let labels = FeatureLabels(quotas: try X.quotas())
        #expect(labels.feature("education", .nl) == "Opleidingsniveau" && labels.feature("EDUCATION", .de) == "Bildungsniveau")
        #expect(labels.value("hoog", of: "education", .en) == "high" && labels.value("hoog", of: "education", .nl) == "hoog")
        // No label: the column name; the derived age column always reads as age, except in the console's raw form.
        #expect(labels.feature("gender", .nl) == "gender")
        #expect(FeatureLabels.none.feature("age_band", .nl) == "Leeftijd" && FeatureLabels.raw.feature("age_band", .nl) == "age_band")
        // Combinations: each part by its label; the catch-all row in words.
        #expect(labels.quotaValue("vrouw&hoog", of: "gender&education", .en) == "(gender vrouw & Education high)")
        #expect(labels.value(SelectionProblem.otherCombination, of: "gender&education", .nl) == "elke andere combinatie")
        // The relaxed quotas file keeps the column names and values as they were.
        let (relaxation, _) = try X.relaxation()
        #expect(relaxation.quotasCSV().contains("education,hoog,4,7,0.4"))
    }
}

@Suite struct PublishedTextHostileNamesTests {
    /// A template label or a quota value typed as Markdown or HTML stays inert text in every published text.
    @Test(arguments: ReportLanguage.allCases) func namesFromInputFilesCannotBecomeTagsOrLinks(language: ReportLanguage) throws {
        let attack = "<img src=x onerror=alert(1)>[l](javascript:x)"
        var labels = FeatureLabels(quotas: try PublishedTextExamples.quotas())
        labels.features["education"] = [language.rawValue: attack]
        labels.values[FeatureLabels.key("age_band", "16-24")] = [language.rawValue: "![](http://tracker.example/t.png)"]
        let (relaxation, reasons) = try PublishedTextExamples.relaxation()
        let (start, run) = try PublishedTextExamples.replacement()
        let texts = [
            relaxation.markdown(quotasFile: "<b>q</b>.csv", panelSize: 12, reasons: reasons, language: language, labels: labels),
            ReplacementReport.markdown(start: start, run: run, dropouts: ["r0"], seed: "[s](javascript:y)", alternatesGiven: 3,
                                       notes: [.text("<script>x</script>"), .relaxed(changes: relaxation.changes)], language: language, labels: labels),
        ]
        for text in texts {
            for fragment in ["<img", "<b>", "<script", "](javascript", "![", "](http"] {
                #expect(!text.contains(fragment), "\(language): '\(fragment)' in\n\(text)")
            }
            #expect(text.contains("&lt;img src=x onerror=alert&#40;1&#41;&gt;"), "the label is shown, as text")
        }
    }
}

@Suite struct ValueLabelReportTests {
    /// The template's value labels reach the report through the quotas file, are kept in report.json, and
    /// `kleroterion report` (which renders from report.json) shows them the same.
    @Test func theReportNamesValuesByTheirLabelsAndKeepsThemInItsJSON() throws {
        let problem = try PublishedTextExamples.problem()
        let panel = [0, 1, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]
        let outcome = SelectionOutcome(panel: panel, probabilities: SelectionProbabilities(values: [Double](repeating: 0.4, count: 30)), algorithm: "leximin")
        let report = try ReportBuilder.build(problem: problem, quotas: try PublishedTextExamples.quotas(), outcome: outcome, context: .init(seed: "s"))
        let en = MarkdownReport.render(report, language: .en), nl = MarkdownReport.render(report, language: .nl)
        let de = MarkdownReport.render(report, language: .de)
        #expect(en.contains("### Education") && en.contains("| high |") && en.contains("| low |") && !en.contains("| hoog |"))
        #expect(nl.contains("### Opleidingsniveau") && nl.contains("| hoog |"))
        #expect(de.contains("| hoch |") && de.contains("### Alter"))
        // A value without a label stays as written; the derived age column reads as age even without a label.
        #expect(en.contains("| vrouw |"))
        let dir = temporaryDirectory()
        var files = OutputFiles(directory: dir)
        try ReportFiles.add(report, language: .en, to: &files)
        try files.commit()
        let json = try String(contentsOfFile: dir + "/report.json", encoding: .utf8)
        #expect(json.contains("\"en\" : \"high\""))
        let loaded = try RepresentativenessReport.load(path: dir + "/report.json")
        #expect(loaded == report)
        #expect(MarkdownReport.render(loaded, language: .en) == en)
        #expect(HTMLReport.render(loaded, language: .en).contains(">high<"))
        // The invitation strata in the funnel ("education=hoog, age_band=16-24", as invite labels them), named for readers.
        let stratum = FunnelStratum(name: "education=hoog, age_band=16-24", population: 10, invited: 2)
        #expect(ReportText(report, language: .en).stratumName(stratum) == "Education high, Age 16-24")
        #expect(ReportText(report, language: .nl).stratumName(stratum) == "Opleidingsniveau hoog, Leeftijd 16-24")
        #expect(ReportText(report, language: .de).stratumName(FunnelStratum(name: "everyone")) == "alle")
        #expect(ReportText(report, language: .nl).stratumName(FunnelStratum(name: "Zeist-Noord")) == "Zeist-Noord")
    }
}
