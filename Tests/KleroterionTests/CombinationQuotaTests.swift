import Foundation
import Testing
@testable import Kleroterion

/// A small pool as CSV text with quotas on single features and on combinations (`gender&age`), and an
/// independent reading of those quotas straight from the text: the tests compare every algorithm with it.
struct CombinationFixture {
    let poolText: String
    let quotasText: String
    let problem: SelectionProblem
    /// Per person: column name → value, from the pool text.
    let people: [[String: String]]
    /// The quota rows: (features, values, min, max), a combination split on `&`.
    let rows: [(features: [String], values: [String], min: Int, max: Int)]

    static let genders = ["v", "m"], ages = ["young", "mid", "old"], regions = ["north", "south"]

    /// `n` people, panels of `k`; a few pairs share an address. Quotas: loose single-feature bands and
    /// combination rows with tight bands, so that the combinations bind.
    init(seed: Int, n: Int = 13, k: Int = 5) throws {
        let r = try SeededRandom(seed: "combination fixture \(seed)")
        var lines = ["id,gender,age,region,address"]
        var people: [[String: String]] = []
        for i in 0..<n {
            let person = ["id": "p\(i)", "gender": Self.genders[r.int(below: 2)], "age": Self.ages[r.int(below: 3)],
                          "region": Self.regions[r.int(below: 2)], "address": i % 5 == 1 ? "a\(i - 1)" : "a\(i)"]
            people.append(person)
            lines.append([person["id"]!, person["gender"]!, person["age"]!, person["region"]!, person["address"]!].joined(separator: ","))
        }
        func count(_ fs: [String], _ vs: [String]) -> Int { people.filter { p in zip(fs, vs).allSatisfy { p[$0] == $1 } }.count }
        var rows: [(features: [String], values: [String], min: Int, max: Int)] = []
        for g in Self.genders { rows.append((["gender"], [g], 1, k)) }
        // The combination gender&age on some cells, region&gender on one: at least 1 where possible, at most 1 or 2.
        for g in Self.genders {
            for a in Self.ages where r.int(below: 3) > 0 {
                let have = count(["gender", "age"], [g, a])
                rows.append((["gender", "age"], [g, a], min(have, r.int(below: 2)), 1 + r.int(below: 2)))
            }
        }
        rows.append((["region", "gender"], ["north", "v"], min(count(["region", "gender"], ["north", "v"]), 1), 2))
        var quotas = ["feature,value,min,max"]
        for q in rows { quotas.append("\(q.features.joined(separator: "&")),\(q.values.joined(separator: "&")),\(q.min),\(q.max)") }
        poolText = lines.joined(separator: "\n") + "\n"
        quotasText = quotas.joined(separator: "\n") + "\n"
        self.people = people
        self.rows = rows
        let pool = try Pool(table: parseCSV(poolText, name: "pool.csv"))
        problem = try SelectionProblem(pool: pool, quotas: QuotaSet(table: parseCSV(quotasText, name: "quotas.csv")), panelSize: k,
                                       householdColumns: ["address"])
    }

    /// Does this panel meet every quota row and the household rule? Read from the text, not from the problem.
    func isValid(_ panel: [Int]) -> Bool {
        guard Set(panel.map { people[$0]["address"]! }).count == panel.count else { return false }
        return rows.allSatisfy { q in
            let n = panel.filter { i in zip(q.features, q.values).allSatisfy { people[i][$0] == $1 } }.count
            return q.min <= n && n <= q.max
        }
    }

    /// Every valid panel, by enumeration.
    func panels() -> [[Int]] {
        var result: [[Int]] = [], current: [Int] = []
        func extend(_ i: Int) {
            if current.count == problem.panelSize { if isValid(current) { result.append(current) }; return }
            guard i < people.count else { return }
            current.append(i); extend(i + 1); current.removeLast(); extend(i + 1)
        }
        extend(0)
        return result
    }
}

@Suite struct CombinationQuotaTests {
    static let seeds = Array(0..<8)

    @Test(arguments: seeds)
    func theProblemAcceptsExactlyThePanelsTheQuotaRowsAllow(seed: Int) throws {
        let f = try CombinationFixture(seed: seed)
        let expected = f.panels()
        #expect(FairBruteForce.panels(f.problem) == expected)
    }

