import Foundation
import Testing
@testable import Kleroterion

/// The plain-language reasons, the relaxation files, the dropout list and the audit log.
@Suite struct FeasibilityTests {
    /// Ages: 9 of 40 are 16-24; education: 3 values.
    func agePool(young: Int = 9, household: [Int]? = nil, k: Int = 20, youngMin: Int = 14) -> SelectionProblem {
        let people = (0..<40).map { [$0 < young ? 0 : 1, $0 % 3] }
        var p = makeProblem(panelSize: k, bounds: [[(youngMin, k), (0, k)], [(0, k), (0, k), (0, k)]], people: people, household: household)
        p.features[0].name = "age"; p.features[0].values = ["16-24", "25+"]
        p.features[1].name = "education"; p.features[1].values = ["low", "middle", "high"]
        return p
    }

    @Test func tooFewRespondentsForAMinimum() throws {
        let p = agePool()
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: p))
        #expect(!report.isFeasible)
        #expect(report.reasons.map(\.text).contains("only 9 respondents have age 16-24, but the quotas ask for at least 14"))
        #expect(report.conflict == [QuotaBound(feature: 0, value: 0, side: .min)])
        let r = try #require(report.relaxation)
        #expect(r.seats == 5)
        #expect(r.summary.first?.hasPrefix("lower the minimum of age 16-24 from 14 to 9") == true)
    }

    @Test func householdsMakeAMinimumUnreachable() throws {
        // 9 young respondents, but the first six live in pairs: 6 addresses in all.
        var household = Array(0..<40)
        for i in stride(from: 0, to: 6, by: 2) { household[i + 1] = i }
        household[7] = 6; household[8] = 6
        let p = agePool(household: household, youngMin: 7)
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: p))
        #expect(!report.isFeasible)
        #expect(report.reasons.first?.text == "9 respondents have age 16-24, but they live at only 4 addresses and at most one person per address may sit, while the quotas ask for at least 7")
        #expect(report.relaxation?.seats == 3)
    }

    @Test func maximaThatDoNotAddUpToThePanel() throws {
        var p = agePool(youngMin: 0)
        p.features[1].max = [5, 6, 7]
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: p))
        #expect(report.reasons.map(\.text).contains("the maxima of education add up to 18 < 20 seats"))
        #expect(report.relaxation?.seats == 2)
    }

    @Test func minimumAgainstMaximumOfAnotherFeatureIsExplainedWithTheOverlap() throws {
        // Young people are all highly educated; at most 2 highly educated may sit but at least 4 young must.
        let people = (0..<30).map { [$0 < 8 ? 0 : 1, $0 < 8 ? 2 : $0 % 2] }
        var p = makeProblem(panelSize: 10, bounds: [[(4, 10), (0, 10)], [(0, 10), (0, 10), (0, 2)]], people: people)
        p.features[0].name = "age"; p.features[0].values = ["16-24", "25+"]
        p.features[1].name = "education"; p.features[1].values = ["low", "middle", "high"]
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: p))
        #expect(Set(report.conflict ?? []) == [QuotaBound(feature: 0, value: 0, side: .min), QuotaBound(feature: 1, value: 2, side: .max)])
        #expect(report.reasons.last?.text == "the quotas ask for at least 4 seats for age 16-24, but only 0 of the people with age 16-24 do not have education high, and education high may have at most 2 seats: 0 + 2 = 2 < 4")
        #expect(report.relaxation?.seats == 2)
    }

    @Test func tooFewAddressesCannotBeRelaxed() throws {
        let people = (0..<6).map { [$0 % 2] }
        let p = makeProblem(panelSize: 4, bounds: [[(0, 4), (0, 4)]], people: people, household: [0, 0, 1, 1, 2, 2])
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: p))
        #expect(!report.isFeasible)
        #expect(report.conflict == [])
        #expect(report.relaxation == nil)
        #expect(report.noRelaxation != nil)
        #expect(report.text(p).contains("No change to the quotas can help"))
    }

    @Test func relaxationPrefersMovingTowardsThePopulationTarget() throws {
        // The minima add up to 5 > 4 seats: lowering either minimum by one seat fixes it.
        let people = (0..<10).map { [$0 < 5 ? 0 : 1] }
        let p = makeProblem(panelSize: 4, bounds: [[(3, 4), (2, 4)]], people: people)
        // Targets 1 and 2 seats: lowering the first minimum (3 → 2) moves towards its target; the second would move away.
        let r = try #require(try FeasibilityCheck.exact().run(PanelConstraints(problem: p), shares: [[0.25, 0.5]]).relaxation)
        #expect(r.seats == 1)
        #expect(r.rows.map(\.newMin) == [2, 2])
        // Targets 3.6 and 1 seats: now lowering the second minimum is the move towards the target.
        let other = try #require(try FeasibilityCheck.exact().run(PanelConstraints(problem: p), shares: [[0.9, 0.25]]).relaxation)
        #expect(other.rows.map(\.newMin) == [3, 1])
        #expect(other.rows[0].targetFromPopulation && abs(other.rows[0].target - 3.6) < 1e-9)
    }

    @Test func relaxedQuotasFileAndSideBySideDiff() throws {
        let p = agePool()
        let report = try FeasibilityCheck.exact().run(PanelConstraints(problem: p))
        let r = try #require(report.relaxation)
        let csv = try QuotaSet(table: parseCSV(r.quotasCSV(), name: "quotas-relaxed.csv"))
        #expect(csv.quotas.map(\.min) == [9, 0, 0, 0, 0])
        #expect(csv.quotas.map(\.max) == [20, 20, 20, 20, 20])
        let md = r.markdown(quotasFile: "quotas.csv", panelSize: 20, reasons: report.reasons.map(\.text))
        #expect(md.contains("| age | 16-24 | 14 | 9 | 20 | 20 |"))
        #expect(md.contains("◀"))
    }

    @Test func dropoutsFromAListOrAFile() throws {
        #expect(try Replacement.parseIDs(" 17, 243 ,").ids == ["17", "243"])
        let dir = temporaryDirectory()
        let plain = dir + "/out.txt", csv = dir + "/out.csv"
        try "17\n243\n\n".write(toFile: plain, atomically: true, encoding: .utf8)
        try "name,id\nA,17\nB,243\n".write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try Replacement.parseIDs(plain).ids == ["17", "243"])
        #expect(try Replacement.parseIDs(csv).ids == ["17", "243"])
        let single = dir + "/one.txt", header = dir + "/header.csv"
        try "R0042".write(toFile: single, atomically: true, encoding: .utf8)
        try "id\n".write(toFile: header, atomically: true, encoding: .utf8)
        #expect(try Replacement.parseIDs(single).ids == ["R0042"])
        #expect(throws: KleroterionError.self) { try Replacement.parseIDs(header) }
        #expect(throws: KleroterionError.self) { try Replacement.parseIDs(" , ") }
    }

    @Test func dropoutsMustBeOnThePanel() throws {
        let p = agePool(youngMin: 0)
        let pool = try Pool(table: Table(source: "pool.csv", header: ["id"], rows: p.ids.map { [$0] }, lineNumbers: p.ids.indices.map { $0 + 2 }))
        let panel = try Pool(table: Table(source: "panel.csv", header: ["id"], rows: [["p1"], ["p2"]], lineNumbers: [2, 3]))
        #expect(throws: KleroterionError.self) {
            try Replacement.constraints(problem: p, pool: pool, panel: panel, dropouts: ["p3"], dropoutSource: "--dropouts")
        }
        #expect(throws: KleroterionError.self) {
            try Replacement.constraints(problem: p, pool: pool, panel: panel, dropouts: ["p1", "p1"], dropoutSource: "--dropouts")
        }
        // p1 and p2 share an address: the panel itself breaks the household rule.
        var shared = p
        shared.household[2] = 1
        #expect(throws: KleroterionError.self) {
            try Replacement.constraints(problem: shared, pool: pool, panel: panel, dropouts: [], dropoutSource: "--dropouts")
        }
        let c = try Replacement.constraints(problem: p, pool: pool, panel: panel, dropouts: ["p2"], dropoutSource: "--dropouts")
        #expect(c.confirmed == [1] && c.problem.panelSize == 2 && !c.eligible[2] && c.eligible[3])
    }

    @Test func confirmedHousematesAreNotDrawableAndBoundsShift() throws {
        let people = (0..<6).map { [$0 % 2] }
        let p = makeProblem(panelSize: 3, bounds: [[(1, 2), (1, 2)]], people: people, household: [0, 0, 2, 3, 4, 5])
        let c = PanelConstraints(problem: p, confirmed: [0, 3], eligible: [true, true, false, true, true, true])
        #expect(c.drawable == [4, 5])
        let (reduced, map) = c.remainingDraw()
        #expect(map == [4, 5] && reduced.panelSize == 1)
        #expect(reduced.features[0].min == [0, 0] && reduced.features[0].max == [1, 1])
    }

    @Test func auditLogOnlyGrows() throws {
        let a = AuditLog.Entry(time: Date(timeIntervalSince1970: 0), seed: "one", algorithm: "leximin", dropouts: ["7"], replacements: ["9"], confirmed: 9, inputs: ["people": "ab"])
        let b = AuditLog.Entry(time: Date(timeIntervalSince1970: 60), seed: "two", algorithm: "leximin", dropouts: ["9"], replacements: ["12"], confirmed: 9, inputs: ["people": "ab"])
        let first = try AuditLog.appending(a, to: nil, source: "audit.json")
        let second = try AuditLog.appending(b, to: first, source: "audit.json")
        // The earlier text, up to its closing bracket, is kept byte for byte.
        let kept = String(first[..<first.lastIndex(of: "]")!]).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(second.hasPrefix(kept))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(second.utf8)) as? [[String: Any]])
        #expect(entries.count == 2)
        #expect(entries[0]["seed"] as? String == "one" && entries[1]["seed"] as? String == "two")
        #expect(entries[0]["time"] as? String == "1970-01-01T00:00:00Z")
        #expect(throws: KleroterionError.self) { try AuditLog.appending(b, to: "{\"not\": \"a list\"}", source: "audit.json") }
        // A committed draw's record (one object) is continued as the log's first entry, byte for byte.
        let draw = "{\n  \"format\" : \"kleroterion-draw-2\",\n  \"panel\" : 3\n}\n"
        let continued = try AuditLog.appending(b, to: draw, source: "audit.json")
        #expect(continued.hasPrefix("[\n{\n  \"format\" : \"kleroterion-draw-2\""))
        #expect((try JSONSerialization.jsonObject(with: Data(continued.utf8)) as? [Any])?.count == 2)
        #expect(try AuditLog.appending(b, to: "[]", source: "audit.json").hasPrefix("[\n  {"))
    }
}
