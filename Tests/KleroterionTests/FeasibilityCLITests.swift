import Foundation
import Testing
@testable import Kleroterion

/// `check`, `select --relax` and `replace` as the user runs them: exit codes, files written, audit log.
@Suite struct FeasibilityCLITests {
    func run(_ arguments: [String]) throws -> ProgramRun {
        try runProgram(try kleroterionBinary(), arguments)
    }

    /// 40 respondents: 6 aged 16-24, pairs sharing an address among the first 10.
    func fixture() throws -> (dir: String, pool: String, ok: String, bad: String) {
        let dir = temporaryDirectory()
        var pool = "id,age,gender,address\n"
        for i in 0..<40 {
            pool += "r\(i),\(i < 6 ? "16-24" : "25+"),\(i % 2 == 0 ? "f" : "m"),\(i < 10 ? "A\(i / 2)" : "B\(i)")\n"
        }
        try pool.write(toFile: dir + "/pool.csv", atomically: true, encoding: .utf8)
        try "feature,value,min,max,population_share\nage,16-24,2,4,0.15\nage,25+,6,8,0.85\ngender,f,4,6,0.5\ngender,m,4,6,0.5\n"
            .write(toFile: dir + "/ok.csv", atomically: true, encoding: .utf8)
        try "feature,value,min,max,population_share\nage,16-24,5,6,0.15\nage,25+,4,8,0.85\ngender,f,4,6,0.5\ngender,m,4,6,0.5\n"
            .write(toFile: dir + "/bad.csv", atomically: true, encoding: .utf8)
        return (dir, dir + "/pool.csv", dir + "/ok.csv", dir + "/bad.csv")
    }