    @Test func theFixturesAreNotTrivial() throws {
        // Most seeds have valid panels, and on most the combination rows rule out panels the gender rows allow.
        var feasible = 0, binding = 0
        for seed in Self.seeds {
            let f = try CombinationFixture(seed: seed)
            let panels = f.panels()
            if !panels.isEmpty { feasible += 1 }
            var loose = f.problem
            for j in loose.features.indices where loose.features[j].isCombination {
                loose.features[j].min = loose.features[j].min.map { _ in 0 }
                loose.features[j].max = loose.features[j].max.map { _ in loose.panelSize }
            }
            if FairBruteForce.panels(loose).count > panels.count { binding += 1 }
        }
        #expect(feasible >= 6 && binding >= 6, "feasible \(feasible), binding \(binding)")
    }

    @Test(arguments: seeds)
    func classesStayExactWithCombinations(seed: Int) throws {
        // Members of one class must meet exactly the same quota rows, or the compression would not be exact.
        let f = try CombinationFixture(seed: seed)
        let classes = RespondentClasses(f.problem)
        for c in 0..<classes.count {
            let signatures = Set(classes.members(c).map { i in
                f.rows.map { q in zip(q.features, q.values).allSatisfy { f.people[i][$0] == $1 } }
            })
            #expect(signatures.count == 1, "class \(c) mixes people who meet different quota rows")
        }
    }

