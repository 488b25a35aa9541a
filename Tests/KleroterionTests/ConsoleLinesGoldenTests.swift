import Foundation
import Testing
@testable import Kleroterion

/// What the console says, in Dutch, English and German (issue #15): the workflows run on a small pool (select, check,
/// commit, draw, verify, replace), and their lines, `--verbose` details and warnings are compared with golden files
/// (Fixtures/console/). The folder and the fingerprint (which holds the commitment's time) are masked.
@Suite(.serialized) struct ConsoleLinesGoldenTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/console")

    /// `KLEROTERION_UPDATE_GOLDEN=1 swift test --filter ConsoleLinesGoldenTests` rewrites the golden files.
    func expectGolden(_ text: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try Golden.expect(text, name, in: Self.fixtures, sourceLocation: sourceLocation)
    }

    /// One command's output as the CLI prints it: the lines, then (marked) the `--verbose` details and the warnings.
    struct Transcript {
        var text = ""
        let dir: String

        mutating func add(_ command: String, lines: [String], details: [String] = [], warnings: [String] = []) {
            text += "$ kleroterion \(command)\n" + lines.map { $0 + "\n" }.joined()
            if !details.isEmpty { text += "  [--verbose]\n" + details.map { $0 + "\n" }.joined() }
            if !warnings.isEmpty { text += "  [stderr]\n" + warnings.map { $0 + "\n" }.joined() }
            text += "\n"
        }

        /// The temporary folder and 64-digit fingerprints made stable.
        var masked: String {
            let hex = try! NSRegularExpression(pattern: "[0-9a-f]{64}")
            let t = text.replacingOccurrences(of: dir, with: "DIR")
            return hex.stringByReplacingMatches(in: t, range: NSRange(t.startIndex..., in: t), withTemplate: "<fingerprint>")
        }
    }

    /// The pool of WorkflowTests (40 respondents, pairs at an address among the first ten) in `language`.
    static func transcript(_ language: ReportLanguage) throws -> String {
        let f = try WorkflowTests.Fixture()
        var out = Transcript(dir: f.dir)
        var select = f.select()
        select.language = language
        select.alternates = 2
        var files = OutputFiles(directory: f.dir + "/panel")
        let selected = try SelectWorkflow.run(select, into: &files)
        try files.commit()
        out.add("select", lines: selected.lines + selected.notes, details: selected.details, warnings: selected.warnings)

        var check = CheckWorkflow.Request(people: f.pool, quotas: f.bad, panelSize: 10)
        check.householdColumns = ["address"]
        check.language = language
        var suggest = OutputFiles(directory: f.dir + "/suggest", placement: .intoFolder)
        let checked = try CheckWorkflow.run(check, into: &suggest)
        out.add("check", lines: checked.lines, warnings: checked.warnings)

        var commit = CommitWorkflow.Request(people: f.pool, quotas: f.ok, panelSize: 10, seedFormat: "dice:10")
        commit.householdColumns = ["address"]
        commit.panels = 50
        commit.alternates = 2
        commit.language = language
        let folder = f.dir + "/lottery"
        var committedFiles = OutputFiles(directory: folder, placement: .newFolder, inputs: RunInputs(commit.inputs))
        let committed = try CommitWorkflow.run(commit, into: &committedFiles)
        try committedFiles.commit()
        out.add("commit", lines: committed.lines, details: committed.details, warnings: committed.warnings)

        let seed = "6 5 4 3 2 1 6 5 4 3"
        var draw = DrawWorkflow.Request(commitment: folder, seed: seed)
        draw.language = language
        var drawFiles = OutputFiles(directory: draw.defaultFolder)
        let drawn = try DrawWorkflow.run(draw, into: &drawFiles)
        try drawFiles.commit()
        out.add("draw", lines: drawn.lines, details: drawn.details, warnings: drawn.warnings)

        var verify = VerifyWorkflow.Request(commitment: folder, seed: seed)
        verify.language = language
        let verified = try VerifyWorkflow.run(verify)
        #expect(verified.verified, "\(verified.problems)")
        out.add("verify", lines: verified.lines, details: verified.details)
        verify.seed = "1 1 1 1 1 1 1 1 1 1"
        let wrongSeed = try VerifyWorkflow.run(verify)
        #expect(!wrongSeed.verified)
        out.add("verify (another seed)", lines: wrongSeed.lines)

        var replace = ReplaceWorkflow.Request(panel: draw.defaultFolder + "/panel.csv", dropouts: drawn.memberIDs.prefix(2).joined(separator: ","),
                                              people: f.pool, quotas: f.ok, seed: "after the draw")
        replace.householdColumns = ["address"]
        replace.alternates = draw.defaultFolder + "/alternates.csv"
        replace.language = language
        var replaced = OutputFiles(directory: f.dir + "/replaced", placement: .newFolder, inputs: RunInputs(replace.inputs))
        let result = try ReplaceWorkflow.run(replace, into: &replaced)
        try replaced.commit()
        out.add("replace", lines: result.lines, details: result.details, warnings: result.warnings)
        return out.masked
    }

    @Test(arguments: ReportLanguage.allCases) func theConsoleLinesAreTheGoldenOnes(language: ReportLanguage) throws {
        let text = try Self.transcript(language)
        try expectGolden(text, "console.\(language.rawValue).txt")
        // The fingerprint and what to do next stay visible without --verbose.
        let commit = text.components(separatedBy: "$ kleroterion commit\n")[1].components(separatedBy: "  [--verbose]")[0]
        #expect(commit.contains("(SHA-256") && commit.contains("<fingerprint>") && commit.contains("kleroterion draw --commitment DIR/lottery"), "\(commit)")
    }

    /// The Dutch and German lines hold none of the English words a reader would stumble over (options, file names and
    /// commands are typed as written, so they are left out).
    @Test(arguments: [ReportLanguage.nl, .de]) func noEnglishWordsOnTheDutchOrGermanConsole(language: ReportLanguage) throws {
        let list = PublishedTextGoldenTests.englishWords.filter { !(language == .de && $0 == "chance") }
        func check<Key: TextTableKey>(_ key: Key.Type) {
            for (k, text) in Key.table(language) {
                let words = Set(OutcomeNoteTests.words(text))
                for word in list { #expect(!words.contains(word), "\(Key.self).\(k.rawValue) (\(language)): '\(word)' in \"\(text)\"") }
            }
        }
        check(CommonLine.self); check(SelectLine.self); check(LotteryLine.self); check(InvitationLine.self); check(FileLine.self)
        check(ReadingLine.self); check(NoteKey.self); check(VerifyLine.self)
        // The lines of a whole run too, with verify's ✓ checks and ✗ findings, but the folders (DIR/lottery).
        let text = try Self.transcript(language).replacingOccurrences(of: "DIR/lottery", with: "DIR")
        let prose = text.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("$ ") }
        #expect(prose.contains { $0.contains("✓") } && prose.contains { $0.contains("✗") }, "verify's lines are among those checked")
        let words = Set(prose.flatMap(OutcomeNoteTests.words))
        for word in list { #expect(!words.contains(word), "\(language) console: '\(word)'") }
        // The check can fail: the English run is full of these words.
        let english = Set(try Self.transcript(.en).split(separator: "\n").flatMap { OutcomeNoteTests.words(String($0)) })
        #expect(english.contains("the") && english.contains("respondents") && english.contains("seed"))
    }

    /// A Dutch report of a LEXIMIN draw, made by select and by a committed draw, says its notes in Dutch.
    @Test func aDutchLeximinReportHasNoEnglishNote() throws {
        let f = try WorkflowTests.Fixture()
        var select = f.select(algorithm: "leximin")
        select.language = .nl
        var files = OutputFiles(directory: f.dir + "/panel")
        let selected = try SelectWorkflow.run(select, into: &files)
        try files.commit()
        #expect(selected.outcome.notes.contains { if case .leximinRelaxation = $0 { return true }; if case .leximinColumnGeneration = $0 { return true }; return false })
        var commit = CommitWorkflow.Request(people: f.pool, quotas: f.ok, panelSize: 10, seedFormat: "dice:10")
        commit.householdColumns = ["address"]
        commit.panels = 50
        var lottery = OutputFiles(directory: f.dir + "/lottery", placement: .newFolder, inputs: RunInputs(commit.inputs))
        _ = try CommitWorkflow.run(commit, into: &lottery)
        try lottery.commit()
        var drawFiles = OutputFiles(directory: f.dir + "/lottery/draw")
        _ = try DrawWorkflow.run(DrawWorkflow.Request(commitment: f.dir + "/lottery", seed: "6 5 4 3 2 1 6 5 4 3"), into: &drawFiles)
        try drawFiles.commit()

        let english = PublishedTextGoldenTests.englishWords + ["stage", "stages", "column", "generation", "relaxation", "pricing", "rounding", "distribution"]
        for folder in ["panel", "lottery/draw"] {
            let markdown = try String(contentsOfFile: f.dir + "/\(folder)/report.md", encoding: .utf8)
            let section = try #require(markdown.components(separatedBy: "\nOpmerkingen:\n").dropFirst().first, "\(folder): no notes in\n\(markdown)")
            let notes = section.split(separator: "\n").prefix { $0.hasPrefix("- ") || $0.isEmpty }.filter { !$0.isEmpty }.map(String.init)
            #expect(notes.count >= 2, "\(folder): \(notes)")
            for note in notes {
                let words = Set(OutcomeNoteTests.words(note))
                for word in english { #expect(!words.contains(word), "\(folder)/report.md: '\(word)' in \(note)") }
            }
            let html = try String(contentsOfFile: f.dir + "/\(folder)/report.html", encoding: .utf8)
            #expect(!html.contains("stages") && !html.contains("pricing ILP") && !html.contains("committed lottery"), "\(folder)/report.html")
            // The English report says the same notes in English.
            var report = ReportWorkflow.Request(runFolder: f.dir + "/" + folder)
            report.language = .en
            var again = OutputFiles(directory: f.dir + "/" + folder, placement: .updateFolder)
            let rendered = try ReportWorkflow.run(report, into: &again)
            #expect(rendered.html.contains("Leximin: ") || rendered.html.contains("Drawn from a committed lottery"), "\(folder)")
        }
    }
}