    func ids(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    @Test func checkExitCodesAndSuggestion() throws {
        let f = try fixture()
        let common = ["check", "--people", f.pool, "--panel-size", "10", "--household-columns", "address"]
        let ok = try run(common + ["--quotas", f.ok])
        #expect(ok.status == 0)
        #expect(ok.stdout.hasPrefix("Haalbaar: minstens één panel van 10"), "\(ok.stdout)")
        let bad = try run(common + ["--quotas", f.bad, "--out", f.dir + "/suggest"])
        #expect(bad.status == 1)
        // Six young respondents, but r0–r5 live in pairs at three addresses: said in Dutch by default, and what to do next.
        #expect(bad.stdout.hasPrefix("Niet haalbaar: geen enkel panel van 10"), "\(bad.stdout)")
        #expect(bad.stdout.contains("er zijn 6 aanmelders met age 16-24, maar ze wonen op maar 3 adressen"), "\(bad.stdout)")
        #expect(bad.stdout.contains("verlaag het minimum van age 16-24 van 5 naar 3"), "\(bad.stdout)")
        #expect(bad.stdout.contains("\nWat nu: pas de quota aan"), "\(bad.stdout)")
        let relaxed = try String(contentsOfFile: f.dir + "/suggest/quotas-relaxed.csv", encoding: .utf8)
        #expect(relaxed.contains("age,16-24,3,6,0.15"))
        // relaxation.md speaks Dutch by default, like the console, and English with --language en.
        let md = try String(contentsOfFile: f.dir + "/suggest/relaxation.md", encoding: .utf8)
        #expect(md.contains("Met deze quota is geen panel van 10 mogelijk") && md.contains("verlaag het minimum van age 16-24 van 5 naar 3"), "\(md)")
        #expect(md.contains("er zijn 6 aanmelders met age 16-24, maar ze wonen op maar 3 adressen"), "\(md)")
        let english = try run(common + ["--quotas", f.bad, "--out", f.dir + "/suggest-en", "--language", "en"])
        #expect(english.status == 1 && english.stdout.hasPrefix("Infeasible"), "\(english.stdout)")
        #expect(english.stdout.contains("6 respondents have age 16-24, but they live at only 3 addresses"))
        #expect(english.stdout.contains("lower the minimum of age 16-24 from 5 to 3"))
        let mdEnglish = try String(contentsOfFile: f.dir + "/suggest-en/relaxation.md", encoding: .utf8)
        #expect(mdEnglish.contains("lower the minimum of age 16-24 from 5 to 3"), "\(mdEnglish)")
        #expect(try run(common + ["--quotas", f.bad, "--out", f.dir + "/suggest-fr", "--language", "fr"]).status == 2)
        #expect(try run(common + ["--quotas", f.dir + "/missing.csv"]).status == 2)
    }

    @Test func selectStopsOrRelaxes() throws {
        let f = try fixture()
        let common = ["select", "--people", f.pool, "--quotas", f.bad, "--panel-size", "10", "--household-columns", "address",
                      "--seed", "cli test", "--algorithm", "legacy"]
        let stopped = try run(common + ["--out", f.dir + "/stopped"])
        #expect(stopped.status == 2)
        #expect(stopped.stderr.contains("only 3 addresses") && stopped.stderr.contains("--relax"))
        #expect(!FileManager.default.fileExists(atPath: f.dir + "/stopped"))
        let relaxed = try run(common + ["--out", f.dir + "/relaxed", "--relax"])
        #expect(relaxed.status == 0)
        #expect(FileManager.default.fileExists(atPath: f.dir + "/relaxed/relaxation.md"))
        // The relaxation is recorded in the report, in its language, and said on the console.
        let report = try String(contentsOfFile: f.dir + "/relaxed/report.md", encoding: .utf8)
        #expect(report.contains("De quota zijn met --relax 2 zetels ruimer gemaakt"), "\(report)")
        #expect(report.contains("verlaag het minimum van age 16-24 van 5 naar 3"))
        #expect(relaxed.stdout.contains("De quota zijn met --relax 2 zetels ruimer gemaakt"), "\(relaxed.stdout)")
        let json = try RepresentativenessReport.load(path: f.dir + "/relaxed/report.json")
        #expect(json.notes.contains { if case .relaxed(let rows) = $0 { return rows.count == 1 && rows[0].newMin == 3 } else { return false } })
        let panel = try ids(f.dir + "/relaxed/panel.csv"), remaining = try ids(f.dir + "/relaxed/remaining.csv")
        #expect(panel.count == 10)
        #expect((panel + remaining).sorted() == (0..<40).map { "r\($0)" }.sorted())
    }

    @Test func replaceKeepsConfirmedAndAppendsToTheAuditLog() throws {
        let f = try fixture()
        let drawn = try run(["select", "--people", f.pool, "--quotas", f.ok, "--panel-size", "10", "--household-columns", "address",
                             "--seed", "draw", "--algorithm", "legacy", "--out", f.dir + "/draw"])
        #expect(drawn.status == 0)
        let original = try ids(f.dir + "/draw/panel.csv")
        let dropouts = Array(original.prefix(2))
        func replace(_ panel: String, _ out: String, _ dropouts: String, seed: String) throws -> ProgramRun {
            try run(["replace", "--panel", panel, "--dropouts", dropouts, "--people", f.pool, "--quotas", f.ok,
                     "--household-columns", "address", "--seed", seed, "--out", out, "--algorithm", "legacy"])
        }
        let first = try replace(f.dir + "/draw/panel.csv", f.dir + "/r", dropouts.joined(separator: ","), seed: "one")
        #expect(first.status == 0, "\(first.stderr)")
        let completed = try ids(f.dir + "/r/panel.csv"), remaining = try ids(f.dir + "/r/remaining.csv")
        #expect(completed.count == 10)
        #expect(Set(original).subtracting(dropouts).isSubset(of: Set(completed)))
        #expect(Set(completed).isDisjoint(with: dropouts))
        #expect((completed + remaining).sorted() == (0..<40).map { "r\($0)" }.sorted())
        for name in ["report.md", "report.json", "report.html", "replacement.md"] {
            #expect(FileManager.default.fileExists(atPath: f.dir + "/r/" + name), "\(name) missing")
        }
        // The same seed in another process gives the same replacements.
        let again = try replace(f.dir + "/draw/panel.csv", f.dir + "/r-again", dropouts.joined(separator: ","), seed: "one")
        #expect(again.status == 0)
        #expect(try ids(f.dir + "/r-again/panel.csv") == completed)
        // A second replacement cannot write into the folder of the panel it reads (issue #12: inputs are never
        // overwritten); into a new folder it carries the audit log over and appends; the first entry's text is kept.
        let log1 = try String(contentsOfFile: f.dir + "/r/audit.json", encoding: .utf8)
        try "\(completed[0])\n".write(toFile: f.dir + "/out.txt", atomically: true, encoding: .utf8)
        let inPlace = try replace(f.dir + "/r/panel.csv", f.dir + "/r", f.dir + "/out.txt", seed: "two")
        #expect(inPlace.status == 2 && inPlace.stderr.contains("holds the input"), "\(inPlace.stderr)")
        #expect(try String(contentsOfFile: f.dir + "/r/audit.json", encoding: .utf8) == log1)
        let second = try replace(f.dir + "/r/panel.csv", f.dir + "/r2", f.dir + "/out.txt", seed: "two")
        #expect(second.status == 0, "\(second.stderr)")
        let log2 = try String(contentsOfFile: f.dir + "/r2/audit.json", encoding: .utf8)
        #expect(log2.hasPrefix(String(log1[..<log1.lastIndex(of: "]")!]).trimmingCharacters(in: .whitespacesAndNewlines)))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log2.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["seed"] as? String } == ["one", "two"])
        #expect(entries[0]["dropouts"] as? [String] == dropouts)
        // A dropout who is not on the panel is an input error: exit 2, nothing written.
        let wrong = try replace(f.dir + "/draw/panel.csv", f.dir + "/wrong", "nobody", seed: "x")
        #expect(wrong.status == 2)
        #expect(!FileManager.default.fileExists(atPath: f.dir + "/wrong"))
    }
}
