import Foundation
import Testing
@testable import Kleroterion

/// The drop-out model, the rate estimates, and `select --alternates` / `replace --alternates` / `dropout-rates` as
/// the user runs them (issue #14).
@Suite struct DropoutTests {
    func run(_ arguments: [String]) throws -> ProgramRun { try runProgram(try kleroterionBinary(), arguments) }

    func write(_ text: String, _ path: String) throws { try text.write(toFile: path, atomically: true, encoding: .utf8) }

    func ids(_ path: String) throws -> [String] {
        try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").dropFirst().map { String($0.split(separator: ",")[0]) }
    }

    /// 40 respondents: ages 16-24 (r0–r5), the rest 25+; education low for every third; pairs at an address among r10–r19.
    func fixture(young: Int = 6) throws -> (dir: String, pool: String, quotas: String) {
        let dir = temporaryDirectory()
        var pool = "id,age,gender,education,address\n"
        for i in 0..<40 {
            pool += "r\(i),\(i < young ? "16-24" : "25+"),\(i % 2 == 0 ? "f" : "m"),\(i % 3 == 0 ? "low" : "high"),\(i >= 10 && i < 20 ? "A\(i / 2)" : "B\(i)")\n"
        }
        try write(pool, dir + "/pool.csv")
        try write("feature,value,min,max,population_share\nage,16-24,2,3,0.2\nage,25+,7,8,0.8\ngender,f,5,5,0.5\ngender,m,5,5,0.5\neducation,low,3,4,0.3\neducation,high,6,7,0.7\n",
                  dir + "/quotas.csv")
        return (dir, dir + "/pool.csv", dir + "/quotas.csv")
    }

    @Test func perFeatureRatesMultiplyAsRelativeRisks() throws {
        let table = try parseCSV("id,age,education\na,16-24,low\nb,16-24,high\nc,40-64,low\nd,40-64,high\n", name: "pool.csv")
        let pool = try Pool(table: table)
        let dir = temporaryDirectory()
        try write("feature,value,dropout_rate\n*,*,10%\nage,16-24,0.2\neducation,LOW ,0.2\n", dir + "/rates.csv")
        let model = try DropoutModel.load(path: dir + "/rates.csv", pool: pool)
        #expect(zip(model.rates, [0.4, 0.2, 0.2, 0.1]).allSatisfy { abs($0 - $1) < 1e-12 })
        try write("id,dropout_rate\nb,0.5\n", dir + "/ids.csv")
        let perPerson = try DropoutModel.load(path: dir + "/ids.csv", pool: pool)
        #expect(perPerson.rates == [0.1, 0.5, 0.1, 0.1])
        // A bad rate names the file, the line and the fix.
        try write("feature,value,dropout_rate\nage,16-24,0.2\nage,40-64,1.5\n", dir + "/bad.csv")
        #expect(throws: KleroterionError.self) { try DropoutModel.load(path: dir + "/bad.csv", pool: pool) }
        do { _ = try DropoutModel.load(path: dir + "/bad.csv", pool: pool) } catch let e as KleroterionError {
            #expect(e.line == 3 && e.file == dir + "/bad.csv" && e.fix != nil)
        }
        try write("feature,value,dropout_rate\nregion,north,0.2\n", dir + "/unknown.csv")
        #expect(throws: KleroterionError.self) { try DropoutModel.load(path: dir + "/unknown.csv", pool: pool) }
    }