    @Test(arguments: seeds, FairSelectionTests.methods)
    func leximinAndMaximinMatchBruteForce(seed: Int, method: FairMethod) throws {
        let f = try CombinationFixture(seed: seed)
        let all = f.panels()
        guard !all.isEmpty else { return }
        let expected = try FairBruteForce.leximin(f.problem, panels: all)
        let lex = try LeximinSelection(method: method).select(f.problem, random: try SeededRandom(seed: "cl\(seed)"), options: SelectionOptions())
        checkOutcome(f.problem, lex)
        for panel in lex.distribution!.panels { #expect(f.isValid(panel)) }
        for i in 0..<f.problem.count {
            #expect(abs(lex.probabilities.values[i] - expected[i]) < 1e-6, "person \(i): \(lex.probabilities.values[i]) vs \(expected[i])")
        }
        let max = try MaximinSelection(method: method).select(f.problem, random: try SeededRandom(seed: "cm\(seed)"), options: SelectionOptions())
        checkOutcome(f.problem, max)
        for panel in max.distribution!.panels { #expect(f.isValid(panel)) }
        #expect(abs(max.probabilities.values.min()! - expected.min()!) < 1e-6)
    }

    @Test(arguments: seeds)
    func nashAndLegacyMeetTheCombinations(seed: Int) throws {
        let f = try CombinationFixture(seed: seed)
        let all = f.panels()
        guard !all.isEmpty else { return }
        let nash = try NashSelection().select(f.problem, random: try SeededRandom(seed: "cn\(seed)"), options: SelectionOptions())
        checkOutcome(f.problem, nash)
        for panel in nash.distribution!.panels { #expect(f.isValid(panel)) }
        let lex = try FairBruteForce.leximin(f.problem, panels: all)
        let positive = (0..<f.problem.count).filter { lex[$0] > 1e-9 }
        func logSum(_ v: [Double]) -> Double { positive.reduce(0) { $0 + log(v[$1]) } }
        #expect(logSum(nash.probabilities.values) >= logSum(lex) - 1e-4)
        var options = SelectionOptions()
        options.legacyEstimateRuns = 50
        if let legacy = try? LegacySelection().select(f.problem, random: try SeededRandom(seed: "cg\(seed)"), options: options) {
            #expect(f.isValid(legacy.panel))
            // Nobody who sits on no valid panel can get a chance.
            let possible = Set(all.joined())
            for i in 0..<f.problem.count where !possible.contains(i) { #expect(legacy.probabilities.values[i] == 0) }
        }
    }

    @Test func aCombinationRowNeedsOneValuePerFeature() throws {
        let pool = try Pool(table: parseCSV("id,gender,age\n1,v,young\n2,m,old\n", name: "pool.csv"))
        let quotas = try QuotaSet(table: parseCSV("feature,value,min,max\ngender&age,v,0,1\n", name: "quotas.csv"))
        #expect { try SelectionProblem(pool: pool, quotas: quotas, panelSize: 1) } throws: { e in
            let m = "\(e)"
            return m.contains("quotas.csv:2") && m.contains("joined by '&'")
        }
        let unknown = try QuotaSet(table: parseCSV("feature,value,min,max\ngender&region,v&north,0,1\n", name: "quotas.csv"))
        #expect { try SelectionProblem(pool: pool, quotas: unknown, panelSize: 1) } throws: { e in
            "\(e)".contains("'region', which is not a column")
        }
    }

    @Test func aPoolColumnWhoseNameHasAnAmpersandIsStillOneFeature() throws {
        let pool = try Pool(table: parseCSV("id,R&D\n1,yes\n2,no\n", name: "pool.csv"))
        let quotas = try QuotaSet(table: parseCSV("feature,value,min,max\nR&D,yes,1,1\nR&D,no,0,1\n", name: "quotas.csv"))
        let p = try SelectionProblem(pool: pool, quotas: quotas, panelSize: 1)
        #expect(!p.features[0].isCombination && p.category == [[0], [1]])
    }

    /// 20 people, 6 young women among them; the quotas ask for 7 young women.
    func shortPool() throws -> (SelectionProblem, QuotaSet) {
        var lines = ["id,gender,age"]
        for i in 0..<20 { lines.append("p\(i),\(i % 2 == 0 ? "v" : "m"),\(i < 12 ? "young" : "old")") }
        let quotas = try QuotaSet(table: parseCSV("""
            feature,value,min,max,population_share
            gender,v,4,6,0.5
            gender,m,4,6,0.5
            gender&age,v&young,7,8,0.3

            """, name: "quotas.csv"))
        let pool = try Pool(table: parseCSV(lines.joined(separator: "\n") + "\n", name: "pool.csv"))
        return (try SelectionProblem(pool: pool, quotas: quotas, panelSize: 10), quotas)
    }

    @Test func checkNamesTheCombinationAndRelaxKeepsItsRow() throws {
        let (p, quotas) = try shortPool()
        #expect(p.features[1].otherValue == 1 && p.features[1].values == ["v&young", SelectionProblem.otherCombination])
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: p), shares: QuotaRelaxation.shares(quotas, for: p))
        #expect(!report.isFeasible)
        #expect(report.reasons.map(\.text).contains("only 6 respondents have (gender v & age young), but the quotas ask for at least 7"),
                "\(report.reasons.map(\.text))")
        let relaxation = try #require(report.relaxation)
        #expect(relaxation.seats == 1)
        let csv = relaxation.quotasCSV()
        #expect(csv.contains("gender&age,v&young,6,8,0.3"), "\(csv)")
        #expect(!csv.contains(SelectionProblem.otherCombination))
        let relaxed = relaxation.apply(to: p)
        let o = try LeximinSelection().select(relaxed, random: try SeededRandom(seed: "relaxed"), options: SelectionOptions())
        checkOutcome(relaxed, o)
        #expect(o.panel.filter { p.category[$0][1] == 0 }.count == 6)
    }

    @Test func thePublishedMembersAndQuotasRebuildTheSameConstraints() throws {
        let f = try CombinationFixture(seed: 3)
        let pseudonyms = Pseudonyms(pool: try Pool(table: parseCSV(f.poolText, name: "pool.csv")))
        let members = try Pool(table: parseCSV(Commitment.membersTable(f.problem, pseudonyms: pseudonyms), name: "members.csv"),
                               idColumn: Commitment.pseudonymColumn)
        #expect(!members.table.header.contains { $0.contains("&") })
        let quotasText = Commitment.quotasTable(f.problem)
        #expect(!quotasText.contains(SelectionProblem.otherCombination))
        let again = try SelectionProblem(pool: members, quotas: QuotaSet(table: parseCSV(quotasText, name: "quotas.csv")),
                                         panelSize: f.problem.panelSize, householdColumns: [Commitment.householdColumn])
        // members.csv lists people by pseudonym: row j of it is row rowOf[j] of the pool.
        let mapped = FairBruteForce.panels(again).map { $0.map { pseudonyms.rowOf[$0] }.sorted() }
        #expect(Set(mapped) == Set(f.panels()))
    }

    @Test func replacementKeepsTheCombinationQuotas() throws {
        let f = try CombinationFixture(seed: 1, n: 14)
        let all = f.panels()
        guard let panel = all.first else { return }
        // Whoever leaves the panel, the completed one must meet every row again.
        var constraints = PanelConstraints(problem: f.problem, confirmed: Array(panel.dropFirst()))
        constraints.eligible[panel[0]] = false
        let result = try Replacement.draw(constraints, algorithm: LeximinSelection(), random: try SeededRandom(seed: "replace"),
                                          options: SelectionOptions())
        #expect(f.isValid(result.panel))
    }
}

/// `check`, `commit`, `draw`, `verify` and docs/verify_draw.py on a pool with combination quotas.
@Suite struct CombinationCLITests {
    func kleroterion(_ arguments: [String]) throws -> ProgramRun { try runProgram(try kleroterionBinary(), arguments) }