    @Test func jeffreysIntervals() {
        for (d, n) in [(0, 10), (3, 30), (15, 150), (10, 10)] {
            let j = DropoutRateEstimate.jeffreys(dropouts: d, members: n, confidence: 0.95)
            #expect(j.rate > 0 && j.rate < 1)
            #expect(j.low <= Double(d) / Double(n) && Double(d) / Double(n) <= j.high)
            #expect(j.low < j.rate && j.rate < j.high)
        }
        // More members, narrower interval; a higher level, wider.
        let small = DropoutRateEstimate.jeffreys(dropouts: 3, members: 30, confidence: 0.95)
        let large = DropoutRateEstimate.jeffreys(dropouts: 30, members: 300, confidence: 0.95)
        let wide = DropoutRateEstimate.jeffreys(dropouts: 3, members: 30, confidence: 0.99)
        #expect(large.high - large.low < small.high - small.low)
        #expect(wide.high - wide.low > small.high - small.low)
        // The normal approximation for a large count: 0.1 ± 1.96 × sqrt(0.1 × 0.9 / 1500).
        let big = DropoutRateEstimate.jeffreys(dropouts: 150, members: 1500, confidence: 0.95)
        #expect(abs(big.low - (0.1 - 1.96 * (0.09 / 1500).squareRoot())) < 0.002)
        #expect(abs(big.high - (0.1 + 1.96 * (0.09 / 1500).squareRoot())) < 0.002)
    }

    @Test func selectWithAlternatesKeepsThePanelAndItsChances() throws {
        let f = try fixture()
        let common = ["select", "--people", f.pool, "--quotas", f.quotas, "--panel-size", "10", "--household-columns", "address", "--seed", "alt"]
        let plain = try run(common + ["--out", f.dir + "/plain"])
        #expect(plain.status == 0, "\(plain.stderr)")
        try write("feature,value,dropout_rate\nage,16-24,0.3\n", f.dir + "/rates.csv")
        let with = try run(common + ["--out", f.dir + "/alt", "--alternates", "3", "--dropout-rates", f.dir + "/rates.csv"])
        #expect(with.status == 0, "\(with.stderr)")
        for name in ["panel.csv", "probabilities.csv", "distribution.csv"] {
            #expect(try String(contentsOfFile: f.dir + "/plain/" + name, encoding: .utf8) == String(contentsOfFile: f.dir + "/alt/" + name, encoding: .utf8), "\(name) changed")
        }
        let panel = try ids(f.dir + "/alt/panel.csv"), alternates = try ids(f.dir + "/alt/alternates.csv"), remaining = try ids(f.dir + "/alt/remaining.csv")
        #expect(alternates.count == 3)
        #expect((panel + alternates + remaining).sorted() == (0..<40).map { "r\($0)" }.sorted())
        let header = try String(contentsOfFile: f.dir + "/alt/alternates.csv", encoding: .utf8).split(separator: "\n")[0]
        #expect(header == "id,age,gender,education,address,rank")
        let chances = try String(contentsOfFile: f.dir + "/alt/alternate-probabilities.csv", encoding: .utf8).split(separator: "\n").dropFirst()
            .map { Double($0.split(separator: ",")[1])! }
        #expect(abs(chances.reduce(0, +) - 3) < 1e-6)
        let report = try String(contentsOfFile: f.dir + "/alt/report.md", encoding: .utf8)
        #expect(report.contains("## Na uitval") && report.contains("1000 gesimuleerde uitvalpatronen") && report.contains("(startwaarde alt, stroom "))
        let json = try String(contentsOfFile: f.dir + "/alt/report.json", encoding: .utf8)
        #expect(json.contains("\"dropouts\"") && !json.contains("\"r1\""))
        let bad = try run(common + ["--out", f.dir + "/bad", "--alternates=-1"])
        #expect(bad.status == 2)
    }