    /// 48 respondents (some share a street), quotas on gender, age_band and two combinations.
    func files() throws -> (dir: String, pool: String, quotas: String) {
        let dir = temporaryDirectory()
        var rows = ["id,name,street,gender,age_band"]
        let ages = ["16-24", "25-64", "65+"]
        for i in 0..<48 { rows.append("r\(i),Naam \(i),Straat \(i % 9 == 1 ? i - 1 : i),\(i % 2 == 0 ? "vrouw" : "man"),\(ages[(i / 2) % 3])") }
        try (rows.joined(separator: "\n") + "\n").write(toFile: dir + "/pool.csv", atomically: true, encoding: .utf8)
        try """
            feature,value,min,max
            gender,vrouw,4,6
            gender,man,4,6
            age_band,16-24,1,5
            age_band,25-64,2,6
            age_band,65+,1,5
            gender&age_band,vrouw&16-24,2,2
            gender&age_band,man&65+,1,2

            """.write(toFile: dir + "/quotas.csv", atomically: true, encoding: .utf8)
        return (dir, dir + "/pool.csv", dir + "/quotas.csv")
    }

    @Test func checkNamesTheCombinationInAConflict() throws {
        let f = try files()
        let tight = try String(contentsOfFile: f.quotas, encoding: .utf8).replacingOccurrences(of: "vrouw&16-24,2,2", with: "vrouw&16-24,6,6")
        try tight.write(toFile: f.dir + "/tight.csv", atomically: true, encoding: .utf8)
        let r = try kleroterion(["check", "--people", f.pool, "--quotas", f.dir + "/tight.csv", "--panel-size", "10", "--out", f.dir])
        #expect(r.status == 1, "\(r.output)")
        #expect(r.output.contains("(gender vrouw & Leeftijd 16-24) minstens 6"), "\(r.output)")
        let english = try kleroterion(["check", "--people", f.pool, "--quotas", f.dir + "/tight.csv", "--panel-size", "10", "--out", f.dir + "/en",
                                       "--language", "en"])
        #expect(english.status == 1 && english.output.contains("(gender vrouw & Age 16-24) at least 6"), "\(english.output)")
        let relaxed = try String(contentsOfFile: f.dir + "/quotas-relaxed.csv", encoding: .utf8)
        #expect(relaxed.contains("gender&age_band,vrouw&16-24,5,6") && !relaxed.contains(SelectionProblem.otherCombination), "\(relaxed)")
    }

    @Test func commitDrawVerifyAndThePythonScriptCheckTheCombinations() throws {
        let f = try files()
        let dir = f.dir + "/commitment"
        let commit = try kleroterion(["commit", "--people", f.pool, "--quotas", f.quotas, "--panel-size", "10",
                                      "--household-columns", "street", "--panels", "60", "--seed-source", "two dice", "--seed-format", "dice:2",
                                      "--allow-weak-seed", "--out", dir])
        #expect(commit.status == 0, "\(commit.output)")
        #expect(try kleroterion(["draw", "--commitment", dir, "--seed", "4 6"]).status == 0)
        let ok = try kleroterion(["verify", "--commitment", dir, "--seed", "4 6", "--people", f.pool, "--quotas", f.quotas])
        #expect(ok.status == 0 && ok.output.hasPrefix("In orde:"), "\(ok.output)")
        let script = LotteryFixture.repositoryRoot.appendingPathComponent("docs/verify_draw.py").path
        let good = try runProgram("python3", [script, dir, "4 6"])
        #expect(good.status == 0, "\(good.output)")
        // A combination band no panel meets, with the manifest's hash updated: the script must count the combination.
        let quotasPath = dir + "/quotas.csv"
        let original = try String(contentsOfFile: quotasPath, encoding: .utf8)
        let impossible = original.replacingOccurrences(of: "gender&age_band,vrouw&16-24,2,2", with: "gender&age_band,vrouw&16-24,9,9")
        #expect(impossible != original)
        try impossible.write(toFile: quotasPath, atomically: true, encoding: .utf8)
        let manifestPath = dir + "/manifest.json"
        let manifest = try String(contentsOfFile: manifestPath, encoding: .utf8)
            .replacingOccurrences(of: Hashing.sha256(original), with: Hashing.sha256(impossible))
        try manifest.write(toFile: manifestPath, atomically: true, encoding: .utf8)
        let bad = try runProgram("python3", [script, dir, "4 6"])
        #expect(bad.status == 1 && bad.output.contains("for gender&age_band = vrouw&16-24"), "\(bad.output)")
    }
}