    @Test func replaceUsesAlternatesAndWarnsInsteadOfDeadEnding() throws {
        // Only r0–r2 are young: once the young members drop out, too few young respondents are left for the minimum of 2.
        let f = try fixture(young: 3)
        let drawn = try run(["select", "--people", f.pool, "--quotas", f.quotas, "--panel-size", "10", "--household-columns", "address",
                             "--seed", "alt", "--alternates", "4", "--out", f.dir + "/draw"])
        #expect(drawn.status == 0, "\(drawn.stderr)")
        let panel = try ids(f.dir + "/draw/panel.csv"), alternates = try ids(f.dir + "/draw/alternates.csv")
        func replace(_ dropouts: [String], _ out: String, _ extra: [String] = []) throws -> ProgramRun {
            try run(["replace", "--panel", f.dir + "/draw/panel.csv", "--dropouts", dropouts.joined(separator: ","), "--people", f.pool,
                     "--quotas", f.quotas, "--household-columns", "address", "--seed", "r", "--out", out] + extra)
        }
        let r = try replace([panel[0]], f.dir + "/r", ["--alternates", f.dir + "/draw/alternates.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let completed = try ids(f.dir + "/r/panel.csv"), left = try ids(f.dir + "/r/alternates.csv"), remaining = try ids(f.dir + "/r/remaining.csv")
        #expect(completed.count == 10 && !completed.contains(panel[0]))
        #expect((completed + left + remaining).sorted() == (0..<40).map { "r\($0)" }.sorted())
        let log = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: f.dir + "/r/audit.json"))) as? [[String: Any]])
        let seated = log[0]["alternates_seated"] as? [String] ?? []
        #expect(seated.count + left.count == alternates.count)

        // Drop out every young member, with no alternates: no completion reaches the minimum of 2 young members.
        let young = panel.filter { Int($0.dropFirst())! < 3 }
        #expect(young.count >= 2)
        let dead = try replace(young, f.dir + "/dead")
        #expect(dead.status == 0, "\(dead.stderr)")
        #expect(dead.stderr.contains("let op: het aangevulde panel haalt de quota niet") && dead.stderr.contains("age 16-24"), "\(dead.stderr)")
        #expect(!dead.stdout.contains("haalt alle quota"), "\(dead.stdout)")
        let md = try String(contentsOfFile: f.dir + "/dead/replacement.md", encoding: .utf8)
        // Dutch by default, like the report: the warning, the change and the reason in plain words.
        #expect(md.contains("niet alle quota konden worden gehaald") && md.contains("verlaag het minimum van age 16-24"), "\(md)")
        #expect(md.contains("Waarom:") && md.contains("aanmelder met age 16-24, terwijl de quota er minstens 2 vragen"), "\(md)")
        let strict = try replace(young, f.dir + "/strict", ["--strict"])
        #expect(strict.status == 2)
        #expect(!FileManager.default.fileExists(atPath: f.dir + "/strict"))
        // `check` still answers 1 for quotas that cannot be met.
        try write("feature,value,min,max\nage,16-24,7,8\nage,25+,2,3\ngender,f,5,5\ngender,m,5,5\neducation,low,3,4\neducation,high,6,7\n", f.dir + "/impossible.csv")
        let check = try run(["check", "--people", f.pool, "--quotas", f.dir + "/impossible.csv", "--panel-size", "10"])
        #expect(check.status == 1)
    }

    @Test func dropoutRatesCommandEstimatesFromAPastPanel() throws {
        let f = try fixture()
        try write("r0\nr3\nr6\n", f.dir + "/dropouts.txt")
        let r = try run(["dropout-rates", "--panel", f.pool, "--dropouts", f.dir + "/dropouts.txt", "--features", "age,education", "--out", f.dir + "/rates.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let rows = try String(contentsOfFile: f.dir + "/rates.csv", encoding: .utf8).split(separator: "\n").map { $0.split(separator: ",").map(String.init) }
        #expect(rows[0] == ["feature", "value", "dropout_rate", "members", "dropouts", "ci95_low", "ci95_high"])
        let young = try #require(rows.first { $0[0] == "age" && $0[1] == "16-24" })
        #expect(young[3] == "6" && young[4] == "2")
        #expect(abs(Double(young[2])! - 2.5 / 7) < 1e-4)
        // The file it writes is one select --dropout-rates reads.
        let pool = try Pool.load(path: f.pool)
        let model = try DropoutModel.load(path: f.dir + "/rates.csv", pool: pool)
        #expect(model.rates[0] > model.rates[7])
        let wrong = try run(["dropout-rates", "--panel", f.pool, "--dropouts", "nobody", "--out", f.dir + "/x.csv"])
        #expect(wrong.status == 2)
    }
}
